import { openPdf } from '../../files/pdf/pdfjs';
import type { Rect } from './signature-field';

/** A run of text on a page, in the page's user space (baseline at `y`). */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/**
 * The text runs of some pages, read with pdfjs (positions in user space: drafts are upright A4
 * pages; a rotated page's anchors are still right in user space, which is where we draw).
 */
export async function textRuns(pdf: Uint8Array, pages: (pageCount: number) => readonly number[]): Promise<Map<number, TextRun[]>> {
  const document = await openPdf(new Uint8Array(pdf)); // pdfjs empties the buffer it is given
  try {
    const runs = new Map<number, TextRun[]>();
    for (const index of pages(document.numPages)) {
      if (index < 0 || index >= document.numPages) continue;
      const page = await document.getPage(index + 1);
      const content = await page.getTextContent();
      runs.set(
        index,
        joinLines(
          content.items
            .filter((item): item is typeof item & { str: string; transform: number[]; width: number } => 'str' in item && item.str.trim() !== '')
            .map((item) => ({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width, size: Math.hypot(item.transform[2], item.transform[3]) || 12 })),
        ),
      );
    }
    return runs;
  } finally {
    await document.destroy();
  }
}

/**
 * pdfjs cuts a line where the spacing is wide, so a draft's "Số:        /QĐ-BYT" comes as two runs.
 * Runs on one baseline with a gap under three font sizes are one line again; the columns of the
 * Decree 30 header (issuer left, national motto right) stay apart.
 */
export function joinLines(runs: readonly TextRun[]): TextRun[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextRun[] = [];
  for (const run of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - run.y) < Math.min(last.size, run.size) * 0.3 && run.x - (last.x + last.width) < Math.max(last.size, run.size) * 3 && run.x >= last.x) {
      lines[lines.length - 1] = { ...last, text: `${last.text} ${run.text}`, width: Math.max(last.width, run.x + run.width - last.x), size: Math.max(last.size, run.size) };
    } else lines.push({ ...run });
  }
  return lines;
}

const fold = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');

/** The lowest run on the page that contains `needle` (the signer's name sits under the signature block). */
export function findRun(runs: readonly TextRun[], needle: string, where: 'lowest' | 'highest' = 'lowest'): TextRun | undefined {
  const wanted = fold(needle);
  if (!wanted) return undefined;
  const hits = runs.filter((run) => fold(run.text).includes(wanted));
  hits.sort((a, b) => (where === 'lowest' ? a.y - b.y : b.y - a.y));
  return hits[0];
}

/**
 * Where the signer's image goes per Decree 30 (Phụ lục I, box 7c): between the position line and
 * the printed name, centred on the name. The box spans the gap up to the next line above the name
 * (at most `maxHeight`), so it does not cover the position line.
 */
export function signatureBoxAboveName(runs: readonly TextRun[], name: TextRun, size: { width: number; maxHeight: number; minHeight: number }): Rect {
  const bottom = name.y + name.size * 1.1;
  const above = runs.filter((run) => run.y > bottom && run.x < name.x + name.width + size.width / 2 && run.x + run.width > name.x - size.width / 2);
  const ceiling = above.length ? Math.min(...above.map((run) => run.y)) - 2 : bottom + size.maxHeight;
  const height = Math.max(size.minHeight, Math.min(size.maxHeight, ceiling - bottom));
  const centre = name.x + name.width / 2;
  return { x: centre - size.width / 2, y: bottom, width: size.width, height };
}
