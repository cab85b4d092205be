import { DocumentRegisterDto } from '@app/contracts';
import { needsConfidentialRegister, pickRegister, registersFor } from './register-choice';

function register(id: string, overrides: Partial<DocumentRegisterDto> = {}): DocumentRegisterDto {
  return { id, code: id.toUpperCase(), name: `Sổ ${id}`, direction: 'incoming', confidential: false, active: true, sortOrder: 0, version: 1, ...overrides };
}

const ordinary = register('den', { sortOrder: 1 });
const secondOrdinary = register('den-2', { sortOrder: 2 });
const confidential = register('den-mat', { confidential: true, sortOrder: 1 });
const outgoing = register('di', { direction: 'outgoing' });
const outgoingConfidential = register('di-mat', { direction: 'outgoing', confidential: true });
const retired = register('den-cu', { active: false });
const all = [secondOrdinary, confidential, outgoing, ordinary, retired, outgoingConfidential];

describe('needsConfidentialRegister', () => {
  it('sends Mật, Tối mật and Tuyệt mật to a confidential register', () => {
    expect(needsConfidentialRegister('normal')).toBe(false);
    expect(needsConfidentialRegister('confidential')).toBe(true);
    expect(needsConfidentialRegister('secret')).toBe(true);
    expect(needsConfidentialRegister('top_secret')).toBe(true);
  });
});

describe('registersFor', () => {
  it('offers an ordinary document only the active ordinary incoming registers, in order', () => {
    expect(registersFor(all, 'normal').map((item) => item.id)).toEqual(['den', 'den-2']);
  });

  it('offers a secret document only the confidential incoming registers', () => {
    expect(registersFor(all, 'secret').map((item) => item.id)).toEqual(['den-mat']);
    expect(registersFor(all, 'top_secret').map((item) => item.id)).toEqual(['den-mat']);
  });

  it('does not reorder the list it is given', () => {
    const before = all.map((item) => item.id);
    registersFor(all, 'normal');
    expect(all.map((item) => item.id)).toEqual(before);
  });
});

describe('pickRegister', () => {
  it('picks the first fitting register when nothing is chosen yet', () => {
    expect(pickRegister(all, 'normal', null)).toBe('den');
  });

  it('moves to the confidential register when the document becomes Mật, and back', () => {
    expect(pickRegister(all, 'confidential', 'den')).toBe('den-mat');
    expect(pickRegister(all, 'normal', 'den-mat')).toBe('den');
  });

  it('keeps a fitting register the clerk chose on purpose', () => {
    expect(pickRegister(all, 'normal', 'den-2')).toBe('den-2');
    expect(pickRegister(all, 'top_secret', 'den-mat')).toBe('den-mat');
  });

  it('never keeps a retired or outgoing register', () => {
    expect(pickRegister(all, 'normal', 'den-cu')).toBe('den');
    expect(pickRegister(all, 'normal', 'di')).toBe('den');
  });

  it('picks nothing when no register fits (none configured yet)', () => {
    expect(pickRegister([ordinary], 'secret', 'den')).toBeNull();
    expect(pickRegister([], 'normal', null)).toBeNull();
  });
});
