import { canonicalJson } from './canonical-json';
import { chainHash, checkLink, ChainedFields, GENESIS_HASH } from './audit-chain';

const row = (sequence: number, previousHash: string, details: Record<string, unknown> | null = { a: 1 }): ChainedFields & { hash: string } => {
  const fields: ChainedFields = {
    sequence: String(sequence),
    occurredAt: new Date('2026-11-23T03:00:00.123Z'),
    actorId: null,
    actorUsername: 'vanthu',
    action: 'auth.login',
    entityType: 'user',
    entityId: 'x',
    outcome: 'success',
    ip: '127.0.0.1',
    requestId: 'r1',
    details,
    previousHash,
  };
  return { ...fields, hash: chainHash(fields) };
};

describe('canonical JSON', () => {
  it('gives the same text whatever the key order, at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: 'Quyết định' } })).toBe(canonicalJson({ a: { c: 'Quyết định', d: [1, { y: 2, z: 1 }] }, b: 1 }));
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson(new Date('2026-01-01T00:00:00Z'))).toBe('"2026-01-01T00:00:00.000Z"');
  });
});

describe('the audit hash chain', () => {
  const first = row(1, GENESIS_HASH);
  const second = row(2, first.hash);

  it('accepts a well-formed chain', () => {
    expect(checkLink(first, null)).toBeNull();
    expect(checkLink(second, { sequence: '1', hash: first.hash })).toBeNull();
  });

  it('notices a changed field, a broken link and a missing row', () => {
    expect(checkLink({ ...second, details: { a: 2 } }, { sequence: '1', hash: first.hash })?.reason).toMatch(/changed/);
    expect(checkLink({ ...second, actorUsername: 'admin' }, { sequence: '1', hash: first.hash })?.reason).toMatch(/changed/);
    expect(checkLink(second, { sequence: '1', hash: 'f'.repeat(64) })?.reason).toMatch(/link/);
    expect(checkLink(row(3, first.hash), { sequence: '1', hash: first.hash })).toEqual({ sequence: '3', reason: expect.stringMatching(/row 2 is missing/) });
    expect(checkLink(second, null)?.reason).toMatch(/row 1 is missing/);
  });

  it('does not depend on the key order jsonb returns details in', () => {
    const a = row(1, GENESIS_HASH, { x: 1, y: { p: 1, q: 2 } });
    const b = row(1, GENESIS_HASH, { y: { q: 2, p: 1 }, x: 1 });
    expect(a.hash).toBe(b.hash);
  });
});
