import { fileCode, metadataXml, splitNumberAndNotation } from './metadata-xml';

describe('the metadata XML of an archive package', () => {
  it('splits a number and notation as Appendix VI wants them', () => {
    expect(splitNumberAndNotation('15/QĐ-BYT')).toEqual({ codeNumber: '15', codeNotation: 'QĐ-BYT' });
    expect(splitNumberAndNotation('QĐ-BYT')).toEqual({ codeNumber: null, codeNotation: 'QĐ-BYT' });
    expect(splitNumberAndNotation(null)).toEqual({ codeNumber: null, codeNotation: null });
  });

  it('writes the case file and its documents with the law’s tags, escaped', () => {
    const file = {
      organId: '000.00.00.G10',
      organName: 'Bộ Y tế',
      year: 2026,
      fileNotation: '01.TCCB',
      title: 'Hồ sơ <quy chế> & "tổ chức"',
      retention: 20 as const,
      usageMode: 'restricted' as const,
      keeper: 'Trần Văn Minh',
      language: 'Tiếng Việt',
      startDate: '2026-01-05',
      endDate: '2026-11-30',
      documentCount: 1,
      pageCount: 3,
      description: null,
    };
    expect(fileCode(file)).toBe('000.00.00.G10.2026.01.TCCB');
    const xml = metadataXml(file, [
      { ordinal: 1, kind: 'incoming', typeName: 'Công văn', codeNumber: '15', codeNotation: 'VPCP-HC', issuedDate: '2026-11-20', organName: 'Văn phòng Chính phủ', subject: 'Về việc\u0001 góp ý', pageAmount: 3, files: ['documents/001/1-a.pdf'] },
    ]);
    expect(xml).toContain('<Title>Hồ sơ &lt;quy chế&gt; &amp; &quot;tổ chức&quot;</Title>');
    expect(xml).toContain('<Maintenance>20 năm</Maintenance>');
    expect(xml).toContain('<Rights>Hạn chế sử dụng</Rights>');
    expect(xml).toContain('<Description/>');
    expect(xml).toContain('<DocCode>000.00.00.G10.2026.01.TCCB.001</DocCode>');
    expect(xml).toContain('<Subject>Về việc góp ý</Subject>');
    expect(xml).toContain('<Path>documents/001/1-a.pdf</Path>');
  });
});
