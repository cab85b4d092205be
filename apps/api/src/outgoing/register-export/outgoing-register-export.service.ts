import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONFIDENTIALITY_LABELS, DOCUMENT_TYPES, URGENCY_LABELS } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import type { RegisterExportQueryDto } from '../../incoming/dto/incoming-list.dto';
import { openRegisterExport, RegisterExport } from '../../incoming/register-export/register-export.service';
import { vietnameseDate } from '../../incoming/register-export/register-row';
import { vietnamDate } from '../../platform/clock/clock';
import { RegistersService } from '../../registers/registers.service';
import { OutgoingDocument } from '../outgoing-document.entity';
import { restrictToVisible } from '../outgoing-visibility';
import { OutgoingRegisterRow } from './outgoing-register-row';

/** Rows read from the database at a time: memory stays flat however long the register is. */
const BATCH = 500;
const TYPE_NAMES = new Map<string, string>(DOCUMENT_TYPES.map((type) => [type.code, type.vi]));

interface Extras {
  signer: string;
  drafter: string;
  draftingUnit: string | null;
  recipients: string[];
}

/**
 * The outgoing register (sổ đăng ký văn bản đi, Decree 30/2020 Appendix IV §I) of one register
 * for a range of document dates, in number order: the documents the clerk may see, read in
 * batches by keyset on (year, number), so that a year streams through in constant memory.
 */
@Injectable()
export class OutgoingRegisterExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registers: RegistersService,
    private readonly audit: AuditService,
  ) {}

  /** Checks the request, writes the audit line (before a byte leaves) and returns the rows to stream. */
  prepare(query: RegisterExportQueryDto, user: AuthenticatedUser): Promise<RegisterExport<OutgoingRegisterRow>> {
    return openRegisterExport(this.registers, this.audit, {
      direction: 'outgoing',
      query,
      user,
      count: () => this.documents(query, user).getCount(),
      rows: () => this.rows(query, user),
    });
  }

  /** Issued documents (numbered) of the register dated in the range; recalled ones stay: their number was used. */
  private documents(query: RegisterExportQueryDto, user: AuthenticatedUser) {
    const builder = this.dataSource
      .getRepository(OutgoingDocument)
      .createQueryBuilder('document')
      .where('document.register_id = :registerId', { registerId: query.registerId })
      .andWhere('document.number IS NOT NULL')
      .andWhere('document.issued_on BETWEEN :from AND :to', { from: query.from, to: query.to });
    return restrictToVisible(builder, 'document', user);
  }

  private async *rows(query: RegisterExportQueryDto, user: AuthenticatedUser): AsyncGenerator<OutgoingRegisterRow> {
    let after: { year: number; number: number } | null = null;
    for (;;) {
      const builder = this.documents(query, user).orderBy('document.issued_year', 'ASC').addOrderBy('document.number', 'ASC').limit(BATCH);
      if (after) builder.andWhere('(document.issued_year, document.number) > (:afterYear, :afterNumber)', { afterYear: after.year, afterNumber: after.number });
      const batch = await builder.getMany();
      if (!batch.length) return;
      const extras = await this.extras(batch);
      for (const document of batch) yield toRow(document, extras.get(document.id) as Extras);
      const last = batch[batch.length - 1];
      after = { year: last.issuedYear as number, number: last.number as number };
      if (batch.length < BATCH) return;
    }
  }

  /** Names for a batch in two queries: signer, drafter, drafting unit, and the recipients in their order. */
  private async extras(batch: OutgoingDocument[]): Promise<Map<string, Extras>> {
    const ids = batch.map((document) => document.id);
    const people: { id: string; signer: string; drafter: string; unit: string | null }[] = await this.dataSource.query(
      `SELECT document.id, signer.full_name AS signer, drafter.full_name AS drafter, unit.name AS unit
         FROM outgoing_document document
         JOIN "user" signer ON signer.id = document.signer_id
         JOIN "user" drafter ON drafter.id = document.drafter_id
         LEFT JOIN unit ON unit.id = document.drafting_unit_id
        WHERE document.id = ANY($1)`,
      [ids],
    );
    const recipients: { document_id: string; name: string }[] = await this.dataSource.query(
      `SELECT recipient.document_id, COALESCE(unit.name, organ.name) AS name
         FROM outgoing_recipient recipient
         LEFT JOIN unit ON unit.id = recipient.unit_id
         LEFT JOIN organ ON organ.id = recipient.organ_id
        WHERE recipient.document_id = ANY($1)
        ORDER BY recipient.document_id, recipient.position`,
      [ids],
    );
    const result = new Map<string, Extras>(people.map((row) => [row.id, { signer: row.signer, drafter: row.drafter, draftingUnit: row.unit, recipients: [] }]));
    for (const row of recipients) result.get(row.document_id)?.recipients.push(row.name);
    return result;
  }
}

function toRow(document: OutgoingDocument, extras: Extras): OutgoingRegisterRow {
  const marks = [
    document.urgency !== 'normal' ? URGENCY_LABELS[document.urgency].vi : null,
    document.confidentiality !== 'normal' ? CONFIDENTIALITY_LABELS[document.confidentiality].vi : null,
    document.recalledAt ? `Đã thu hồi ngày ${vietnameseDate(vietnamDate(document.recalledAt))}` : null,
  ].filter(Boolean);
  // the chosen units and agencies; a document addressed only in free text ("Nơi nhận") shows that text
  const recipients = extras.recipients.length ? extras.recipients.join('\n') : (document.recipientsText ?? '');
  return {
    numberAndNotation: document.numberAndNotation ?? '',
    issuedOn: vietnameseDate(document.issuedOn),
    typeAndSubject: `${TYPE_NAMES.get(document.documentType) ?? ''} ${document.subject}`.trim(),
    signer: extras.signer,
    recipients,
    filedCopy: [extras.draftingUnit, extras.drafter].filter(Boolean).join(' — '),
    copies: extras.recipients.length ? String(extras.recipients.length) : '',
    dispatchedOn: document.dispatchedAt ? vietnameseDate(vietnamDate(document.dispatchedAt)) : '',
    receivedSignature: '',
    note: marks.join(', '),
  };
}
