import type { Writable } from 'node:stream';
import { stream } from 'exceljs';
import type { RegisterExportHeading, RegisterLayout } from './register-row';

/**
 * Writes the register as an XLSX workbook straight into `out`, row by row: exceljs's streaming
 * writer commits each row to the zip as it goes, so a register of a whole year never sits in
 * memory. Landscape A4, the heading repeated on every printed page, as the paper form.
 */
export async function writeRegisterXlsx<Row>(out: Writable, layout: RegisterLayout<Row>, heading: RegisterExportHeading, rows: AsyncIterable<Row>): Promise<void> {
  const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'e-office';
  const sheet = workbook.addWorksheet(layout.name.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' },
    views: [{ state: 'frozen', ySplit: 4 }],
  });
  sheet.columns = layout.columns.map((column) => ({ key: column.key, width: column.width }));
  const lastColumn = String.fromCharCode('A'.charCodeAt(0) + layout.columns.length - 1);

  const title = sheet.addRow([layout.title]);
  sheet.mergeCells(`A1:${lastColumn}1`);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  title.commit();
  const subtitle = sheet.addRow([`${heading.registerName} — từ ngày ${heading.from} đến ngày ${heading.to}`]);
  sheet.mergeCells(`A2:${lastColumn}2`);
  subtitle.alignment = { horizontal: 'center' };
  subtitle.commit();
  sheet.addRow([]).commit();
  const header = sheet.addRow(layout.columns.map((column) => column.title));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => (cell.border = thin));
  header.commit();

  for await (const row of rows) {
    const line = sheet.addRow(layout.columns.map((column) => row[column.key] as string));
    line.alignment = { vertical: 'top', wrapText: true };
    line.eachCell({ includeEmpty: true }, (cell) => (cell.border = thin));
    line.commit();
  }
  sheet.commit();
  await workbook.commit();
}

const thin = {
  top: { style: 'thin' as const },
  left: { style: 'thin' as const },
  bottom: { style: 'thin' as const },
  right: { style: 'thin' as const },
};
