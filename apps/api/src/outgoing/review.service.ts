import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, OutgoingErrorCode, Permission, permissionsOf, ReviewStepInput, ReviewStepKind } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { UsersService } from '../identity/users.service';
import { NotificationsService } from '../notifications/notifications.service';
import { Clock } from '../platform/clock/clock';
import { AppException, badRequest, forbidden } from '../platform/errors/app-exception';
import { ConversionQueue } from './conversion/conversion.queue';
import { PdfForSigningService } from './conversion/pdf-for-signing.service';
import { DraftComment } from './draft-comment.entity';
import { DraftVersionsService } from './draft-versions.service';
import { ReviewDecisionDto, SetReviewChainDto, SubmitDraftDto } from './dto/outgoing-draft.dto';
import { OutgoingDocument } from './outgoing-document.entity';
import { invalidChain } from './outgoing-errors';
import { OutgoingRecords } from './outgoing-records';
import { chainProblem, currentStep, passOn, startChain, stateAfterReview } from './review-chain';
import { ReviewStep } from './review-step.entity';

/** The chain is set while the drafter holds the draft. */
const DRAFTER_HOLDS = ['draft', 'returned'] as const;
/** A reviewer decides while the draft is in review, or approved with the form check still to come. */
const UNDER_REVIEW = ['in_review', 'approved'] as const;

/** What a reviewer's approval is called on the timeline, by the kind of their step. */
const PASSED: Record<ReviewStepKind, string> = { review: 'forwarded', form_check: 'form_checked', approve: 'approved' };

const notYourTurn = () =>
  new AppException(HttpStatus.CONFLICT, OutgoingErrorCode.NotYourTurn, 'Chưa đến lượt bạn cho ý kiến về dự thảo này.', 'It is not your turn to decide on this draft.');

/**
 * The review of a draft (Decree 30 Art. 10–11): the drafter sets the chain (the unit head's review,
 * the check of form, the signer's approval; reviewers added or skipped) and submits; each reviewer
 * in turn passes it on or returns it with a comment; the drafter answers with a new version and
 * submits again. Every step is one transaction with its timeline line and audit row; the next
 * person is notified after the commit.
 */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: OutgoingRecords,
    private readonly versions: DraftVersionsService,
    private readonly pdfForSigning: PdfForSigningService,
    private readonly conversions: ConversionQueue,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /**
   * The usual chain for a new draft: the head of the drafter's unit (unless the drafter or the
   * signer is that head), the check of form by a clerk, the signer. Left incomplete when the agency
   * has no clerk: submitting then says what is missing.
   */
  async defaultChain(drafter: AuthenticatedUser, signerId: string): Promise<ReviewStepInput[]> {
    const steps: ReviewStepInput[] = [];
    const heads = drafter.unitId ? await this.users.headsOf(drafter.unitId) : [];
    const head = heads.find((id) => id !== drafter.id && id !== signerId);
    if (head && !heads.includes(drafter.id)) steps.push({ kind: 'review', reviewerId: head });
    const clerks = await this.users.list({ role: 'clerk', limit: 20 });
    const clerk = clerks.items.find((user) => user.active && user.id !== drafter.id);
    if (clerk) steps.push({ kind: 'form_check', reviewerId: clerk.id });
    steps.push({ kind: 'approve', reviewerId: signerId });
    return steps;
  }

  /** Writes a chain (all steps waiting) in the caller's transaction, replacing the one before. */
  async writeChain(manager: EntityManager, documentId: string, steps: readonly ReviewStepInput[]): Promise<void> {
    await manager.delete(ReviewStep, { documentId });
    await manager.insert(
      ReviewStep,
      steps.map((step, index) => ({ documentId, position: index + 1, kind: step.kind, reviewerId: step.reviewerId, state: 'waiting' as const, decidedAt: null, decidedOnVersion: null })),
    );
  }

  /** Adding or skipping a reviewer: the drafter gives the whole chain; a changed chain starts from its first step. */
  async setChain(documentId: string, input: SetReviewChainDto, user: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const document = await this.records.lockForDrafter(manager, documentId, user, input.version, DRAFTER_HOLDS);
      await this.assertValidChain(input.steps, document);
      await this.writeChain(manager, document.id, input.steps);
      await this.records.touch(manager, document);
      await this.records.addHistory(manager, document.id, user, 'chain_set', { steps: input.steps.map((step) => ({ kind: step.kind, reviewerId: step.reviewerId })) });
      await this.audit.record({ action: 'outgoing.chain.set', actor: user, entityType: 'outgoing_document', entityId: document.id, details: { steps: input.steps.length } }, manager);
    });
  }

  async submit(documentId: string, input: SubmitDraftDto, user: AuthenticatedUser): Promise<void> {
    const { document, reviewerId } = await this.dataSource.transaction(async (manager) => {
      const document = await this.records.lockForDrafter(manager, documentId, user, input.version, DRAFTER_HOLDS);
      const steps = await this.stepsOf(manager, document.id);
      // checked again now: roles change, and the chain may predate a change of signer
      await this.assertValidChain(steps, document);
      const started = startChain(steps, input.restartFromFirst ?? false);
      await this.saveStates(manager, started);
      const current = currentStep(started) as ReviewStep;
      await this.records.touch(manager, document, { state: 'in_review' });
      await this.records.addHistory(manager, document.id, user, document.state === 'returned' ? 'resubmitted' : 'submitted', {
        to: current.reviewerId,
        kind: current.kind,
        note: input.note ?? null,
        restartFromFirst: input.restartFromFirst ?? false,
      });
      await this.audit.record({ action: 'outgoing.submit', actor: user, entityType: 'outgoing_document', entityId: document.id, details: { reviewerId: current.reviewerId } }, manager);
      return { document, reviewerId: current.reviewerId };
    });
    await this.notify([reviewerId], 'outgoing.review', `Dự thảo chờ bạn cho ý kiến: ${document.subject}`, document.id);
  }

  async decide(documentId: string, input: ReviewDecisionDto, user: AuthenticatedUser): Promise<void> {
    const comment = input.comment || null;
    if (input.decision === 'return' && !comment)
      throw badRequest(ErrorCode.ValidationFailed, 'Trả lại dự thảo cần có ý kiến.', 'Returning a draft needs a comment.', [{ field: 'comment' }]);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const document = this.records.check(await this.records.lockVisible(manager, documentId, user), input.version, UNDER_REVIEW);
      const steps = await this.stepsOf(manager, document.id);
      const step = currentStep(steps);
      if (!step || step.reviewerId !== user.id) {
        if (steps.some((candidate) => candidate.reviewerId === user.id)) throw notYourTurn();
        throw forbidden('Bạn không có trong quy trình duyệt của dự thảo này.', 'You are not on this draft’s review chain.');
      }
      this.assertMayDecide(step.kind, user);
      const latest = await this.versions.latest(manager, document.id);
      const now = this.clock.now();
      if (comment && latest) await manager.insert(DraftComment, { documentId: document.id, versionId: latest.id, parentId: null, authorId: user.id, text: comment, at: now });

      if (input.decision === 'return') {
        await manager.update(ReviewStep, { id: step.id }, { state: 'returned', decidedAt: now, decidedOnVersion: latest?.number ?? null });
        await this.records.touch(manager, document, { state: 'returned' });
        await this.records.addHistory(manager, document.id, user, 'returned', { kind: step.kind, version: latest?.number ?? null, comment });
        await this.audit.record({ action: 'outgoing.review.return', actor: user, entityType: 'outgoing_document', entityId: document.id, details: { stepId: step.id } }, manager);
        return { document, tell: [document.drafterId], kind: 'outgoing.returned', title: `Dự thảo bị trả lại: ${document.subject}`, convert: false };
      }

      const { steps: passed, next } = passOn(steps);
      await this.saveStates(manager, passed);
      await manager.update(ReviewStep, { id: step.id }, { decidedAt: now, decidedOnVersion: latest?.number ?? null });
      const state = stateAfterReview(passed);
      const convert = step.kind === 'approve' ? await this.pdfForSigning.onApproval(manager, document) : false;
      await this.records.touch(manager, document, { state });
      await this.records.addHistory(manager, document.id, user, PASSED[step.kind], { version: latest?.number ?? null, comment, next: next?.reviewerId ?? null });
      await this.audit.record({ action: `outgoing.review.${PASSED[step.kind]}`, actor: user, entityType: 'outgoing_document', entityId: document.id, details: { stepId: step.id, state } }, manager);
      if (next) return { document, tell: [next.reviewerId], kind: 'outgoing.review', title: `Dự thảo chờ bạn cho ý kiến: ${document.subject}`, convert };
      return { document, tell: [document.drafterId, document.signerId], kind: 'outgoing.ready_to_sign', title: `Dự thảo đã được duyệt, chờ ký: ${document.subject}`, convert };
    });
    if (outcome.convert) await this.conversions.enqueue(documentId, user);
    await this.notify(outcome.tell.filter((id) => id !== user.id), outcome.kind, outcome.title, documentId);
  }

  /** Asks again for the PDF to sign (after installing LibreOffice, or a failed or interrupted conversion). */
  async retryConversion(documentId: string, user: AuthenticatedUser): Promise<void> {
    const asked = await this.dataSource.transaction(async (manager) => {
      const document = await this.records.lockVisible(manager, documentId, user);
      if (document.drafterId !== user.id && document.signerId !== user.id)
        throw forbidden('Chỉ người soạn thảo hoặc người ký mới yêu cầu chuyển đổi lại.', 'Only the drafter or the signer can ask for the conversion again.');
      // nothing to do before the approval, or when the PDF is there
      if (document.pdfForSigningVersionId || !document.pdfForSigningIssue) return false;
      await this.records.touch(manager, document, { pdfForSigningIssue: 'conversion_pending' });
      return true;
    });
    if (asked) await this.conversions.enqueue(documentId, user);
  }

  async stepsOf(manager: EntityManager, documentId: string): Promise<ReviewStep[]> {
    return manager.find(ReviewStep, { where: { documentId }, order: { position: 'ASC' } });
  }

  private async saveStates(manager: EntityManager, steps: ReviewStep[]): Promise<void> {
    for (const step of steps) await manager.update(ReviewStep, { id: step.id }, { state: step.state });
  }

  /** The structure of the chain, then its people: active, the check of form by a clerk, the approval by someone who may sign. */
  private async assertValidChain(steps: readonly ReviewStepInput[], document: OutgoingDocument): Promise<void> {
    const problem = chainProblem(steps, document.drafterId, document.signerId);
    if (problem) throw invalidChain(problem.vi, problem.en);
    for (const step of steps) {
      const reviewer = await this.users.requireActive(step.reviewerId).catch(() => {
        throw invalidChain('Có người trong quy trình không tồn tại hoặc đã nghỉ.', 'Someone on the chain does not exist or is inactive.');
      });
      const permissions = permissionsOf(reviewer.roles);
      if (step.kind === 'form_check' && !permissions.includes(Permission.OutgoingCheckForm))
        throw invalidChain(`${reviewer.fullName} không được giao kiểm tra thể thức.`, `${reviewer.fullName} does not check the form of documents.`);
      if (step.kind === 'approve' && !permissions.includes(Permission.OutgoingSign))
        throw invalidChain(`${reviewer.fullName} không có thẩm quyền ký văn bản.`, `${reviewer.fullName} may not sign documents.`);
    }
  }

  private assertMayDecide(kind: ReviewStepKind, user: AuthenticatedUser): void {
    if (kind === 'form_check' && !user.permissions.includes(Permission.OutgoingCheckForm))
      throw forbidden('Bạn không còn được giao kiểm tra thể thức.', 'You no longer check the form of documents.');
    if (kind === 'approve' && !user.permissions.includes(Permission.OutgoingSign)) throw forbidden('Bạn không có thẩm quyền ký văn bản.', 'You may not sign documents.');
  }

  /** Stored and pushed once the step is committed; a failure there does not undo the step. */
  private notify(userIds: string[], kind: string, title: string, documentId: string): Promise<void> {
    return this.notifications.notifyAfterCommit([...new Set(userIds)], { kind, title, link: `/outgoing/${documentId}` });
  }
}
