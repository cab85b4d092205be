import { ErrorCode } from '@app/contracts';
import { badRequest } from '../../platform/errors/app-exception';
import { MARKERS } from './snippet';

/** Longer queries are not searches but pasted paragraphs; they would only be slow. */
export const SEARCH_MAX_CHARS = 200;

/** What the user typed, ready for websearch_to_tsquery, and whether it may be a number/notation. */
export interface SearchTerms {
  /** NFC, whitespace folded, marker characters removed */
  text: string;
  /** a LIKE pattern (escaped) for a number or notation typed in part, like `15/QĐ`; null for words */
  numberPattern: string | null;
}

/**
 * Checks and normalises a search query. Refuses (400, in Vietnamese and English) what cannot be a
 * search: nothing, too long, or no letter or digit at all (`!!!`). A query of exclusions only
 * (`-abc`) passes here and is refused by the service, which asks PostgreSQL.
 */
export function parseSearchTerms(raw: string | undefined): SearchTerms {
  const text = (raw ?? '')
    .normalize('NFC')
    .replace(new RegExp(`[${MARKERS}\\u0000-\\u001F\\u007F]`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) throw invalidQuery('empty', 'Hãy nhập từ cần tìm.', 'Type the words to find.');
  if (text.length > SEARCH_MAX_CHARS)
    throw invalidQuery('too_long', `Nội dung tìm kiếm quá dài (tối đa ${SEARCH_MAX_CHARS} ký tự).`, `The search is too long (at most ${SEARCH_MAX_CHARS} characters).`);
  if (!/[\p{L}\p{N}]/u.test(text))
    throw invalidQuery('no_words', 'Nội dung tìm kiếm cần có ít nhất một chữ hoặc số.', 'The search needs at least one letter or digit.');
  return { text, numberPattern: looksLikeNumber(text) ? `%${escapeLike(text)}%` : null };
}

export const invalidQuery = (reason: string, vi: string, en: string) => badRequest(ErrorCode.ValidationFailed, vi, en, [{ field: 'q', reason }]);

/** One token with a slash or a dash, at least 3 characters: `15/QĐ`, `7816/VPCP`, `QĐ-BYT`. */
function looksLikeNumber(text: string): boolean {
  return text.length >= 3 && !text.includes(' ') && /[/-]/.test(text) && /[\p{L}\p{N}]/u.test(text);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);
