import { historyActionKey, parseRetention, retentionText } from './case-file-labels';

describe('case file labels', () => {
  it('writes a retention as the forms do', () => {
    expect(retentionText('permanent', 'vi')).toBe('Vĩnh viễn');
    expect(retentionText(20, 'vi')).toBe('20 năm');
    expect(retentionText(5, 'en')).toBe('5 years');
  });

  it('reads a retention typed in a form', () => {
    expect(parseRetention('permanent')).toBe('permanent');
    expect(parseRetention('10')).toBe(10);
    expect(parseRetention(0)).toBeNull();
    expect(parseRetention('abc')).toBeNull();
  });

  it('names known timeline actions and falls back for new ones', () => {
    expect(historyActionKey('closed')).toBe('caseFiles.history.closed');
    expect(historyActionKey('something_new')).toBe('caseFiles.history.other');
  });
});
