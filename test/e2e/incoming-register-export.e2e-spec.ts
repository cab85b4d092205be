import { Workbook } from 'exceljs';
import type { Response } from 'superagent';
import { openPdf } from '../../apps/api/src/files/pdf/pdfjs';
import { Clock } from '../../apps/api/src/platform/clock/clock';
import { IncomingFlow } from '../support/incoming-flow';
import { createTestApp, TestApp } from '../support/test-app';

/** Collects a download as bytes (supertest parses only text and JSON by itself). */
const bytes = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

const HEADINGS = ['Ngày đến', 'Số đến', 'Tác giả', 'Số, ký hiệu', 'Ngày tháng', 'Tên loại và trích yếu nội dung', 'Đơn vị hoặc người nhận', 'Ngày chuyển', 'Ký nhận', 'Ghi chú'];

describe('Exporting the incoming register (Decree 30/2020, Appendix IV)', () => {
  let system: TestApp;
  let flow: IncomingFlow;

  const exportRegister = (query: Record<string, string>, username = 'vanthu') =>
    system.http().get('/api/incoming-documents/register-export').query({ registerId: flow.registers.DEN, ...query }).set(flow.as(username)).buffer(true).parse(bytes);

  beforeAll(async () => {
    system = await createTestApp();
    system.app.get(Clock).now = () => new Date('2026-11-25T02:00:00Z');
    flow = await new IncomingFlow(system).init(['vanthu', 'lanhdao', 'truongphong']);
    // 00:30 on 3 November in Hà Nội (still the 2nd in UTC): inside a range that starts on the 3rd
    await flow.register({ arrivedAt: '2026-11-02T17:30:00Z', issuerName: 'Bộ Tài chính', codeNumber: '15', codeNotation: 'QĐ-BTC', promulgatedOn: '2026-10-30', documentType: 'decision', subject: 'Về việc phân bổ dự toán ngân sách nhà nước năm 2027' });
    const second = await flow.register({ arrivedAt: '2026-11-05T02:00:00Z', issuerName: 'UBND Tỉnh Nghệ An', codeNumber: '1234', codeNotation: 'UBND-VX', promulgatedOn: '2026-11-03', urgency: 'express', subject: 'Về việc báo cáo tình hình y tế cơ sở' });
    await flow.direct(second, [{ role: 'lead', unitId: flow.unitId.PC }, { role: 'support', unitId: flow.unitId['VP.HC'] }], '2026-12-10');
    // 23:00 on 10 November in Hà Nội: the last day of the range, included
    await flow.register({ arrivedAt: '2026-11-10T16:00:00Z', issuerName: 'Bộ Nội vụ', codeNumber: '05', codeNotation: 'BNV-VP', promulgatedOn: '2026-11-09', subject: 'Về việc hướng dẫn thi đua khen thưởng' });
    // outside the range, and another register
    await flow.register({ arrivedAt: '2026-11-11T01:00:00Z', subject: 'Ngoài khoảng ngày' });
    await flow.register({ arrivedAt: '2026-11-06T01:00:00Z', registerId: flow.registers['DEN-MAT'], confidentiality: 'confidential', subject: 'Sổ mật, không thuộc sổ này' });
  });
  afterAll(async () => {
    await system.close();
  });

  it('writes the ten columns as XLSX, in arrival-number order, for the days asked', async () => {
    const response = await exportRegister({ from: '2026-11-03', to: '2026-11-10', format: 'xlsx' }).expect(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('so-van-ban-den-DEN-2026-11-03-2026-11-10.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load(response.body);
    const sheet = workbook.worksheets[0];
    const text = (row: number) => HEADINGS.map((_, index) => String(sheet.getRow(row).getCell(index + 1).value ?? ''));
    expect(sheet.getCell('A1').value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(sheet.getCell('A2').value).toContain('từ ngày 03/11/2026 đến ngày 10/11/2026');
    expect(text(4)).toEqual(HEADINGS);
    const rows = [5, 6, 7].map(text);
    expect(sheet.rowCount).toBe(7);
    expect(rows[0]).toEqual(['03/11/2026', '1', 'Bộ Tài chính', '15/QĐ-BTC', '30/10/2026', 'Quyết định Về việc phân bổ dự toán ngân sách nhà nước năm 2027', '', '', '', '']);
    expect(rows[1]).toEqual([
      '05/11/2026',
      '2',
      'UBND Tỉnh Nghệ An',
      '1234/UBND-VX',
      '03/11/2026',
      'Công văn Về việc báo cáo tình hình y tế cơ sở',
      'Trình: Phạm Quốc Hùng\nChủ trì: Vụ Pháp chế\nPhối hợp: Phòng Hành chính',
      '25/11/2026',
      '',
      'Hỏa tốc',
    ]);
    expect(rows[2].slice(0, 4)).toEqual(['10/11/2026', '3', 'Bộ Nội vụ', '05/BNV-VP']);
  });

  it('prints the same rows as an A4 landscape PDF with the Vietnamese text searchable', async () => {
    const response = await exportRegister({ from: '2026-11-03', to: '2026-11-10', format: 'pdf' }).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await openPdf(new Uint8Array(response.body));
    expect(pdf.numPages).toBe(1);
    const page = await pdf.getPage(1);
    const [, , width, height] = page.view;
    expect(width).toBeGreaterThan(height);
    const content = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    await pdf.destroy();
    for (const expected of ['SỔ ĐĂNG KÝ VĂN BẢN ĐẾN', ...HEADINGS, 'Bộ Tài chính', '15/QĐ-BTC', 'UBND Tỉnh Nghệ An', 'Chủ trì: Vụ Pháp chế', 'Hỏa tốc', '05/BNV-VP'])
      expect(content).toContain(expected);
    expect(content).not.toContain('Ngoài khoảng ngày');
  });

  it('records every export in the audit log', async () => {
    const [entry] = await system.query(`SELECT actor_id, entity_id, details FROM audit_entry WHERE action = 'incoming.register_export' ORDER BY sequence DESC LIMIT 1`);
    expect(entry).toMatchObject({ actor_id: flow.userId.vanthu, entity_id: flow.registers.DEN, details: { from: '2026-11-03', to: '2026-11-10', format: 'pdf', rows: 3 } });
  });

  it('streams a long register as XLSX, and sends a PDF too long to print back to XLSX', async () => {
    const file = await flow.upload();
    await system.query(
      `INSERT INTO incoming_document (register_id, arrival_year, arrival_number, arrived_at, received_via, issuer_name, promulgated_on, document_type, subject, urgency, confidentiality, state, main_file_id, version)
       SELECT $1, 2026, 1000 + n, timestamptz '2026-10-01T01:00:00Z' + n * interval '1 second', 'paper', 'Sở Y tế', '2026-09-30', 'official_letter', 'Công văn số ' || n, 'normal', 'normal', 'registered', $2, 1
         FROM generate_series(1, 5001) n`,
      [flow.registers.DEN, file],
    );
    const tooLong = await exportRegister({ from: '2026-10-01', to: '2026-10-01', format: 'pdf' }).expect(422);
    expect(JSON.parse(tooLong.body.toString()).message).toContain('Excel');
    const response = await exportRegister({ from: '2026-10-01', to: '2026-10-01', format: 'xlsx' }).expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(response.body);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(4 + 5001);
    expect(sheet.getRow(5).getCell(2).value).toBe('1001');
    expect(sheet.getRow(4 + 5001).getCell(2).value).toBe('6001');
  });

  it('is for clerks only and refuses a wrong register or range in Vietnamese and English', async () => {
    await exportRegister({ from: '2026-11-01', to: '2026-11-30', format: 'xlsx' }, 'truongphong').expect(403);
    const backwards = await exportRegister({ from: '2026-11-30', to: '2026-11-01', format: 'xlsx' }).expect(400);
    expect(JSON.parse(backwards.body.toString())).toMatchObject({ code: 'VALIDATION_FAILED', messageEn: expect.stringContaining('end date'), details: [{ field: 'to' }] });
    await exportRegister({ registerId: '00000000-0000-4000-8000-000000000000', from: '2026-11-01', to: '2026-11-30', format: 'xlsx' }).expect(400);
    await exportRegister({ from: '2026-11-01', to: '2026-11-30', format: 'csv' }).expect(400);
  });
});
