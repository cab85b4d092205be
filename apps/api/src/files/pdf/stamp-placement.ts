import { Box, mm, overlapArea } from './page-geometry';

export interface StampPlacement {
  /** The stamp's box in the seen frame (y up). */
  box: Box;
  /** 1 at full size; less only on pages too small for the full stamp. */
  scale: number;
  /** False when every place in the search area covers some text: the least-covering one was taken. */
  free: boolean;
}

export interface PlacementRules {
  /** Distance kept from the page's edges (printers do not print there). */
  edge: number;
  /** Grid step of the search. */
  step: number;
  /** The stamp's top edge stays within this share of the page's height from the top. */
  searchDepth: number;
  /** Room kept around text. */
  padding: number;
  /** The largest share of the page's width and height the stamp may take. */
  maxShare: number;
}

export const PLACEMENT_RULES: Readonly<PlacementRules> = Object.freeze({
  edge: mm(6),
  step: mm(2),
  searchDepth: 0.3,
  padding: 2,
  maxShare: 0.45,
});

/**
 * Where the stamp goes on the seen first page: in the top area, where it covers no text, as high
 * and as far left as possible (Vietnamese clerks stamp the top left, under the issuer's header or in
 * the margin, wherever there is room). Where every place covers text, the place covering the least.
 * `obstacles` are the text and annotation boxes in the same seen frame. Images are not known here,
 * so on a scan (no text) the stamp goes to the top-left corner.
 */
export function placeStamp(page: { width: number; height: number }, stamp: { width: number; height: number }, obstacles: readonly Box[], rules: PlacementRules = PLACEMENT_RULES): StampPlacement {
  const scale = Math.min(1, (page.width * rules.maxShare) / stamp.width, (page.height * rules.maxShare) / stamp.height);
  const width = stamp.width * scale;
  const height = stamp.height * scale;
  const edge = Math.min(rules.edge, (page.width - width) / 2, (page.height - height) / 2);
  const padded = obstacles.map((box) => ({ x: box.x - rules.padding, y: box.y - rules.padding, width: box.width + 2 * rules.padding, height: box.height + 2 * rules.padding }));

  let best: { box: Box; covered: number; cost: number } | undefined;
  const lowestTop = Math.max(edge, page.height * rules.searchDepth);
  const rightmostLeft = page.width - edge - width;
  for (let top = edge; top <= lowestTop + 1e-6; top += rules.step) {
    for (let left = edge; left <= rightmostLeft + 1e-6; left += rules.step) {
      const box = { x: left, y: page.height - top - height, width, height };
      let covered = 0;
      for (const obstacle of padded) covered += overlapArea(box, obstacle);
      // Higher first, then further left; a free place always beats a covering one.
      const cost = top + 0.5 * left;
      if (!best || covered < best.covered || (covered === best.covered && cost < best.cost)) best = { box, covered, cost };
    }
  }
  const fallback = { x: edge, y: page.height - edge - height, width, height };
  return best ? { box: best.box, scale, free: best.covered === 0 } : { box: fallback, scale, free: obstacles.length === 0 };
}
