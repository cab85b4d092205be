import en from '../../../../public/i18n/en.json';
import vi from '../../../../public/i18n/vi.json';
import { VERBATIM_KEY } from './form-errors';
import { KNOWN_HISTORY_ACTIONS, historyActionLabel, historyDetailLines } from './history-labels';

describe('historyActionLabel', () => {
  it('translates the steps it knows', () => {
    expect(historyActionLabel('registered')).toEqual({ key: 'incoming.history.actions.registered' });
    expect(historyActionLabel('directed')).toEqual({ key: 'incoming.history.actions.directed' });
  });

  it('has Vietnamese and English words for every step it knows, the sender recalling a document among them', () => {
    expect(KNOWN_HISTORY_ACTIONS).toEqual(expect.arrayContaining(['recalled', 'ocr']));
    for (const action of KNOWN_HISTORY_ACTIONS) {
      expect(vi.incoming.history.actions).toHaveProperty([action], expect.stringMatching(/\S/));
      expect(en.incoming.history.actions).toHaveProperty([action], expect.stringMatching(/\S/));
    }
    expect(historyActionLabel('recalled')).toEqual({ key: 'incoming.history.actions.recalled' });
  });

  it('shows an unknown step by its code rather than a blank or a missing key', () => {
    expect(historyActionLabel('archived')).toEqual({ key: VERBATIM_KEY, params: { message: 'archived' } });
  });
});

describe('historyDetailLines', () => {
  it('says the arrival number and register of a registration', () => {
    expect(historyDetailLines({ action: 'registered', details: { arrivalNumber: 24, arrivalYear: 2026, registerCode: 'DEN' } })).toEqual([
      { key: 'incoming.history.details.arrivalNumberInRegister', params: { number: 24, year: 2026, register: 'DEN' } },
    ]);
  });

  it("names the register when the page knows it, by its code otherwise", () => {
    const entry = { action: 'registered', details: { arrivalNumber: 3, arrivalYear: 2026, registerCode: 'DEN-MAT' } };
    expect(historyDetailLines(entry, new Map([['DEN-MAT', 'Sổ đăng ký văn bản đến mật']]))[0].params).toEqual({ number: 3, year: 2026, register: 'Sổ đăng ký văn bản đến mật' });
    expect(historyDetailLines({ action: 'registered', details: { arrivalNumber: 3, arrivalYear: 2026 } })).toEqual([
      { key: 'incoming.history.details.arrivalNumber', params: { number: 3, year: 2026, register: '' } },
    ]);
  });

  it('names whom it went to and quotes what was written', () => {
    expect(historyDetailLines({ action: 'submitted', details: { to: { id: 'u1', fullName: 'Phạm Quốc Hùng' }, note: 'Kính trình' } })).toEqual([
      { key: 'incoming.history.details.to', params: { name: 'Phạm Quốc Hùng' } },
      { key: VERBATIM_KEY, params: { message: '“Kính trình”' } },
    ]);
  });

  it('shows a deadline as dd/MM/yyyy and leaves unknown details out', () => {
    expect(historyDetailLines({ action: 'directed', details: { directive: 'Giao Vụ Pháp chế', dueOn: '2026-12-05', assignees: [{ role: 'lead' }] } })).toEqual([
      { key: VERBATIM_KEY, params: { message: '“Giao Vụ Pháp chế”' } },
      { key: 'incoming.history.details.dueOn', params: { date: '05/12/2026' } },
    ]);
  });

  it('has nothing to add without details', () => {
    expect(historyDetailLines({ action: 'registered', details: null })).toEqual([]);
  });
});
