import { wrap } from './annotation-flattening';

// every character 5 points wide at any size
const font = { widthOfTextAtSize: (text: string) => text.length * 5 };

describe('wrap', () => {
  it('breaks a comment into lines that fit, at spaces, keeping its own line breaks', () => {
    expect(wrap('Cần làm rõ phạm vi điều chỉnh', font, 8, 60)).toEqual(['Cần làm rõ', 'phạm vi điều', 'chỉnh']);
    expect(wrap('Một\nHai ba', font, 8, 100)).toEqual(['Một', 'Hai ba']);
  });

  it('keeps a word longer than the width whole on its own line', () => {
    expect(wrap('a https://example.vn/rat-dai b', font, 8, 30)).toEqual(['a', 'https://example.vn/rat-dai', 'b']);
  });
});
