import type { ReviewStepInput } from '@app/contracts';
import { backToSigner, ChainStep, chainProblem, passOn, startChain, stateAfterReview } from './review-chain';

const chain = (...kinds: [ChainStep['kind'], string][]): ChainStep[] => kinds.map(([kind, reviewerId], index) => ({ position: index + 1, kind, reviewerId, state: 'waiting' }));
const inputs = (steps: ChainStep[]): ReviewStepInput[] => steps.map(({ kind, reviewerId }) => ({ kind, reviewerId }));

describe('review chain', () => {
  const usual = chain(['review', 'head'], ['form_check', 'clerk'], ['approve', 'signer']);

  it('accepts the usual chain and the form check after the approval (Decree 30 order)', () => {
    expect(chainProblem(inputs(usual), 'drafter', 'signer')).toBeNull();
    expect(chainProblem(inputs(chain(['review', 'head'], ['approve', 'signer'], ['form_check', 'clerk'])), 'drafter', 'signer')).toBeNull();
  });

  it('refuses a chain without the signer’s approval, without a form check, with a review after the approval or by the drafter', () => {
    expect(chainProblem(inputs(chain(['review', 'head'], ['form_check', 'clerk'])), 'drafter', 'signer')?.en).toContain('approval');
    expect(chainProblem(inputs(chain(['form_check', 'clerk'], ['approve', 'other'])), 'drafter', 'signer')?.en).toContain('signer');
    expect(chainProblem(inputs(chain(['review', 'head'], ['approve', 'signer'])), 'drafter', 'signer')?.en).toContain('form');
    expect(chainProblem(inputs(chain(['form_check', 'clerk'], ['approve', 'signer'], ['review', 'head'])), 'drafter', 'signer')?.en).toContain('before');
    expect(chainProblem(inputs(chain(['review', 'drafter'], ['form_check', 'clerk'], ['approve', 'signer'])), 'drafter', 'signer')?.en).toContain('own');
    expect(chainProblem(inputs(chain(['review', 'head'], ['review', 'head'], ['form_check', 'clerk'], ['approve', 'signer'])), 'drafter', 'signer')?.en).toContain('one step');
  });

  it('starts at the first step, passes on in order, and restarts where the draft was returned', () => {
    let steps = startChain(usual, false);
    expect(steps.map((step) => step.state)).toEqual(['current', 'waiting', 'waiting']);
    steps = passOn(steps).steps;
    expect(steps.map((step) => step.state)).toEqual(['done', 'current', 'waiting']);
    expect(stateAfterReview(steps)).toBe('in_review');
    steps[1].state = 'returned';
    expect(startChain(steps, false).map((step) => step.state)).toEqual(['done', 'current', 'waiting']);
    expect(startChain(steps, true).map((step) => step.state)).toEqual(['current', 'waiting', 'waiting']);
  });

  it('is approved when the signer approved before the form check, ready to sign when all passed', () => {
    const decreeOrder = chain(['approve', 'signer'], ['form_check', 'clerk']);
    const { steps, next } = passOn(startChain(decreeOrder, false));
    expect(next?.kind).toBe('form_check');
    expect(stateAfterReview(steps)).toBe('approved');
    const last = passOn(steps);
    expect(last.next).toBeNull();
    expect(stateAfterReview(last.steps)).toBe('form_checked');
  });

  it('sends a change after the approval back to the signer, then to the form check again', () => {
    let steps = startChain(usual, false);
    for (let step = 0; step < 3; step += 1) steps = passOn(steps).steps;
    expect(stateAfterReview(steps)).toBe('form_checked');
    steps = backToSigner(steps);
    expect(steps.map((step) => step.state)).toEqual(['done', 'waiting', 'current']);
    expect(stateAfterReview(steps)).toBe('in_review');
    const { steps: approved, next } = passOn(steps);
    expect(next?.kind).toBe('form_check');
    expect(stateAfterReview(approved)).toBe('approved');
  });
});
