import { describe, expect, it } from 'vitest';
import { tabsFor, viewFromParam, viewToParams } from './list-query';

describe('outgoing list query', () => {
  it('reads a known tab from the address and falls back to my drafts', () => {
    expect(viewFromParam('waiting')).toBe('waiting');
    expect(viewFromParam('approved')).toBe('approved');
    expect(viewFromParam(null)).toBe('mine');
    expect(viewFromParam('everything')).toBe('mine');
  });

  it('gives the list to number and issue to the clerks only', () => {
    expect(tabsFor(true)).toEqual(['mine', 'waiting', 'approved', 'to_issue']);
    expect(tabsFor(false)).toEqual(['mine', 'waiting', 'approved']);
    expect(viewFromParam('to_issue')).toBe('to_issue');
  });

  it('leaves the default tab out of the address', () => {
    expect(viewToParams('mine')).toEqual({ view: null });
    expect(viewToParams('waiting')).toEqual({ view: 'waiting' });
  });
});
