import type { Response } from 'express';
import { attachmentDisposition } from '../../files/file-names';
import type { RegisterExport } from './register-export.service';
import { renderRegisterPdf } from './register-pdf';
import type { RegisterLayout } from './register-row';
import { writeRegisterXlsx } from './register-xlsx';

export const REGISTER_MEDIA_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

/**
 * Sends a prepared register export: the PDF whole (pdf-lib builds it in memory, the row count is
 * bounded), the XLSX streamed as it is written. Shared by the incoming and outgoing registers.
 */
export async function sendRegisterExport<Row>(response: Response, layout: RegisterLayout<Row>, prepared: RegisterExport<Row>): Promise<void> {
  response.status(200).set({
    'Content-Type': REGISTER_MEDIA_TYPES[prepared.format],
    'Content-Disposition': attachmentDisposition(prepared.fileName),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
  if (prepared.format === 'pdf') {
    response.end(Buffer.from(await renderRegisterPdf(layout, prepared.heading, prepared.rows)));
    return;
  }
  try {
    await writeRegisterXlsx(response, layout, prepared.heading, prepared.rows);
  } catch {
    // the headers are gone already: cutting the connection is the only honest signal left
    response.destroy();
  }
}
