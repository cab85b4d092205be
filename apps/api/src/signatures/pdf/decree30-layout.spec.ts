import { fitInto, sealBox, splitSignerBox } from './decree30-layout';
import { signatureBoxAboveName } from './text-anchors';
import { dateLine, findNumberAndDateLines } from './number-and-date';
import { vietnamDateLine, vietnamIsoTimestamp, vietnamSigningTime } from './vietnam-timestamp';
import { pdfTextLiteral } from './signature-field';

describe('Decree 30 layout', () => {
  it('puts the seal over the left third of the signer’s image, centred on it', () => {
    const image = { x: 300, y: 100, width: 150, height: 60 };
    const seal = sealBox(image, 100);
    expect(seal.x + seal.width).toBeCloseTo(350);
    expect(seal.y + seal.height / 2).toBeCloseTo(130);
    expect(seal.width).toBe(100);
  });

  it('fits an image into its box keeping proportions, and keeps the text under the image', () => {
    expect(fitInto({ x: 0, y: 0, width: 100, height: 50 }, { width: 600, height: 240 })).toEqual({ x: 0, y: 5, width: 100, height: 40 });
    const { image, text } = splitSignerBox({ x: 10, y: 20, width: 100, height: 50 });
    expect(image.y).toBeGreaterThan(text.y);
    expect(image.y + image.height).toBeCloseTo(70);
  });

  it('places the signer’s box between the position line and the printed name', () => {
    const name = { text: 'Phạm Quốc Hùng', x: 380, y: 70, width: 100, size: 13 };
    const position = { text: 'THỨ TRƯỞNG', x: 390, y: 170, width: 80, size: 13 };
    const box = signatureBoxAboveName([name, position], name, { width: 170, maxHeight: 85, minHeight: 50 });
    expect(box.y).toBeGreaterThan(name.y + name.size);
    expect(box.y + box.height).toBeLessThan(position.y);
    expect(box.x + box.width / 2).toBeCloseTo(430);
  });

  it('finds the draft’s number and date lines and the place name', () => {
    const runs = [
      { text: 'Số:        /QĐ-BYT', x: 120, y: 740, width: 100, size: 13 },
      { text: 'Hà Nội, ngày      tháng      năm 2026', x: 330, y: 735, width: 200, size: 13 },
      { text: 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020', x: 85, y: 600, width: 400, size: 12 },
    ];
    const found = findNumberAndDateLines(runs, { width: 595, height: 842 });
    expect(found.number?.y).toBe(740);
    expect(found.date?.y).toBe(735);
    expect(found.placeName).toBe('Hà Nội');
  });
});

describe('Vietnam time on signatures', () => {
  const at = new Date('2026-03-04T18:05:09Z'); // 5 March, 01:05:09 in Hà Nội
  it('writes ISO 8601 with +07:00 and the Decree 30 date line', () => {
    expect(vietnamIsoTimestamp(at)).toBe('2026-03-05T01:05:09+07:00');
    expect(vietnamSigningTime(at)).toBe('05/03/2026 01:05:09 +07:00');
    expect(vietnamDateLine(at)).toBe('ngày 05 tháng 3 năm 2026');
    expect(vietnamDateLine(new Date('2026-01-15T03:00:00Z'))).toBe('ngày 15 tháng 01 năm 2026');
    expect(dateLine(at, 'Hà Nội')).toBe('Hà Nội, ngày 05 tháng 3 năm 2026');
  });
});

describe('text strings in the signature dictionary', () => {
  it('are UTF-16BE with a byte order mark, parentheses and backslashes escaped', () => {
    const literal = pdfTextLiteral('Hà Nội');
    expect(literal.charCodeAt(0)).toBe(0xfe);
    expect(literal.charCodeAt(1)).toBe(0xff);
    expect(Buffer.from(literal.slice(2), 'latin1').swap16().toString('utf16le')).toBe('Hà Nội');
    // U+0128 'Ĩ' is the bytes 01 28: the 28 is '(' and must be escaped
    expect(pdfTextLiteral('Ĩ')).toBe('\u00fe\u00ff\u0001\\(');
  });
});
