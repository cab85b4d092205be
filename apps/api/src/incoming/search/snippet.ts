import type { SnippetPart } from '@app/contracts';

/**
 * Markers PostgreSQL's ts_headline puts around matched words and between fragments. Characters of
 * Unicode's private use area: no Vietnamese text uses them on purpose, and the search query
 * strips them from the text before the headline is made, so they can only come from ts_headline.
 */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';
export const FRAGMENT_BREAK = '\uE002';
export const MARKERS = MATCH_START + MATCH_END + FRAGMENT_BREAK;

/** Shown between two fragments taken from different places of the text. */
export const ELLIPSIS = ' … ';

/** A snippet longer than this is cut (at a word break where there is one), so a page stays small. */
export const MAX_SNIPPET_CHARS = 400;

/**
 * Turns ts_headline's output (made with the markers above, on the original accented text — the
 * search configuration removes accents word by word, so positions never need mapping back) into
 * the parts the client shows: plain and highlighted runs, fragments joined by an ellipsis,
 * whitespace folded, at most MAX_SNIPPET_CHARS characters. Tolerates a missing end marker.
 */
export function snippetFromHeadline(headline: string | null | undefined): SnippetPart[] {
  if (!headline) return [];
  const parts: SnippetPart[] = [];
  headline
    .split(FRAGMENT_BREAK)
    .map((fragment) => fragment.replace(/\s+/g, ' ').trim())
    .filter((fragment) => fragment.replace(new RegExp(`[${MARKERS}]`, 'g'), '').trim().length > 0)
    .forEach((fragment, index) => {
      if (index > 0) push(parts, ELLIPSIS, false);
      for (const [at, piece] of fragment.split(MATCH_START).entries()) {
        if (at === 0) {
          push(parts, piece.replace(MATCH_END, ''), false);
          continue;
        }
        const end = piece.indexOf(MATCH_END);
        if (end < 0) push(parts, piece, true);
        else {
          push(parts, piece.slice(0, end), true);
          push(parts, piece.slice(end + 1).replaceAll(MATCH_END, ''), false);
        }
      }
    });
  return limitLength(joinMatchedPhrases(parts), MAX_SNIPPET_CHARS);
}

/** Whether any part is highlighted (a headline that found nothing shows the start of the text). */
export const hasMatch = (parts: readonly SnippetPart[]) => parts.some((part) => part.match);

/** Appends a run, merging it into the previous one when both are alike. */
function push(parts: SnippetPart[], text: string, match: boolean): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.match === match) last.text += text;
  else parts.push({ text, match });
}

/** `[Bộ] [Y] [tế]` → `[Bộ Y tế]`: matched words separated only by spaces read as one highlight. */
function joinMatchedPhrases(parts: SnippetPart[]): SnippetPart[] {
  const joined: SnippetPart[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    const previous = joined[joined.length - 1];
    const next = parts[index + 1];
    if (!part.match && /^ +$/.test(part.text) && previous?.match && next?.match) {
      previous.text += part.text + next.text;
      index++;
    } else joined.push({ ...part });
  }
  return joined;
}

function limitLength(parts: SnippetPart[], max: number): SnippetPart[] {
  const limited: SnippetPart[] = [];
  let length = 0;
  for (const part of parts) {
    if (length + part.text.length <= max) {
      limited.push(part);
      length += part.text.length;
      continue;
    }
    const room = max - length;
    // Cut at the last space within the room if there is one, never inside a surrogate pair.
    let cut = part.text.lastIndexOf(' ', room);
    if (cut <= 0) {
      cut = room;
      if (/[\uD800-\uDBFF]/.test(part.text.charAt(cut - 1))) cut--;
    }
    const text = part.text.slice(0, cut).trimEnd();
    if (text) limited.push({ text: `${text}…`, match: part.match });
    else if (limited.length > 0) limited[limited.length - 1] = { ...limited[limited.length - 1], text: `${limited[limited.length - 1].text.trimEnd()}…` };
    break;
  }
  return limited;
}

/** The letters a Vietnamese letter without its accents may stand for in a text (both cases are added). */
const ACCENTED: Record<string, string> = {
  a: 'aàáảãạăằắẳẵặâầấẩẫậ',
  d: 'dđ',
  e: 'eèéẻẽẹêềếểễệ',
  i: 'iìíỉĩị',
  o: 'oòóỏõọôồốổỗộơờớởỡợ',
  u: 'uùúủũụưừứửữự',
  y: 'yỳýỷỹỵ',
};
/** A letter or digit of a Vietnamese text (and the rest of Latin): what may not touch a word found whole. */
const WORD_CHARACTER = '0-9A-Za-zÀ-ỹ';
/** More words than this add little to finding where the text speaks of the query. */
const MAX_PATTERN_WORDS = 12;

/**
 * A PostgreSQL regular expression (ARE) that finds any word of the query as a whole word in the
 * original text, accents and case ignored as the search ignores them ("lut bao" finds "LỤT bão"):
 * it tells a snippet where in a long text to look, without the cost of unaccenting the text or of
 * ts_headline parsing all of it. Words only — letters and digits, no character the expression could
 * read as syntax; an excluded word (`-abc`) does no harm, a document found has none. Null without a word.
 */
export function wordFinderPattern(query: string): string | null {
  const words = [
    ...new Set(
      query
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/[đĐ]/g, 'd')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    ),
  ].slice(0, MAX_PATTERN_WORDS);
  if (words.length === 0) return null;
  const letter = (character: string) => {
    if (/\p{N}/u.test(character)) return character;
    const variants = ACCENTED[character] ?? character;
    return `[${variants}${variants.toUpperCase()}]`;
  };
  const alternatives = words.map((word) => [...word].map(letter).join(''));
  return `(?<![${WORD_CHARACTER}])(${alternatives.join('|')})(?![${WORD_CHARACTER}])`;
}
