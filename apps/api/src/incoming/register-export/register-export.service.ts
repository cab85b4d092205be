import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ASSIGNMENT_ROLE_LABELS, AssignmentRole, CONFIDENTIALITY_LABELS, DOCUMENT_TYPES, ErrorCode, URGENCY_LABELS } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { vietnamDate } from '../../platform/clock/clock';
import { AppException, badRequest } from '../../platform/errors/app-exception';
import { RegistersService } from '../../registers/registers.service';
import type { RegisterExportFormat, RegisterExportQueryDto } from '../dto/incoming-list.dto';
import { IncomingDocument } from '../incoming-document.entity';
import { restrictToVisible } from '../incoming-visibility';
import { toSummary } from '../incoming.service';
import { nextDay, startOfVietnamDay } from '../vietnam-day';
import { RegisterExportHeading, RegisterRow, vietnameseDate } from './register-row';

/** Rows read from the database at a time: memory stays flat however long the register is. */
const BATCH = 500;
/** pdf-lib builds the whole file in memory; past this many rows the XLSX (streamed) is the way. */
export const PDF_ROW_LIMIT = 5000;

const TYPE_NAMES = new Map<string, string>(DOCUMENT_TYPES.map((type) => [type.code, type.vi]));

export interface RegisterExport<Row = RegisterRow> {
  heading: RegisterExportHeading;
  fileName: string;
  format: RegisterExportFormat;
  rowCount: number;
  rows: AsyncIterable<Row>;
}

/** What differs between the incoming and the outgoing register when an export starts. */
export interface RegisterExportSpec<Row> {
  direction: 'incoming' | 'outgoing';
  query: RegisterExportQueryDto;
  user: AuthenticatedUser;
  /** how many rows the range holds, as the user may see them */
  count: () => Promise<number>;
  rows: () => AsyncIterable<Row>;
}

const REGISTER_WORDS = {
  incoming: { vi: 'đến', en: 'incoming', fileStem: 'so-van-ban-den' },
  outgoing: { vi: 'đi', en: 'outgoing', fileStem: 'so-van-ban-di' },
} as const;

/**
 * How every register export starts, incoming and outgoing alike: the register must be one of that
 * direction, the range sound and small enough for the format, and the audit line is written before
 * a byte leaves. The rows stream afterwards.
 */
export async function openRegisterExport<Row>(registers: RegistersService, audit: AuditService, spec: RegisterExportSpec<Row>): Promise<RegisterExport<Row>> {
  const { direction, query, user } = spec;
  const words = REGISTER_WORDS[direction];
  const register = (await registers.list(direction)).find((candidate) => candidate.id === query.registerId);
  if (!register)
    throw badRequest(ErrorCode.RegisterNotFound, `Không tìm thấy sổ văn bản ${words.vi} này.`, `No such ${words.en} register.`, [{ field: 'registerId' }]);
  const count = await spec.count();
  assertExportable(query, count);
  await audit.record({
    action: `${direction}.register_export`,
    actor: user,
    entityType: 'document_register',
    entityId: register.id,
    details: { from: query.from, to: query.to, format: query.format, rows: count },
  });
  return {
    heading: { registerName: register.name, from: vietnameseDate(query.from), to: vietnameseDate(query.to) },
    fileName: `${words.fileStem}-${register.code}-${query.from}-${query.to}.${query.format}`,
    format: query.format,
    rowCount: count,
    rows: spec.rows(),
  };
}

/** The checks every register export makes once it knows how many rows the range holds. */
function assertExportable(query: RegisterExportQueryDto, count: number): void {
  if (query.from > query.to)
    throw badRequest(ErrorCode.ValidationFailed, '"Đến ngày" phải sau "từ ngày".', 'The end date must not be before the start date.', [{ field: 'to' }]);
  if (query.format === 'pdf' && count > PDF_ROW_LIMIT)
    throw new AppException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      ErrorCode.ValidationFailed,
      `Khoảng ngày này có ${count} văn bản, quá ${PDF_ROW_LIMIT} dòng cho một tệp PDF: hãy chọn khoảng ngắn hơn hoặc xuất Excel.`,
      `This range holds ${count} documents, more than ${PDF_ROW_LIMIT} rows for one PDF: choose a shorter range or export to Excel.`,
      [{ field: 'to' }],
    );
}

/**
 * The incoming register (sổ đăng ký văn bản đến, Decree 30/2020 Appendix IV §VI) of one register
 * for a date range, in arrival-number order: the documents the clerk may see, read in batches by
 * keyset on (year, number) so that a year's register streams through in constant memory.
 */
@Injectable()
export class RegisterExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registers: RegistersService,
    private readonly audit: AuditService,
  ) {}

  /** Checks the request, writes the audit line (before a byte leaves) and returns the rows to stream. */
  prepare(query: RegisterExportQueryDto, user: AuthenticatedUser): Promise<RegisterExport> {
    return openRegisterExport(this.registers, this.audit, {
      direction: 'incoming',
      query,
      user,
      count: async () => (await this.documents(query, user).select('count(*)::int', 'count').getRawMany<{ count: number }>())[0].count,
      rows: () => this.rows(query, user),
    });
  }

  private documents(query: RegisterExportQueryDto, user: AuthenticatedUser) {
    const builder = this.dataSource
      .getRepository(IncomingDocument)
      .createQueryBuilder('document')
      .where('document.register_id = :registerId', { registerId: query.registerId })
      .andWhere('document.arrival_number IS NOT NULL')
      .andWhere('document.arrived_at >= :from AND document.arrived_at < :before', {
        from: startOfVietnamDay(query.from),
        before: startOfVietnamDay(nextDay(query.to)),
      });
    return restrictToVisible(builder, 'document', user);
  }

  private async *rows(query: RegisterExportQueryDto, user: AuthenticatedUser): AsyncGenerator<RegisterRow> {
    let after: { year: number; number: number } | null = null;
    for (;;) {
      const builder = this.documents(query, user).orderBy('document.arrival_year', 'ASC').addOrderBy('document.arrival_number', 'ASC').limit(BATCH);
      if (after) builder.andWhere('(document.arrival_year, document.arrival_number) > (:afterYear, :afterNumber)', { afterYear: after.year, afterNumber: after.number });
      const batch = await builder.getMany();
      if (!batch.length) return;
      const passing = await this.passedOn(batch);
      for (const document of batch) yield toRow(document, passing.get(document.id));
      const last = batch[batch.length - 1];
      after = { year: last.arrivalYear as number, number: last.arrivalNumber as number };
      if (batch.length < BATCH) return;
    }
  }

  /**
   * To whom and when each document was passed on: the leader it was submitted to (trình) and the
   * units or people the directive gave it to (not the parts a unit head passed on internally).
   */
  private async passedOn(batch: IncomingDocument[]): Promise<Map<string, { recipients: string[]; at: Date | null }>> {
    const ids = batch.map((document) => document.id);
    const rows: { document_id: string; kind: string; name: string | null; at: Date }[] = await this.dataSource.query(
      `SELECT document.id AS document_id, 'submitted' AS kind, leader.full_name AS name,
              (SELECT min(entry.at) FROM incoming_history_entry entry WHERE entry.document_id = document.id AND entry.action = 'submitted') AS at,
              0 AS step
         FROM incoming_document document JOIN "user" leader ON leader.id = document.submitted_to_id
        WHERE document.id = ANY($1)
       UNION ALL
       SELECT part.document_id, part.role, COALESCE(unit.name, person.full_name), part.assigned_at,
              array_position(ARRAY['lead', 'support', 'inform']::varchar[], part.role)
         FROM assignment part
         LEFT JOIN unit ON unit.id = part.unit_id
         LEFT JOIN "user" person ON person.id = part.user_id
        WHERE part.document_id = ANY($1) AND part.parent_id IS NULL
        ORDER BY at, step`,
      [ids],
    );
    const result = new Map<string, { recipients: string[]; at: Date | null }>();
    for (const row of rows) {
      const entry = result.get(row.document_id) ?? { recipients: [], at: null };
      const label = row.kind === 'submitted' ? 'Trình' : ASSIGNMENT_ROLE_LABELS[row.kind as AssignmentRole].vi;
      entry.recipients.push(`${label}: ${row.name ?? ''}`);
      if (row.at && (!entry.at || row.at < entry.at)) entry.at = row.at;
      result.set(row.document_id, entry);
    }
    return result;
  }
}

function toRow(document: IncomingDocument, passing: { recipients: string[]; at: Date | null } | undefined): RegisterRow {
  const marks = [
    document.urgency !== 'normal' ? URGENCY_LABELS[document.urgency].vi : null,
    document.confidentiality !== 'normal' ? CONFIDENTIALITY_LABELS[document.confidentiality].vi : null,
  ].filter(Boolean);
  return {
    arrivedOn: vietnameseDate(vietnamDate(document.arrivedAt)),
    arrivalNumber: String(document.arrivalNumber),
    issuer: document.issuerName,
    numberAndNotation: toSummary(document).numberAndNotation ?? '',
    promulgatedOn: vietnameseDate(document.promulgatedOn),
    typeAndSubject: `${TYPE_NAMES.get(document.documentType) ?? ''} ${document.subject}`.trim(),
    recipients: passing?.recipients.join('\n') ?? '',
    passedOn: passing?.at ? vietnameseDate(vietnamDate(passing.at)) : '',
    receivedSignature: '',
    note: marks.join(', '),
  };
}
