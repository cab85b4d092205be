import { HttpErrorResponse } from '@angular/common/http';
import { closingReasons, historyActionKey, parseRetention, retentionText } from './case-file-labels';

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

  it('takes the reasons out of a refused closing, and nothing out of other failures', () => {
    const reason = { problem: 'no_documents', caseFileDocumentId: null, message: 'Hồ sơ chưa có văn bản nào.', messageEn: 'The case file holds no document.' };
    const refused = new HttpErrorResponse({ status: 422, error: { statusCode: 422, code: 'CASE_FILE_INCOMPLETE', message: 'x', details: { reasons: [reason] } } });
    expect(closingReasons(refused)).toEqual([reason]);
    expect(closingReasons(new HttpErrorResponse({ status: 409, error: { statusCode: 409, code: 'VERSION_CONFLICT', message: 'x' } }))).toBeNull();
    expect(closingReasons(new Error('network'))).toBeNull();
  });
});
