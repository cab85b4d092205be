import { describe, expect, it } from 'vitest';
import { comparisonRows, readableSize } from './version-compare';

describe('comparisonRows', () => {
  it('turns each change into a row of readable text', () => {
    const rows = comparisonRows([
      { field: 'fileName', from: 'du-thao.docx', to: 'du-thao-v2.pdf' },
      { field: 'size', from: 2048, to: 3 * 1024 * 1024 },
      { field: 'sha256', from: 'a'.repeat(64), to: 'b'.repeat(64) },
      { field: 'note', from: null, to: 'Sửa theo góp ý' },
      { field: 'uploadedBy', from: { id: '1', fullName: 'Nguyễn Văn A' }, to: { id: '2', fullName: 'Trần Thị B' } },
      { field: 'attachments', from: [], to: [{ name: 'phu-luc.pdf', sha256: 'c' }, { name: 'bang.xlsx', sha256: 'd' }] },
    ]);
    expect(rows).toEqual([
      { labelKey: 'outgoing.compare.fields.fileName', from: 'du-thao.docx', to: 'du-thao-v2.pdf' },
      { labelKey: 'outgoing.compare.fields.size', from: '2,0 KB', to: '3,0 MB' },
      { labelKey: 'outgoing.compare.fields.sha256', from: 'aaaaaaaaaaaa…', to: 'bbbbbbbbbbbb…' },
      { labelKey: 'outgoing.compare.fields.note', from: '—', to: 'Sửa theo góp ý' },
      { labelKey: 'outgoing.compare.fields.uploadedBy', from: 'Nguyễn Văn A', to: 'Trần Thị B' },
      { labelKey: 'outgoing.compare.fields.attachments', from: '—', to: 'phu-luc.pdf, bang.xlsx' },
    ]);
  });

  it('has no rows when nothing changed', () => {
    expect(comparisonRows([])).toEqual([]);
  });
});

describe('readableSize', () => {
  it('keeps small sizes in bytes', () => {
    expect(readableSize(512)).toBe('512 B');
  });
});
