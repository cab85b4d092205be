import { AppException } from '../../platform/errors/app-exception';
import { parseSearchTerms, SEARCH_MAX_CHARS } from './search-terms';

const reasonOf = (query: string | undefined) => {
  try {
    parseSearchTerms(query);
  } catch (error) {
    expect(error).toBeInstanceOf(AppException);
    const exception = error as AppException;
    expect(exception.getStatus()).toBe(400);
    expect(exception.messageVi).toBeTruthy();
    expect(exception.messageEn).toBeTruthy();
    return (exception.details as { reason: string }[])[0].reason;
  }
  return null;
};

describe('parseSearchTerms', () => {
  it('normalises to NFC and folds whitespace', () => {
    // "Quyết" typed with a combining accent, as some keyboards send it
    expect(parseSearchTerms('  Quye\u0302\u0301t   định\t').text).toBe('Quyết định');
  });

  it('refuses nothing, too much, and symbols only, saying why', () => {
    expect(reasonOf(undefined)).toBe('empty');
    expect(reasonOf('   ')).toBe('empty');
    expect(reasonOf('a'.repeat(SEARCH_MAX_CHARS + 1))).toBe('too_long');
    expect(reasonOf('!!! ... ---')).toBe('no_words');
    expect(reasonOf('bộ y tế')).toBeNull();
  });

  it('recognises a number or notation typed in part, for the trigram index, with LIKE escaped', () => {
    expect(parseSearchTerms('15/QĐ').numberPattern).toBe('%15/QĐ%');
    expect(parseSearchTerms('QĐ-BYT').numberPattern).toBe('%QĐ-BYT%');
    expect(parseSearchTerms('10%_/x').numberPattern).toBe('%10\\%\\_/x%');
    expect(parseSearchTerms('quyết định').numberPattern).toBeNull();
    expect(parseSearchTerms('15').numberPattern).toBeNull();
  });
});
