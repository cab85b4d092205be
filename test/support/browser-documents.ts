import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

/** A date some days from today on a Vietnamese wall calendar, as typed: dd/MM/yyyy. */
export function vietnamDate(daysFromToday: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(Date.now() + daysFromToday * 86_400_000),
  );
}

/** A small, valid one-page PDF, like a scanned official letter (the standard font has no Vietnamese marks). */
export async function letterPdf(lines: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, index) => page.drawText(line, { x: 72, y: 760 - index * 22, size: 13, font, color: rgb(0, 0, 0) }));
  return Buffer.from(await pdf.save());
}
