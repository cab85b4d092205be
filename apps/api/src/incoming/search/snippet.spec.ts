import { ELLIPSIS, FRAGMENT_BREAK, hasMatch, MATCH_END, MATCH_START, MAX_SNIPPET_CHARS, snippetFromHeadline, wordFinderPattern } from './snippet';

/** Writes a headline as ts_headline does: [word] is a highlighted word, | a fragment break. */
const headline = (text: string) => text.replaceAll('[', MATCH_START).replaceAll(']', MATCH_END).replaceAll('|', FRAGMENT_BREAK);

describe('snippetFromHeadline', () => {
  it('keeps the original accented words and marks the matched ones', () => {
    expect(snippetFromHeadline(headline('Điều 1. Ban hành [Quyết] [định] về việc của [Bộ] [Y] [tế].'))).toEqual([
      { text: 'Điều 1. Ban hành ', match: false },
      { text: 'Quyết định', match: true },
      { text: ' về việc của ', match: false },
      { text: 'Bộ Y tế', match: true },
      { text: '.', match: false },
    ]);
  });

  it('joins fragments from different places with an ellipsis and folds whitespace', () => {
    expect(snippetFromHeadline(headline('[Quyết] định\n\nnày|  ký bởi  [Bộ]  trưởng '))).toEqual([
      { text: 'Quyết', match: true },
      { text: ` định này${ELLIPSIS}ký bởi `, match: false },
      { text: 'Bộ', match: true },
      { text: ' trưởng', match: false },
    ]);
  });

  it('drops empty fragments and tolerates a missing end marker', () => {
    expect(snippetFromHeadline(headline('|  |[Hỏa] tốc'))).toEqual([
      { text: 'Hỏa', match: true },
      { text: ' tốc', match: false },
    ]);
    expect(snippetFromHeadline(headline('văn bản [đến'))).toEqual([
      { text: 'văn bản ', match: false },
      { text: 'đến', match: true },
    ]);
  });

  it('answers no parts for no headline, and tells whether anything matched', () => {
    expect(snippetFromHeadline(null)).toEqual([]);
    expect(snippetFromHeadline('')).toEqual([]);
    expect(hasMatch(snippetFromHeadline('Không có từ nào khớp'))).toBe(false);
    expect(hasMatch(snippetFromHeadline(headline('[khớp]')))).toBe(true);
  });

  it('cuts a long snippet at a word break, without splitting a character', () => {
    const long = snippetFromHeadline(headline(`[Quyết] ${'định '.repeat(200)}`));
    const text = long.map((part) => part.text).join('');
    expect(text.length).toBeLessThanOrEqual(MAX_SNIPPET_CHARS + 1);
    expect(text.endsWith('định…')).toBe(true);
    expect(long[0]).toEqual({ text: 'Quyết', match: true });

    const emoji = snippetFromHeadline('😀'.repeat(300));
    expect(emoji[0].text.endsWith('😀…')).toBe(true); // no lone surrogate before the ellipsis
  });
});

describe('wordFinderPattern', () => {
  const finds = (query: string, text: string) => new RegExp(wordFinderPattern(query)!, 'u').exec(text)?.[0];

  it('finds a word of the query whole, whatever its accents and case', () => {
    expect(wordFinderPattern('lụt bão')).toBe(wordFinderPattern('LUT BAO'));
    expect(finds('lut bao', 'Tổng kết phòng chống LỤT bão')).toBe('LỤT');
    expect(finds('du toan', 'Dự toán ngân sách')).toBe('Dự');
    expect(finds('dinh', 'Quyết Định số 15')).toBe('Định');
    expect(finds('30 2020', 'Nghị định số 30/2020/NĐ-CP')).toBe('30');
  });

  it('does not find a word inside another word', () => {
    expect(finds('an', 'Toàn văn')).toBeUndefined();
    expect(finds('an', 'bàn giao an toàn')).toBe('an');
  });

  it('reads the query as words only: symbols are no syntax, nothing without a word', () => {
    expect(wordFinderPattern('"quy chế" -abc (x|y)*')).toBe(wordFinderPattern('quy chế abc x y'));
    expect(wordFinderPattern('!!! ???')).toBeNull();
    expect(finds('a.b*c', 'xyz a b c')).toBe('a');
  });
});
