import { PDFDocument } from 'pdf-lib';
import { embedVietnameseFont } from '../../files/pdf/vietnamese-font';
import { wrap } from './register-pdf';
import { vietnameseDate } from './register-row';

describe('the register PDF', () => {
  it('wraps a cell at spaces and splits only a word longer than the column', async () => {
    const font = await embedVietnameseFont(await PDFDocument.create());
    const width = font.widthOfTextAtSize('Về việc triển khai', 8);
    const lines = wrap('Về việc triển khai công tác chuyển đổi số', font, width);
    expect(lines[0]).toBe('Về việc triển khai');
    expect(lines.join(' ')).toBe('Về việc triển khai công tác chuyển đổi số');
    for (const line of lines) expect(font.widthOfTextAtSize(line, 8)).toBeLessThanOrEqual(width);

    const long = wrap('1234/QĐ-UBND-VX-KT-2026-BỔ-SUNG', font, font.widthOfTextAtSize('1234/QĐ', 8));
    expect(long.length).toBeGreaterThan(2);
    expect(long.join('')).toBe('1234/QĐ-UBND-VX-KT-2026-BỔ-SUNG');
  });

  it('keeps the lines a recipient list already has, and never returns no line at all', async () => {
    const font = await embedVietnameseFont(await PDFDocument.create());
    expect(wrap('Chủ trì: Vụ Pháp chế\nPhối hợp: Phòng Hành chính', font, 500)).toEqual(['Chủ trì: Vụ Pháp chế', 'Phối hợp: Phòng Hành chính']);
    expect(wrap('', font, 100)).toEqual(['']);
  });

  it('writes dates as Vietnamese forms do', () => {
    expect(vietnameseDate('2026-03-05')).toBe('05/03/2026');
    expect(vietnameseDate(null)).toBe('');
  });
});
