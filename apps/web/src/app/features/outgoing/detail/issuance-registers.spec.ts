import { DocumentRegisterDto } from '@app/contracts';
import { describe, expect, it } from 'vitest';
import { registersFor } from './issuance-registers';

const register = (code: string, fields: Partial<DocumentRegisterDto> = {}): DocumentRegisterDto => ({
  id: code,
  code,
  name: code,
  direction: 'outgoing',
  confidential: false,
  active: true,
  sortOrder: 1,
  version: 1,
  ...fields,
});

describe('registersFor', () => {
  const all = [
    register('DI-MAT', { confidential: true }),
    register('DI-2', { sortOrder: 2 }),
    register('DI'),
    register('DEN', { direction: 'incoming' }),
    register('DI-CU', { active: false }),
  ];

  it('offers an ordinary document the active ordinary outgoing registers, in the agency’s order', () => {
    expect(registersFor(all, 'normal').map((item) => item.code)).toEqual(['DI', 'DI-2']);
  });

  it('offers a confidential document the confidential registers only', () => {
    expect(registersFor(all, 'secret').map((item) => item.code)).toEqual(['DI-MAT']);
    expect(registersFor(all, 'top_secret').map((item) => item.code)).toEqual(['DI-MAT']);
  });
});
