import { checkClosing, CheckedDocument } from './closing-check';

const file = (sha: string) => ({ id: sha, name: `${sha}.pdf`, mediaType: 'application/pdf', size: 10, sha256: sha.padEnd(64, '0') });
const document = (overrides: Partial<CheckedDocument> = {}): CheckedDocument => ({
  id: 'd1',
  position: 1,
  confidential: false,
  title: 'Về việc triển khai',
  numberAndNotation: '15/QĐ-BYT',
  documentDate: '2026-11-20',
  typeName: 'Quyết định',
  author: 'Bộ Y tế',
  pageCount: 2,
  final: true,
  files: [file('a')],
  ...overrides,
});

describe('the review when a case file is closed', () => {
  it('accepts complete, final, distinct documents and counts their pages', () => {
    const check = checkClosing([document(), document({ id: 'd2', numberAndNotation: '16/QĐ-BYT', files: [file('b')], pageCount: 3 })]);
    expect(check).toEqual({ complete: true, reasons: [], documentCount: 2, pageCount: 5 });
  });

  it('names a confidential document only by its place in the file', () => {
    const check = checkClosing([document({ id: 'd7', position: 7, confidential: true, title: 'Kế hoạch mật', final: false })]);
    expect(check.reasons[0].message).toBe('Văn bản "số 7 (mật)" chưa có bản chính thức đã ký số (hoặc chưa vào sổ).');
    expect(check.reasons[0].message).not.toContain('Kế hoạch');
  });

  it('refuses an empty case file', () => {
    expect(checkClosing([]).reasons.map((reason) => reason.problem)).toEqual(['no_documents']);
  });

  it('names the missing metadata, the drafts and the duplicates, document by document', () => {
    const check = checkClosing([
      document({ id: 'd1', pageCount: null, typeName: '' }),
      document({ id: 'd2', final: false, numberAndNotation: null, files: [file('c')] }),
      document({ id: 'd3', files: [file('x')], numberAndNotation: '15/qđ-byt' }),
      document({ id: 'd4', numberAndNotation: null, files: [file('c')] }),
    ]);
    expect(check.complete).toBe(false);
    expect(check.reasons.map((reason) => [reason.problem, reason.caseFileDocumentId])).toEqual([
      ['missing_metadata', 'd1'],
      ['not_final', 'd2'],
      ['duplicate', 'd3'],
      ['duplicate', 'd4'],
    ]);
    expect(check.reasons[0]).toMatchObject({ fields: ['typeName', 'pageCount'], message: expect.stringContaining('tên loại, số trang') });
  });
});
