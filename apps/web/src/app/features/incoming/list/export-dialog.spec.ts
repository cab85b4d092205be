import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { exportFileName, readBlobError } from './export-dialog';

describe('register export', () => {
  const response = (disposition: string | null) => ({ headers: new HttpHeaders(disposition ? { 'Content-Disposition': disposition } : {}) });

  it('names the file as the API does, Vietnamese included', () => {
    expect(exportFileName(response(`attachment; filename="so-den.xlsx"; filename*=UTF-8''S%E1%BB%95%20%C4%91%E1%BA%BFn.xlsx`), 'x.xlsx')).toBe('Sổ đến.xlsx');
    expect(exportFileName(response('attachment; filename="so-den-2026.pdf"'), 'x.pdf')).toBe('so-den-2026.pdf');
    expect(exportFileName(response(null), 'fallback.xlsx')).toBe('fallback.xlsx');
  });

  it('reads a refusal sent as a Blob back into the API error shape', async () => {
    const body = { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Khoảng ngày không hợp lệ.' };
    const error = new HttpErrorResponse({ status: 400, error: new Blob([JSON.stringify(body)], { type: 'application/json' }) });
    const read = (await readBlobError(error)) as HttpErrorResponse;
    expect(read.status).toBe(400);
    expect(read.error).toEqual(body);
    const notJson = new HttpErrorResponse({ status: 502, error: new Blob(['Bad gateway']) });
    expect(await readBlobError(notJson)).toBe(notJson);
  });
});
