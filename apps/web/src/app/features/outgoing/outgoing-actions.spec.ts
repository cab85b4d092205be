import { OutgoingDocumentDto, Permission, ReviewStepDto } from '@app/contracts';
import { describe, expect, it } from 'vitest';
import { approveLabelKey, availableActions } from './outgoing-actions';

const drafter = { id: 'u1', permissions: [Permission.OutgoingDraft] };
const head = { id: 'u2', permissions: [Permission.OutgoingDraft, Permission.OutgoingSign] };
const clerk = { id: 'u3', permissions: [Permission.OutgoingCheckForm] };

function step(position: number, kind: ReviewStepDto['kind'], reviewerId: string, state: ReviewStepDto['state']): ReviewStepDto {
  return { id: `s${position}`, position, kind, reviewer: { id: reviewerId, fullName: reviewerId }, state, decidedAt: null, decidedOnVersion: null };
}

function doc(state: OutgoingDocumentDto['state'], chain: ReviewStepDto[] = [], issue: OutgoingDocumentDto['pdfForSigningIssue'] = null) {
  return { state, drafter: { id: 'u1', fullName: 'Drafter' }, reviewChain: chain, pdfForSigningIssue: issue };
}

describe('availableActions', () => {
  it('lets the drafter edit and submit a draft, and nobody else', () => {
    expect(availableActions(doc('draft'), drafter)).toMatchObject({ edit: true, submit: true, decide: false, restartOffered: false });
    expect(availableActions(doc('draft'), head)).toMatchObject({ edit: false, submit: false, decide: false });
  });

  it('offers the whole chain again only after a return', () => {
    expect(availableActions(doc('returned'), drafter).restartOffered).toBe(true);
  });

  it('gives the decision to the current reviewer only, named by the kind of step', () => {
    const chain = [step(1, 'review', 'u2', 'done'), step(2, 'form_check', 'u3', 'current'), step(3, 'approve', 'u4', 'waiting')];
    expect(availableActions(doc('in_review', chain), clerk)).toMatchObject({ decide: true, decideKind: 'form_check' });
    expect(availableActions(doc('in_review', chain), head).decide).toBe(false);
    expect(availableActions(doc('in_review', chain), drafter)).toMatchObject({ edit: false, submit: false, decide: false });
  });

  it('still lets the check of form be decided after the signer approved', () => {
    const chain = [step(1, 'approve', 'u2', 'done'), step(2, 'form_check', 'u3', 'current')];
    expect(availableActions(doc('approved', chain), clerk).decide).toBe(true);
  });

  it('offers nothing once the draft is ready to sign, nor to nobody signed in', () => {
    const chain = [step(1, 'approve', 'u2', 'done'), step(2, 'form_check', 'u3', 'done')];
    expect(availableActions(doc('form_checked', chain), clerk)).toMatchObject({ edit: false, submit: false, decide: false });
    expect(availableActions(doc('draft'), null).edit).toBe(false);
  });

  it('offers another conversion only when it failed or stalled, not when LibreOffice is missing', () => {
    expect(availableActions(doc('draft', [], 'conversion_failed'), drafter).convertAgain).toBe(true);
    expect(availableActions(doc('draft', [], 'converter_unavailable'), drafter).convertAgain).toBe(false);
  });
});

describe('availableActions after the approval', () => {
  const signer = { id: 'u2', permissions: [Permission.OutgoingDraft, Permission.OutgoingSign, Permission.SignaturesSign] };
  const sealingClerk = { id: 'u3', permissions: [Permission.OutgoingCheckForm, Permission.SignaturesSeal] };
  const signed = (state: OutgoingDocumentDto['state']) => ({ ...doc(state), signer: { id: 'u2', fullName: 'Signer' } });

  it('lets only the named signer sign, once the form is checked', () => {
    expect(availableActions(signed('form_checked'), signer).sign).toBe(true);
    expect(availableActions({ ...signed('form_checked'), signer: { id: 'u9', fullName: 'Other' } }, signer).sign).toBe(false);
    expect(availableActions(signed('approved'), signer).sign).toBe(false);
    expect(availableActions(signed('form_checked'), sealingClerk).sign).toBe(false);
  });

  it('gives issuing a signed document and dispatching an issued one to a clerk who holds the seal', () => {
    expect(availableActions(signed('signed'), sealingClerk)).toMatchObject({ issue: true, dispatch: false });
    expect(availableActions(signed('signed'), clerk).issue).toBe(false);
    expect(availableActions(signed('issued'), sealingClerk)).toMatchObject({ issue: false, dispatch: true, recall: true });
    expect(availableActions(signed('signed'), signer).issue).toBe(false);
  });

  it('offers recall to the signer or a clerk and replacement to drafters, only while the document is out', () => {
    expect(availableActions(signed('dispatched'), signer)).toMatchObject({ recall: true, replace: true, dispatch: false });
    expect(availableActions(signed('dispatched'), drafter)).toMatchObject({ recall: false, replace: true });
    for (const state of ['recalled', 'replaced', 'signed'] as const) expect(availableActions(signed(state), signer)).toMatchObject({ recall: false, replace: false });
  });
});

describe('approveLabelKey', () => {
  it('names the answer by the step', () => {
    expect(approveLabelKey('review')).toBe('outgoing.actions.forward');
    expect(approveLabelKey('form_check')).toBe('outgoing.actions.formChecked');
    expect(approveLabelKey('approve')).toBe('outgoing.actions.approve');
  });
});
