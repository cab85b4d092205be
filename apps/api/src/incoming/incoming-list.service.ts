import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ErrorCode, INCOMING_COUNT_LIMIT, IncomingCounts, IncomingDocumentSummaryDto, IncomingSort, IncomingView, Page } from '@app/contracts';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { WorkingCalendarService } from '../platform/calendar/working-calendar.service';
import { Clock, vietnamDate } from '../platform/clock/clock';
import { decodeCursor, encodeCursor } from '../platform/database/cursor';
import { badRequest } from '../platform/errors/app-exception';
import type { IncomingListQueryDto } from './dto/incoming-list.dto';
import { IncomingDocument } from './incoming-document.entity';
import { toSummary } from './incoming.service';
import { applyView, DeadlineWindow, heldByUnit, ViewShape } from './incoming-views';
import { restrictToVisible } from './incoming-visibility';
import { nextDay, startOfVietnamDay } from './vietnam-day';

/** "Due soon" looks this many working days ahead. */
export const DUE_SOON_WORKING_DAYS = 3;

const COUNTED_VIEWS = ['to_register', 'to_direct', 'assigned_to_me', 'my_unit', 'supporting', 'for_information', 'due_soon', 'overdue'] as const satisfies readonly (keyof IncomingCounts)[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const invalid = (field: string, vi: string, en: string) => badRequest(ErrorCode.ValidationFailed, vi, en, [{ field }]);
const invalidCursor = () => invalid('cursor', 'Con trỏ trang không hợp lệ (hãy tải lại danh sách).', 'The page cursor is not valid (reload the list).');

/**
 * How each sort orders rows and continues after a row (keyset: the cursor holds the last row's
 * sort key, never an offset), written as row comparisons so that PostgreSQL starts the index
 * scan right at the cursor: a page costs the same on page 1 and page 20 000.
 */
const SORTS: Record<IncomingSort, { key: string; direction: 'ASC' | 'DESC'; keyOf: (document: IncomingDocument) => string; parse: (key: string) => boolean }> = {
  arrived_desc: { key: 'document.arrived_at', direction: 'DESC', keyOf: (document) => document.arrivedAt.toISOString(), parse: (key) => !Number.isNaN(Date.parse(key)) },
  arrived_asc: { key: 'document.arrived_at', direction: 'ASC', keyOf: (document) => document.arrivedAt.toISOString(), parse: (key) => !Number.isNaN(Date.parse(key)) },
  // documents without a deadline come last; 'infinity' keeps that in a plain index order
  due_asc: {
    key: `COALESCE(document.due_on, 'infinity'::date)`,
    direction: 'ASC',
    keyOf: (document) => document.dueOn ?? 'infinity',
    parse: (key) => key === 'infinity' || (DATE.test(key) && !Number.isNaN(Date.parse(key))),
  },
};

/**
 * The working lists of incoming documents (INCOMING_VIEWS) with filters, sorts and keyset paging,
 * and their badge counts. What a user may see is decided by restrictToVisible() in the same query.
 */
@Injectable()
export class IncomingListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: WorkingCalendarService,
    private readonly clock: Clock,
  ) {}

  async list(query: IncomingListQueryDto, user: AuthenticatedUser): Promise<Page<IncomingDocumentSummaryDto>> {
    const limit = query.limit ?? 50;
    const sortName = query.sort ?? 'arrived_desc';
    const sort = SORTS[sortName];
    const builder = this.filtered(query, user, await this.deadlineWindow(), 'page');
    builder.orderBy(sort.key, sort.direction).addOrderBy('document.id', sort.direction).limit(limit + 1);
    const after = this.parseCursor(query.cursor, sortName);
    if (after)
      builder.andWhere(`(${sort.key}, document.id) ${sort.direction === 'DESC' ? '<' : '>'} (:afterKey, :afterId)`, { afterKey: after.key, afterId: after.id });
    const rows = await builder.getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(toSummary), nextCursor: rows.length > limit && last ? encodeCursor(`${sortName}|${sort.keyOf(last)}|${last.id}`) : null };
  }

  /**
   * How many documents each working list holds, for the badges. Each count stops at
   * INCOMING_COUNT_LIMIT: a leader who sees a million documents gets "1000+" at the cost of
   * reading 1000 index entries, not a million. Same conditions as the lists, so they agree.
   */
  async counts(user: AuthenticatedUser): Promise<IncomingCounts> {
    const window = await this.deadlineWindow();
    const counted = await Promise.all(
      COUNTED_VIEWS.map(async (view) => {
        const inner = this.filtered({ view }, user, window, 'count').select('1').limit(INCOMING_COUNT_LIMIT);
        const [sql, parameters] = inner.getQueryAndParameters();
        const [row] = await this.dataSource.query(`SELECT count(*)::int AS count FROM (${sql}) capped`, parameters);
        return [view, row.count as number] as const;
      }),
    );
    return Object.fromEntries(counted) as IncomingCounts;
  }

  /** Today and the last day that counts as "due soon", in Vietnam. */
  async deadlineWindow(): Promise<DeadlineWindow> {
    const now = this.clock.now();
    return { today: vietnamDate(now), soonUntil: vietnamDate(await this.calendar.addWorkingDays(now, DUE_SOON_WORKING_DAYS)) };
  }

  /** The view, the filters and visibility: everything but the order and the page. */
  private filtered(query: Partial<IncomingListQueryDto> & { view?: IncomingView }, user: AuthenticatedUser, window: DeadlineWindow, shape: ViewShape): SelectQueryBuilder<IncomingDocument> {
    const builder = this.dataSource.getRepository(IncomingDocument).createQueryBuilder('document');
    applyView(builder, 'document', query.view ?? 'all', user, window, shape);
    if (query.registerId) builder.andWhere('document.register_id = :registerId', { registerId: query.registerId });
    if (query.year)
      // the arrival year is the Vietnamese year of arrived_at: saying it as a range of arrived_at
      // too lets the arrival-time index start at that year instead of reading newer ones first
      builder.andWhere('document.arrival_year = :year AND document.arrived_at >= :yearStart AND document.arrived_at < :yearEnd', {
        year: query.year,
        yearStart: startOfVietnamDay(`${query.year}-01-01`),
        yearEnd: startOfVietnamDay(`${query.year + 1}-01-01`),
      });
    if (query.arrivedFrom && query.arrivedTo && query.arrivedFrom > query.arrivedTo)
      throw invalid('arrivedTo', 'Ngày đến "đến ngày" phải sau "từ ngày".', 'The "arrived to" date must not be before "arrived from".');
    if (query.arrivedFrom) builder.andWhere('document.arrived_at >= :arrivedFrom', { arrivedFrom: startOfVietnamDay(query.arrivedFrom) });
    if (query.arrivedTo) builder.andWhere('document.arrived_at < :arrivedBefore', { arrivedBefore: startOfVietnamDay(nextDay(query.arrivedTo)) });
    if (query.issuer)
      // unaccent before lower(): in a C-locale database lower() leaves Đ and Ộ as they are
      builder.andWhere(`lower(immutable_unaccent(document.issuer_name)) LIKE '%' || lower(immutable_unaccent(:issuer)) || '%'`, { issuer: escapeLike(query.issuer) });
    if (query.documentType) builder.andWhere('document.document_type = :documentType', { documentType: query.documentType });
    if (query.urgency) builder.andWhere('document.urgency = :urgency', { urgency: query.urgency });
    if (query.state) builder.andWhere('document.state = :state', { state: query.state });
    if (query.unitId) builder.andWhere(heldByUnit('document'), { heldByUnit: query.unitId });
    return restrictToVisible(builder, 'document', user);
  }

  private parseCursor(cursor: string | undefined, sortName: IncomingSort): { key: string; id: string } | null {
    if (cursor === undefined) return null;
    const decoded = decodeCursor(cursor);
    const [name, key, id, ...rest] = decoded?.split('|') ?? [];
    // a cursor made for another sort would skip or repeat rows: refuse it rather than guess
    if (name !== sortName || !key || !id || rest.length || !UUID.test(id) || !SORTS[sortName].parse(key)) throw invalidCursor();
    return { key, id };
  }
}

/** The user's text is matched literally: `%`, `_` and `\` are not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
