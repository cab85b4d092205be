import { CurrentUser, OutgoingDocumentDto, Permission, ReviewStepDto } from '@app/contracts';

/** What the action panel may offer: the API decides, this only hides what it would refuse. */
export interface OutgoingActions {
  /** edit metadata, upload a version, change the chain: the drafter, while the draft is theirs */
  edit: boolean;
  submit: boolean;
  /** the current reviewer's answer: pass it on or return it */
  decide: boolean;
  /** the kind of the step being decided, for the button's words (forward, form checked, approve) */
  decideKind: ReviewStepDto['kind'] | null;
  /** after a return the drafter may send it through the whole chain again */
  restartOffered: boolean;
  convertAgain: boolean;
  /** the signer named on the document signs it once its form is checked */
  sign: boolean;
  /** a clerk numbers and issues it with the organisation's signature */
  issue: boolean;
  /** a clerk dispatches it to its recipients */
  dispatch: boolean;
  /** the signer or a clerk recalls it, with a reason */
  recall: boolean;
  /** whoever drafts may start the draft that replaces it */
  replace: boolean;
}

type Doc = Pick<OutgoingDocumentDto, 'state' | 'drafter' | 'reviewChain' | 'pdfForSigningIssue'> & Partial<Pick<OutgoingDocumentDto, 'signer'>>;
type User = Pick<CurrentUser, 'id' | 'permissions'>;

/** The draft is the drafter's to change in draft and after a return (review.service refuses otherwise). */
export function inDrafterHands(state: Doc['state']): boolean {
  return state === 'draft' || state === 'returned';
}

export function availableActions(document: Doc, user: User | null): OutgoingActions {
  const none: OutgoingActions = {
    edit: false,
    submit: false,
    decide: false,
    decideKind: null,
    restartOffered: false,
    convertAgain: false,
    sign: false,
    issue: false,
    dispatch: false,
    recall: false,
    replace: false,
  };
  if (!user) return none;
  const isDrafter = document.drafter.id === user.id && user.permissions.includes(Permission.OutgoingDraft);
  const editable = isDrafter && inDrafterHands(document.state);
  const current = document.reviewChain.find((step) => step.state === 'current') ?? null;
  // the reviewer decides while the draft travels: in review, and after the signer's approval for the check of form
  const reviewing = document.state === 'in_review' || document.state === 'approved';
  const decide = reviewing && current !== null && current.reviewer.id === user.id;
  const retryable = document.pdfForSigningIssue === 'conversion_failed' || document.pdfForSigningIssue === 'conversion_pending';
  const clerk = user.permissions.includes(Permission.OutgoingCheckForm);
  const wentOut = document.state === 'issued' || document.state === 'dispatched';
  return {
    edit: editable,
    submit: editable,
    decide,
    decideKind: decide && current ? current.kind : null,
    restartOffered: editable && document.state === 'returned',
    convertAgain: retryable && (isDrafter || decide),
    sign: document.state === 'form_checked' && document.signer?.id === user.id && user.permissions.includes(Permission.OutgoingSign),
    issue: document.state === 'signed' && clerk && user.permissions.includes(Permission.SignaturesSeal),
    dispatch: document.state === 'issued' && clerk,
    recall: wentOut && (clerk || document.signer?.id === user.id),
    replace: wentOut && user.permissions.includes(Permission.OutgoingDraft),
  };
}

/** The translation key of the "pass it on" button for a kind of step. */
export function approveLabelKey(kind: ReviewStepDto['kind'] | null): string {
  if (kind === 'form_check') return 'outgoing.actions.formChecked';
  if (kind === 'approve') return 'outgoing.actions.approve';
  return 'outgoing.actions.forward';
}
