import fontkit from '@pdf-lib/fontkit';
import { vietnameseFontBytes } from './vietnamese-font';

/** Every letter of Vietnamese: the base letters and each vowel with each of the five tone marks. */
const VIETNAMESE_LETTERS = [
  'aăâbcdđeêghiklmnoôơpqrstuưvxy',
  'àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ',
].join('');

describe('the embedded Vietnamese font', () => {
  it.each(['regular', 'bold'] as const)('has a glyph for every Vietnamese letter, upper and lower case (%s)', (weight) => {
    const font = fontkit.create(Buffer.from(vietnameseFontBytes(weight)));
    const letters = Array.from(VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.toLocaleUpperCase('vi') + '0123456789:./-,;()');
    expect(letters.filter((letter) => !font.hasGlyphForCodePoint(letter.codePointAt(0)!))).toEqual([]);
  });
});
