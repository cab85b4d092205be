import { ErrorCode, SignatureErrorCode } from '@app/contracts';
import { describe, expect, it } from 'vitest';
import { lockedUntilOf, signingFailureKind, stillLocked } from './signing-failure';

describe('signingFailureKind', () => {
  it('tells a wrong passphrase, a locked key and a lost race from the rest', () => {
    expect(signingFailureKind(SignatureErrorCode.WrongPassphrase)).toBe('wrong_passphrase');
    expect(signingFailureKind(SignatureErrorCode.CredentialLocked)).toBe('locked');
    expect(signingFailureKind(ErrorCode.VersionConflict)).toBe('conflict');
    expect(signingFailureKind('PDF_UNREADABLE')).toBe('other');
    expect(signingFailureKind(null)).toBe('other');
  });
});

describe('lockedUntilOf', () => {
  it('reads the end of the lock from the details, and nothing else', () => {
    expect(lockedUntilOf({ lockedUntil: '2026-11-30T10:15:00.000Z' })?.toISOString()).toBe('2026-11-30T10:15:00.000Z');
    expect(lockedUntilOf({ lockedUntil: 'later' })).toBeNull();
    expect(lockedUntilOf([{ field: 'passphrase' }])).toBeNull();
    expect(lockedUntilOf(null)).toBeNull();
  });
});

describe('stillLocked', () => {
  const until = new Date('2026-11-30T10:15:00Z');
  const locked = { kind: 'locked' as const, message: '', lockedUntil: until };

  it('holds the button until the lock ends', () => {
    expect(stillLocked(locked, new Date('2026-11-30T10:14:59Z'))).toBe(true);
    expect(stillLocked(locked, new Date('2026-11-30T10:15:01Z'))).toBe(false);
  });

  it('never holds it for another failure', () => {
    expect(stillLocked({ kind: 'wrong_passphrase', message: '', lockedUntil: null }, until)).toBe(false);
    expect(stillLocked(null, until)).toBe(false);
  });
});
