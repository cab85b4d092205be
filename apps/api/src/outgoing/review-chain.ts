import type { OutgoingState, ReviewStepInput, ReviewStepKind, ReviewStepState } from '@app/contracts';

/** The part of a step the rules of the chain look at. */
export interface ChainStep {
  position: number;
  kind: ReviewStepKind;
  reviewerId: string;
  state: ReviewStepState;
}

export interface ChainProblem {
  vi: string;
  en: string;
}

/**
 * What a chain must look like before a draft is submitted (Decree 30 Art. 10–11): exactly one
 * approval, by the signer; exactly one check of form (thể thức); content reviews only before the
 * approval (a change after approval goes back to the signer); nobody twice for the same kind of
 * step; the drafter does not review their own draft (they may sign it, e.g. a leader's own letter).
 */
export function chainProblem(steps: readonly ReviewStepInput[], drafterId: string, signerId: string): ChainProblem | null {
  const approvals = steps.filter((step) => step.kind === 'approve');
  if (approvals.length !== 1) return { vi: 'Quy trình cần đúng một bước duyệt của người ký.', en: 'The chain needs exactly one approval, by the signer.' };
  if (approvals[0].reviewerId !== signerId) return { vi: 'Bước duyệt phải do người ký của văn bản thực hiện.', en: 'The approval must be the signer’s.' };
  if (steps.filter((step) => step.kind === 'form_check').length !== 1)
    return { vi: 'Quy trình cần đúng một bước kiểm tra thể thức.', en: 'The chain needs exactly one check of form.' };
  const approvalAt = steps.findIndex((step) => step.kind === 'approve');
  if (steps.some((step, index) => step.kind === 'review' && index > approvalAt))
    return { vi: 'Các bước góp ý nội dung phải đứng trước bước duyệt của người ký.', en: 'Content reviews must come before the signer’s approval.' };
  const keys = steps.map((step) => `${step.kind}:${step.reviewerId}`);
  if (new Set(keys).size !== keys.length) return { vi: 'Một người chỉ có một bước cùng loại trong quy trình.', en: 'A person can have one step of each kind only.' };
  if (steps.some((step) => step.kind !== 'approve' && step.reviewerId === drafterId))
    return { vi: 'Người soạn thảo không tự xem xét dự thảo của mình.', en: 'The drafter cannot review their own draft.' };
  return null;
}

/**
 * The states of the steps when a draft is (re)submitted. The first time, the chain starts at its
 * first step. After a return it starts again at the step that returned it: the steps before it
 * already passed this draft, and the new version is checked by whoever asked for the change —
 * unless the drafter asks for the whole chain again (a big rewrite).
 */
export function startChain<T extends ChainStep>(steps: readonly T[], restartFromFirst: boolean): T[] {
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  const reset = ordered.map((step) => ({ ...step, state: restartFromFirst || step.state !== 'done' ? 'waiting' : 'done' }) as T);
  const first = reset.find((step) => step.state === 'waiting');
  if (first) first.state = 'current';
  return reset;
}

/** The step whose turn it is, if any. */
export function currentStep<T extends ChainStep>(steps: readonly T[]): T | null {
  return steps.find((step) => step.state === 'current') ?? null;
}

/** After the current step passes the draft on: it is done and the next waiting one becomes current. */
export function passOn<T extends ChainStep>(steps: readonly T[]): { steps: T[]; next: T | null } {
  const ordered = [...steps].sort((a, b) => a.position - b.position).map((step) => ({ ...step }) as T);
  const current = currentStep(ordered);
  if (current) current.state = 'done';
  const next = ordered.find((step) => step.state === 'waiting') ?? null;
  if (next) next.state = 'current';
  return { steps: ordered, next };
}

/**
 * The draft's state from its chain: `form_checked` (ready to sign) once every step passed it,
 * `approved` when the signer has approved but the check of form still waits, else in review.
 */
export function stateAfterReview(steps: readonly ChainStep[]): OutgoingState {
  if (steps.every((step) => step.state === 'done')) return 'form_checked';
  if (steps.some((step) => step.kind === 'approve' && step.state === 'done')) return 'approved';
  return 'in_review';
}

/**
 * A new version after the signer's approval goes back to the signer (Decree 30 Art. 10: changes
 * after approval are approved again): the approval becomes the current step, the check of form
 * waits to be done again on the new version; the content reviews stand.
 */
export function backToSigner<T extends ChainStep>(steps: readonly T[]): T[] {
  return steps.map((step) => ({ ...step, state: step.kind === 'approve' ? 'current' : step.kind === 'form_check' ? 'waiting' : step.state }) as T);
}
