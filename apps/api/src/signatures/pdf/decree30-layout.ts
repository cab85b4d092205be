import { mm } from '../../files/pdf/page-geometry';
import type { Rect } from './signature-field';

/**
 * Sizes and places of the Decree 30 signature appearances (Phụ lục I §II.7–8, §III.1.d). The
 * decree fixes the relations (image between position and name; seal overlapping a third of the
 * signer's image on its left; attachments signed at the top right of the first page) but not
 * millimetres: the figures below are ours [U], kept here in one place and overridable per call.
 */
export const DECREE30 = Object.freeze({
  /** the signer's block: image above, "Ký bởi / thời gian ký" under it */
  signerBox: { width: mm(62), maxHeight: mm(30), minHeight: mm(24) },
  /** share of the signer's box the image takes (the rest is the two lines of text) */
  signerImageShare: 0.68,
  /** when the signer's name is not found on the last page: the right column above the bottom margin */
  signerFallback: { right: mm(20), bottom: mm(45) },
  /** a ministry's round seal is about 35–36 mm across; the real size comes with the uploaded image */
  sealDiameter: mm(35),
  /** the seal covers this share of the signer's image, on its left */
  sealOverlap: 1 / 3,
  /** the organisation's signature on a separate attachment: top right, first page, no image */
  attachmentBox: { width: mm(62), height: mm(11), top: mm(6), right: mm(15) },
  /** Decree 30 wants Times New Roman 10 black; we embed Be Vietnam Pro (licensed, full Vietnamese) at the same size */
  attachmentTextSize: 10,
  signerTextSize: 7,
  numberTextSize: 13,
});

/** The signer's box on a page where the name was not found: the right column, above the bottom margin. */
export function fallbackSignerBox(page: { width: number; height: number }): Rect {
  const { width, maxHeight } = DECREE30.signerBox;
  return { x: page.width - DECREE30.signerFallback.right - width, y: DECREE30.signerFallback.bottom, width, height: maxHeight };
}

/**
 * The signer's image inside its box (top part) and the text under it. The text starts past the
 * left third, where the organisation's seal will lie over the image and below it.
 */
export function splitSignerBox(box: Rect): { image: Rect; text: Rect } {
  const imageHeight = box.height * DECREE30.signerImageShare;
  const textLeft = box.x + box.width * DECREE30.sealOverlap + mm(1);
  return {
    image: { x: box.x, y: box.y + box.height - imageHeight, width: box.width, height: imageHeight },
    text: { x: textLeft, y: box.y, width: box.x + box.width - textLeft, height: box.height - imageHeight },
  };
}

/** An image fitted into a box, centred, keeping its proportions. */
export function fitInto(box: Rect, image: { width: number; height: number }): Rect {
  const scale = Math.min(box.width / image.width, box.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
}

/**
 * The seal at its real size, its right part over the left third of the signer's image, centred
 * on the image vertically (Decree 30, box 8).
 */
export function sealBox(signerImage: Rect, diameter: number = DECREE30.sealDiameter): Rect {
  const right = signerImage.x + signerImage.width * DECREE30.sealOverlap;
  const centreY = signerImage.y + signerImage.height / 2;
  return { x: right - diameter, y: centreY - diameter / 2, width: diameter, height: diameter };
}

export function attachmentBox(page: { width: number; height: number }): Rect {
  const { width, height, top, right } = DECREE30.attachmentBox;
  return { x: page.width - right - width, y: page.height - top - height, width, height };
}
