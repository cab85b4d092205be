import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { ErrorCode, IncomingSearchHitDto, Page } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { decodeCursor, encodeCursor } from '../../platform/database/cursor';
import { badRequest } from '../../platform/errors/app-exception';
import { IncomingDocument } from '../incoming-document.entity';
import { IncomingDocumentText } from '../incoming-document-text.entity';
import { narrowToNamed, restrictToVisible, seesOrdinaryDocuments } from '../incoming-visibility';
import { toSummary } from '../incoming.service';
import { IncomingSearchQueryDto } from './dto/incoming-search.dto';
import { invalidQuery, parseSearchTerms, SearchTerms } from './search-terms';
import { FRAGMENT_BREAK, hasMatch, MARKERS, MATCH_END, MATCH_START, snippetFromHeadline, wordFinderPattern } from './snippet';

/**
 * At most this many of the newest matches (of the words; of a number typed in part) are ranked. Ranking needs
 * every candidate's tsvector, so an unbounded candidate set would make a common word cost the
 * whole table; the window keeps the work proportional to the page whatever the table's size. A
 * search for rare words (the usual: a number, a name, a phrase) has fewer matches than this and
 * loses nothing; for a very common word the newest documents are the ones people look for.
 */
export const CANDIDATE_WINDOW = 300;

/** A month first, then a quarter, then a year, then always: see rank(). */
const LOOK_BACK_DAYS = [31, 92, 366, null] as const;

/** Parts naming a user or his unit beyond which a search does not start from them: see namedAreFew(). */
const MANY_NAMED = 10_000;

/**
 * ts_headline parses all it is given (about 12 ms for 60 000 characters; 20 long texts on a page
 * would cost 250 ms), so a text's snippet reads the text's start first, this much…
 */
const SNIPPET_TEXT_CHARS = 6_000;
/**
 * …and when the match is further on, the same length from a little before the first place a word
 * of the query stands in the text (wordFinderPattern: a regular expression, 4 ms over 300 000
 * characters), as far as the search vector reads (the search migration's 300 000 characters).
 */
const SNIPPET_BEFORE_MATCH_CHARS = 1_500;
const SEARCHED_TEXT_CHARS = 300_000;

const TSQUERY = `websearch_to_tsquery('vietnamese_search', :query)`;
/** The same expression as the trigram index incoming_document_number_trigram, or the index is not used. */
const NUMBER_AND_NOTATION = `lower(immutable_unaccent(coalesce(document.code_number, '') || '/' || coalesce(document.code_notation, '')))`;
const HIGHLIGHT = `StartSel=${MATCH_START}, StopSel=${MATCH_END}`;
const METADATA_HEADLINE = `${HIGHLIGHT}, HighlightAll=true`;
const TEXT_HEADLINE = `${HIGHLIGHT}, FragmentDelimiter=${FRAGMENT_BREAK}, MaxFragments=2, MaxWords=25, MinWords=10, ShortWord=0`;

interface RankedRow {
  id: string;
  foundIn: 'metadata' | 'text';
  rank: number;
}

interface HeadlineRow {
  id: string;
  metadata_headline: string | null;
  text_headline: string | null;
}

/**
 * Full-text search over incoming documents: their metadata (number and notation, subject, issuer,
 * signer) and the text of their main file, accents and case ignored, ranked, with highlighted
 * snippets — only among the documents the user may see (the condition is part of the query).
 * GIN indexes find the candidates; see CANDIDATE_WINDOW for why the cost does not grow with the table.
 */
@Injectable()
export class IncomingSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async search(query: IncomingSearchQueryDto, user: AuthenticatedUser): Promise<Page<IncomingSearchHitDto>> {
    const terms = parseSearchTerms(query.q);
    await this.assertSearchable(terms);
    const limit = query.limit ?? 20;
    const after = parseCursor(query.cursor);

    const ranked = await this.rank(terms, query, user, limit + 1, after);
    const page = ranked.slice(0, limit);
    const items = await this.hits(terms, page);
    const last = page[page.length - 1];
    const nextCursor = ranked.length > limit && last ? encodeCursor(`${last.rank}|${last.id}`) : null;

    // Snippets show document content: who searched for what, and which documents it showed them, is kept.
    await this.audit.record({
      action: 'incoming.search',
      actor: user,
      entityType: 'incoming_document',
      details: { query: terms.text, registerId: query.registerId ?? null, year: query.year ?? null, cursor: Boolean(after), documentIds: items.map((hit) => hit.document.id) },
    });
    return { items, nextCursor };
  }

  /** Refuses a query PostgreSQL reads as nothing (only symbols) or as exclusions only (`-abc`), which no index can serve. */
  private async assertSearchable(terms: SearchTerms): Promise<void> {
    const [parsed]: { nodes: number; tree: string }[] = await this.dataSource.query(
      `SELECT numnode(query) AS nodes, querytree(query) AS tree FROM websearch_to_tsquery('vietnamese_search', $1) AS query`,
      [terms.text],
    );
    if (parsed.nodes > 0 && parsed.tree === 'T')
      throw invalidQuery('exclusions_only', 'Hãy nhập ít nhất một từ cần tìm, không chỉ các từ cần loại trừ.', 'Type at least one word to find, not only words to leave out.');
    if (parsed.nodes === 0 && !terms.numberPattern)
      throw invalidQuery('no_words', 'Nội dung tìm kiếm cần có ít nhất một chữ hoặc số.', 'The search needs at least one letter or digit.');
  }

  /**
   * The page's documents, best first, after the cursor. Word candidates are looked for in the last
   * month first, then the quarter, the year, then at any time, until a range holds CANDIDATE_WINDOW of
   * them: the newest CANDIDATE_WINDOW matches are then the same as over the whole table, but a
   * common word costs only its matches of the month: the GIN index holds the arrival time with the
   * vector (btree_gin), so the range is part of the index scan — with the time only in a btree
   * index, PostgreSQL (which underestimates how often words of one topic occur together) read every
   * match of all time from the table to drop the older ones, 350–450 ms for a common phrase at a
   * million documents. A user who sees a part of the documents (a unit head) needs a wider range
   * for as many; a rare word runs through all four, each cheap because its matches are few.
   */
  private async rank(terms: SearchTerms, query: IncomingSearchQueryDto, user: AuthenticatedUser, take: number, after: Cursor | null): Promise<RankedRow[]> {
    const namedAreFew = await this.namedAreFew(user);
    for (const days of LOOK_BACK_DAYS) {
      const { rows, wordCandidates } = await this.rankWithin(days, namedAreFew, terms, query, user, take, after);
      if (days === null || wordCandidates >= CANDIDATE_WINDOW) return rows;
    }
    return [];
  }

  /**
   * Candidates come from the GIN index on the arrival time and the combined vector (metadata and text), or for a number
   * typed in part from the trigram index — a UNION, as one OR across two tables would use neither.
   * Weights rank a match in the number or subject (A) above the issuer (B), the signer (C) and the
   * text (D).
   */
  private async rankWithin(
    days: number | null,
    namedAreFew: boolean,
    terms: SearchTerms,
    query: IncomingSearchQueryDto,
    user: AuthenticatedUser,
    take: number,
    after: Cursor | null,
  ): Promise<{ rows: RankedRow[]; wordCandidates: number }> {
    const byWords = this.candidates(query, user, days === null && namedAreFew)
      .innerJoin(IncomingDocumentText, 'document_text', 'document_text.document_id = document.id')
      .andWhere(`document_text.search_vector @@ ${TSQUERY}`)
      .orderBy('document_text.arrived_at', 'DESC');
    if (days !== null) byWords.andWhere(`document_text.arrived_at >= now() - make_interval(days => :lookBackDays)`, { lookBackDays: days });
    const byNumber = terms.numberPattern
      ? this.candidates(query, user, namedAreFew).andWhere(`${NUMBER_AND_NOTATION} LIKE lower(immutable_unaccent(:numberPattern))`, { numberPattern: terms.numberPattern })
      : null;

    const sql = `
      WITH search AS MATERIALIZED (SELECT ${TSQUERY} AS query),
      by_words AS MATERIALIZED (${byWords.getQuery()}),
      hit AS (
        SELECT by_words.id FROM by_words
        ${byNumber ? `UNION SELECT by_number.id FROM (${byNumber.getQuery()}) by_number` : ''}
      ),
      scored AS (
        SELECT hit.id,
               CASE WHEN document.search_vector @@ search.query OR NOT (document_text.search_vector @@ search.query) THEN 'metadata' ELSE 'text' END AS found_in,
               -- a number typed in part matches no word: it ranks as a metadata match of its own
               (CASE WHEN document_text.search_vector @@ search.query THEN ts_rank_cd(document_text.search_vector, search.query, 32) ELSE 0.5 END)::float8 AS rank
          FROM hit
          JOIN incoming_document document ON document.id = hit.id
          JOIN incoming_document_text document_text ON document_text.document_id = hit.id
          CROSS JOIN search
      )
      SELECT page.id, page.found_in AS "foundIn", page.rank, counted.word_candidates AS "wordCandidates"
        FROM (SELECT count(*)::int AS word_candidates FROM by_words) counted
        LEFT JOIN LATERAL (
          SELECT id, found_in, rank FROM scored
           ${after ? 'WHERE rank < :afterRank OR (rank = :afterRank AND id < :afterId)' : ''}
           ORDER BY rank DESC, id DESC
           LIMIT :take
        ) page ON true
       ORDER BY page.rank DESC, page.id DESC`;
    const parameters = { ...byWords.getParameters(), ...byNumber?.getParameters(), query: terms.text, take, afterRank: after?.rank, afterId: after?.id };
    const [statement, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters, {});
    const rows: (RankedRow & { wordCandidates: number })[] = await this.dataSource.query(statement, values);
    return {
      // with no hit on this page, the one row carries only the count
      rows: rows.filter((row) => row.id !== null).map(({ id, foundIn, rank }) => ({ id, foundIn, rank: Number(rank) })),
      wordCandidates: rows[0]?.wordCandidates ?? 0,
    };
  }

  /**
   * Whether to start from the documents named on a user who does not see all ordinary ones
   * (narrowToNamed) where the matches have no time range (words over all time, a number typed in
   * part). Within a range the index gives only the range's matches, few enough to test each for
   * visibility; over all time a common word's matches are too many for that — unless the named set
   * is larger still: a unit's parts after five years (200 000, 0.5 s to collect on every search)
   * cost more than testing the matches of a search that reached all time (few: the year had
   * fewer than CANDIDATE_WINDOW visible ones). Counting stops at MANY_NAMED (an index-only scan).
   */
  private async namedAreFew(user: AuthenticatedUser): Promise<boolean> {
    if (seesOrdinaryDocuments(user)) return false;
    const [counted]: { named: number }[] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM assignment WHERE unit_id = $2 LIMIT $3) unit_parts)
            + (SELECT count(*) FROM (SELECT 1 FROM assignment WHERE user_id = $1 LIMIT $3) own_parts) AS named`,
      [user.id, user.unitId, MANY_NAMED],
    );
    return Number(counted.named) < MANY_NAMED;
  }

  /** The newest CANDIDATE_WINDOW registered documents the user may see and the filters allow; the caller adds the match. */
  private candidates(query: IncomingSearchQueryDto, user: AuthenticatedUser, narrow: boolean): SelectQueryBuilder<IncomingDocument> {
    const builder = this.dataSource
      .getRepository(IncomingDocument)
      .createQueryBuilder('document')
      .select('document.id', 'id')
      .where('document.arrival_number IS NOT NULL')
      .orderBy('document.arrived_at', 'DESC')
      .limit(CANDIDATE_WINDOW);
    if (query.registerId) builder.andWhere('document.register_id = :registerId', { registerId: query.registerId });
    if (query.year) builder.andWhere('document.arrival_year = :year', { year: query.year });
    restrictToVisible(builder, 'document', user);
    return narrow ? narrowToNamed(builder, 'document', user) : builder;
  }

  /**
   * The page's documents with their snippets: highlighted on the original text by ts_headline, for
   * these rows only, and for a text only on a part of it (SNIPPET_TEXT_CHARS): its start, or when
   * the start has no match, where a word of the query first stands.
   */
  private async hits(terms: SearchTerms, page: RankedRow[]): Promise<IncomingSearchHitDto[]> {
    if (page.length === 0) return [];
    const ids = page.map((row) => row.id);
    const textIds = page.filter((row) => row.foundIn === 'text').map((row) => row.id);
    const [documents, headlines] = await Promise.all([
      this.dataSource.getRepository(IncomingDocument).findBy({ id: In(ids) }),
      this.dataSource.query(
        `WITH search AS MATERIALIZED (SELECT websearch_to_tsquery('vietnamese_search', $1) AS query),
         page AS MATERIALIZED (
           SELECT document.id,
                  ts_headline('vietnamese_search',
                    translate(concat_ws(' · ', nullif(concat_ws('/', document.code_number, document.code_notation), ''), document.subject, document.issuer_name, document.signer_name), $4, ''),
                    search.query, $5) AS metadata_headline,
                  document_text.content,
                  ts_headline('vietnamese_search', translate(left(document_text.content, $6), $4, ''), search.query, $7) AS text_start
             FROM incoming_document document
             CROSS JOIN search
             LEFT JOIN incoming_document_text document_text ON document_text.document_id = document.id AND document.id = ANY($3::uuid[])
            WHERE document.id = ANY($2::uuid[]))
         SELECT page.id, page.metadata_headline,
                CASE WHEN found.at > 0
                     THEN ts_headline('vietnamese_search', translate(substr(page.content, greatest(1, found.at - $11), $6), $4, ''), search.query, $7)
                     ELSE page.text_start END AS text_headline
           FROM page
           CROSS JOIN search
           -- only for a text longer than its start, whose start has no match
           LEFT JOIN LATERAL (
             SELECT regexp_instr(left(page.content, $10), $9) AS at
              WHERE strpos(page.text_start, $8) = 0 AND length(page.content) > $6 AND $9::text IS NOT NULL
           ) found ON true`,
        [terms.text, ids, textIds, MARKERS, METADATA_HEADLINE, SNIPPET_TEXT_CHARS, TEXT_HEADLINE, MATCH_START, wordFinderPattern(terms.text), SEARCHED_TEXT_CHARS, SNIPPET_BEFORE_MATCH_CHARS],
      ) as Promise<HeadlineRow[]>,
    ]);
    const byId = new Map(documents.map((document) => [document.id, document]));
    const headlineOf = new Map(headlines.map((row) => [row.id, row]));
    return page.flatMap((row) => {
      const document = byId.get(row.id);
      if (!document) return []; // deleted between the two queries
      const headline = headlineOf.get(row.id);
      const textSnippet = snippetFromHeadline(headline?.text_headline);
      // A match past the part of the text a snippet reads shows the metadata instead of the text's first lines.
      const snippet = row.foundIn === 'text' && hasMatch(textSnippet) ? textSnippet : snippetFromHeadline(headline?.metadata_headline);
      return [{ document: toSummary(document), foundIn: row.foundIn, snippet, rank: row.rank }];
    });
  }
}

interface Cursor {
  rank: number;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  const [rankText, id] = decodeCursor(cursor)?.split('|') ?? [];
  const rank = Number(rankText);
  if (!rankText || !Number.isFinite(rank) || !id || !UUID.test(id))
    throw badRequest(ErrorCode.ValidationFailed, 'Con trỏ trang không hợp lệ.', 'The page cursor is not valid.', [{ field: 'cursor' }]);
  return { rank, id };
}
