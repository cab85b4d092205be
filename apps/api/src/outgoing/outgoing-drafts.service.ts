import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { DraftVersionDto, ErrorCode, OutgoingDocumentDto, OutgoingHistoryEntryDto, OutgoingIssuanceDto, Permission, permissionsOf } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { Unit } from '../identity/unit.entity';
import { UsersService } from '../identity/users.service';
import { IncomingService } from '../incoming/incoming.service';
import { OrgansService } from '../organs/organs.service';
import { Clock } from '../platform/clock/clock';
import { DocumentRegister } from '../registers/document-register.entity';
import { badRequest } from '../platform/errors/app-exception';
import { DocumentConverter } from './conversion/document-converter';
import { DraftFiles } from './draft-files';
import { DraftVersion } from './draft-version.entity';
import { DraftVersionsService } from './draft-versions.service';
import { CreateOutgoingDraftDto, UpdateOutgoingDraftDto } from './dto/outgoing-draft.dto';
import { OutgoingDocument } from './outgoing-document.entity';
import { OutgoingHistoryEntry } from './outgoing-history-entry.entity';
import { OutgoingRecipient } from './outgoing-recipient.entity';
import { OutgoingRecords } from './outgoing-records';
import { OutgoingSummaries } from './outgoing-summaries';
import { OutgoingReplacementService } from './replacement/outgoing-replacement.service';
import { ReviewService } from './review.service';

/** Metadata changes while the drafter holds the draft; after submission a reviewer returns it first. */
const EDITABLE = ['draft', 'returned'] as const;

/**
 * Drafting an outgoing document (soạn thảo, Decree 30 Art. 10): the drafter starts it with its
 * metadata and first version — from scratch or as the reply to an incoming document they can
 * see — and edits the metadata while they hold it.
 */
@Injectable()
export class OutgoingDraftsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: OutgoingRecords,
    private readonly draftFiles: DraftFiles,
    private readonly versions: DraftVersionsService,
    private readonly review: ReviewService,
    private readonly summaries: OutgoingSummaries,
    private readonly incoming: IncomingService,
    private readonly organs: OrgansService,
    private readonly users: UsersService,
    private readonly converter: DocumentConverter,
    private readonly replacement: OutgoingReplacementService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateOutgoingDraftDto, drafter: AuthenticatedUser): Promise<OutgoingDocumentDto> {
    await this.assertSigner(input.signerId);
    const file = await this.draftFiles.mainFile(input.mainFileId, drafter, null);
    const attachments = await this.draftFiles.attachments(input.attachmentFileIds ?? [], drafter, null);
    if (attachments.some((attachment) => attachment.id === file.id))
      throw badRequest(ErrorCode.ValidationFailed, 'Tệp chính không được nằm trong danh sách tệp đính kèm.', 'The main file cannot also be an attachment.', [{ field: 'attachmentFileIds' }]);
    const chain = await this.review.defaultChain(drafter, input.signerId);

    const id = await this.dataSource.transaction(async (manager) => {
      // in the transaction: the link is checked against what the drafter sees at this moment
      if (input.replyToIncomingId) await this.incoming.lockVisible(manager, input.replyToIncomingId, drafter, { lock: false });
      const replaced = input.replacesId ? await this.replacement.checkReplaceable(manager, input.replacesId, drafter) : null;
      const now = this.clock.now();
      const document = await manager.save(
        manager.create(OutgoingDocument, {
          documentType: input.documentType,
          subject: input.subject,
          urgency: input.urgency,
          confidentiality: input.confidentiality,
          signerId: input.signerId,
          drafterId: drafter.id,
          draftingUnitId: drafter.unitId,
          recipientsText: input.recipientsText || null,
          replyToIncomingId: input.replyToIncomingId ?? null,
          replacesId: replaced?.id ?? null,
          replacementReason: replaced ? (input.replacementReason ?? null) : null,
          state: 'draft',
          pdfForSigningVersionId: null,
          pdfForSigningIssue: null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        }),
      );
      await this.writeRecipients(manager, document.id, input.recipientUnitIds ?? [], input.recipientOrganIds ?? []);
      const version = await this.versions.insert(manager, document.id, { file, attachments, note: input.note ?? null, uploadedBy: drafter });
      await this.review.writeChain(manager, document.id, chain);
      await this.records.addHistory(manager, document.id, drafter, 'created', {
        version: version.number,
        fileName: file.originalName,
        replyToIncomingId: document.replyToIncomingId,
        ...(replaced ? { replacesId: replaced.id, numberAndNotation: replaced.numberAndNotation, reason: document.replacementReason } : {}),
      });
      if (replaced) await this.replacement.recordDraft(manager, replaced, document, drafter);
      await this.audit.record(
        { action: 'outgoing.create', actor: drafter, entityType: 'outgoing_document', entityId: document.id, details: { fileId: file.id, replyToIncomingId: document.replyToIncomingId, replacesId: document.replacesId } },
        manager,
      );
      return document.id;
    });
    return this.get(id, drafter, { audit: false });
  }

  async update(id: string, input: UpdateOutgoingDraftDto, drafter: AuthenticatedUser): Promise<OutgoingDocumentDto> {
    if (input.signerId) await this.assertSigner(input.signerId);
    await this.dataSource.transaction(async (manager) => {
      const document = await this.records.lockForDrafter(manager, id, drafter, input.version, EDITABLE);
      if (input.replyToIncomingId && input.replyToIncomingId !== document.replyToIncomingId)
        await this.incoming.lockVisible(manager, input.replyToIncomingId, drafter, { lock: false });
      const { version: _version, recipientUnitIds, recipientOrganIds, ...fields } = input;
      const changes: Partial<OutgoingDocument> = {};
      for (const [key, value] of Object.entries(fields) as [keyof typeof fields, unknown][])
        if (value !== undefined) (changes as Record<string, unknown>)[key] = key === 'recipientsText' ? value || null : value;
      if (recipientUnitIds || recipientOrganIds) {
        const current = await manager.find(OutgoingRecipient, { where: { documentId: document.id } });
        await manager.delete(OutgoingRecipient, { documentId: document.id });
        await this.writeRecipients(
          manager,
          document.id,
          recipientUnitIds ?? current.flatMap((row) => (row.unitId ? [row.unitId] : [])),
          recipientOrganIds ?? current.flatMap((row) => (row.organId ? [row.organId] : [])),
        );
      }
      // A new signer takes over the approval; a content review of theirs goes (their approval covers
      // it, as in the default chain), and the changed chain starts again from its first step.
      if (input.signerId && input.signerId !== document.signerId) {
        const steps = await this.review.stepsOf(manager, document.id);
        await this.review.writeChain(
          manager,
          document.id,
          steps
            .filter((step) => !(step.kind === 'review' && step.reviewerId === input.signerId))
            .map((step) => ({ kind: step.kind, reviewerId: step.kind === 'approve' ? (input.signerId as string) : step.reviewerId })),
        );
      }
      await this.records.touch(manager, document, changes);
      const changed = [...Object.keys(changes), ...(recipientUnitIds ? ['recipientUnitIds'] : []), ...(recipientOrganIds ? ['recipientOrganIds'] : [])];
      await this.records.addHistory(manager, document.id, drafter, 'updated', { fields: changed });
      await this.audit.record({ action: 'outgoing.update', actor: drafter, entityType: 'outgoing_document', entityId: document.id, details: { fields: changed } }, manager);
    });
    return this.get(id, drafter, { audit: false });
  }

  async get(id: string, user: AuthenticatedUser, options: { audit: boolean } = { audit: true }): Promise<OutgoingDocumentDto> {
    const document = await this.dataSource.transaction((manager) => this.records.lockVisible(manager, id, user, { lock: false }));
    const [summary] = await this.summaries.of([document]);
    const steps = await this.review.stepsOf(this.dataSource.manager, id);
    const names = await this.users.namesOf(steps.map((step) => step.reviewerId));
    const latest = await this.versions.latest(this.dataSource.manager, id);
    const [latestVersion, pdfForSigning, signedPdf, issuedPdf] = await this.describeVersions([latest?.id ?? null, document.pdfForSigningVersionId, document.signedVersionId, document.issuedVersionId]);
    if (options.audit) await this.audit.record({ action: 'outgoing.view', actor: user, entityType: 'outgoing_document', entityId: id });
    return {
      ...summary,
      draftingUnit: document.draftingUnitId ? await this.unitRef(document.draftingUnitId) : null,
      recipients: await this.recipientsOf(id),
      recipientsText: document.recipientsText,
      replyToIncoming: document.replyToIncomingId ? await this.replyRef(document.replyToIncomingId, user) : null,
      latestVersion,
      reviewChain: steps.map((step) => ({
        id: step.id,
        position: step.position,
        kind: step.kind,
        reviewer: { id: step.reviewerId, fullName: names.get(step.reviewerId) ?? '' },
        state: step.state,
        decidedAt: step.decidedAt?.toISOString() ?? null,
        decidedOnVersion: step.decidedOnVersion,
      })),
      pdfForSigning,
      pdfForSigningIssue: pdfForSigning ? null : (document.pdfForSigningIssue ?? 'not_approved'),
      docxConversionAvailable: await this.converter.isAvailable(),
      signedPdf,
      signedAt: document.signedAt?.toISOString() ?? null,
      issuedPdf,
      issuance: await this.issuanceOf(document),
      dispatchedAt: document.dispatchedAt?.toISOString() ?? null,
      recall: await this.recallOf(document),
      ...(await this.replacement.linksOf(this.dataSource.manager, document, user)),
      createdAt: document.createdAt.toISOString(),
      version: document.version,
    };
  }

  /** The versions named (null where there is none), described in one pass. */
  private async describeVersions(ids: (string | null)[]): Promise<(DraftVersionDto | null)[]> {
    const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    const rows = wanted.length ? await this.dataSource.getRepository(DraftVersion).findBy({ id: In(wanted) }) : [];
    const described = new Map((await this.versions.describe(rows)).map((version) => [version.id, version]));
    return ids.map((id) => (id ? (described.get(id) ?? null) : null));
  }

  private async issuanceOf(document: OutgoingDocument): Promise<OutgoingIssuanceDto | null> {
    if (!document.registerId || document.number === null || !document.numberAndNotation || !document.issuedOn || !document.issuedAt) return null;
    const register = await this.dataSource.getRepository(DocumentRegister).findOneByOrFail({ id: document.registerId });
    const names = await this.users.namesOf(document.issuedById ? [document.issuedById] : []);
    return {
      register: { id: register.id, code: register.code, name: register.name },
      number: document.number,
      numberAndNotation: document.numberAndNotation,
      issuedOn: document.issuedOn,
      issuedAt: document.issuedAt.toISOString(),
      issuedBy: document.issuedById ? { id: document.issuedById, fullName: names.get(document.issuedById) ?? '' } : null,
    };
  }

  private async recallOf(document: OutgoingDocument): Promise<OutgoingDocumentDto['recall']> {
    if (!document.recalledAt || !document.recallReason) return null;
    const names = await this.users.namesOf(document.recalledById ? [document.recalledById] : []);
    const by = document.recalledById ? { id: document.recalledById, fullName: names.get(document.recalledById) ?? '' } : null;
    return { at: document.recalledAt.toISOString(), by, reason: document.recallReason };
  }

  async history(id: string, user: AuthenticatedUser): Promise<OutgoingHistoryEntryDto[]> {
    await this.dataSource.transaction((manager) => this.records.lockVisible(manager, id, user, { lock: false }));
    const entries = await this.dataSource.getRepository(OutgoingHistoryEntry).find({ where: { documentId: id }, order: { at: 'ASC' } });
    const names = await this.users.namesOf(entries.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])));
    return entries.map((entry) => ({
      at: entry.at.toISOString(),
      actor: entry.actorId ? { id: entry.actorId, fullName: names.get(entry.actorId) ?? '' } : null,
      action: entry.action,
      details: entry.details,
    }));
  }

  /** The signer-to-be: an active user who may sign (outgoing.sign). */
  private async assertSigner(signerId: string): Promise<void> {
    const signer = await this.users.requireActive(signerId).catch(() => {
      throw badRequest(ErrorCode.UserNotFound, 'Người ký được chọn không tồn tại hoặc đã nghỉ.', 'The chosen signer does not exist or is inactive.', [{ field: 'signerId' }]);
    });
    if (!permissionsOf(signer.roles).includes(Permission.OutgoingSign))
      throw badRequest(ErrorCode.ValidationFailed, `${signer.fullName} không có thẩm quyền ký văn bản.`, `${signer.fullName} may not sign documents.`, [{ field: 'signerId' }]);
  }

  private async writeRecipients(manager: EntityManager, documentId: string, unitIds: string[], organIds: string[]): Promise<void> {
    const units = [...new Set(unitIds)];
    const organs = [...new Set(organIds)];
    if (units.length && (await manager.countBy(Unit, { id: In(units) })) !== units.length)
      throw badRequest(ErrorCode.UnitNotFound, 'Có đơn vị nhận không tồn tại.', 'A recipient unit does not exist.', [{ field: 'recipientUnitIds' }]);
    for (const organId of organs)
      await this.organs.get(organId).catch(() => {
        throw badRequest(ErrorCode.OrganNotFound, 'Có cơ quan nhận không có trong danh bạ.', 'A recipient agency is not in the directory.', [{ field: 'recipientOrganIds' }]);
      });
    const rows = [...units.map((unitId) => ({ unitId, organId: null })), ...organs.map((organId) => ({ unitId: null, organId }))];
    if (rows.length) await manager.insert(OutgoingRecipient, rows.map((row, index) => ({ documentId, ...row, position: index + 1 })));
  }

  private async recipientsOf(documentId: string): Promise<OutgoingDocumentDto['recipients']> {
    const rows = await this.dataSource.getRepository(OutgoingRecipient).find({ where: { documentId }, relations: { unit: true, organ: true }, order: { position: 'ASC' } });
    return rows.map((row) => ({
      ...(row.unitId ? { kind: 'unit' as const, id: row.unitId, name: row.unit?.name ?? '' } : { kind: 'organ' as const, id: row.organId as string, name: row.organ?.name ?? '' }),
      status: row.status,
      deliveredAt: row.deliveredAt?.toISOString() ?? null,
      incomingDocumentId: row.incomingDocumentId,
    }));
  }

  private async unitRef(unitId: string): Promise<{ id: string; name: string } | null> {
    const unit = await this.dataSource.getRepository(Unit).findOneBy({ id: unitId });
    return unit ? { id: unit.id, name: unit.name } : null;
  }

  /** The incoming document answered: its subject and number only for those who may see it. */
  private async replyRef(incomingId: string, user: AuthenticatedUser): Promise<OutgoingDocumentDto['replyToIncoming']> {
    try {
      const incoming = await this.incoming.get(incomingId, user, { audit: false });
      return { id: incoming.id, subject: incoming.subject, numberAndNotation: incoming.numberAndNotation };
    } catch {
      return { id: incomingId, subject: '', numberAndNotation: null };
    }
  }
}
