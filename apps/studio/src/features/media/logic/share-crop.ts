/** The share image's frame (og:image), as the media service makes it. */
export const SHARE_FRAME = { width: 1200, height: 630 } as const;

export interface Point {
  x: number;
  y: number;
}

/** A part of the image, in fractions (0..1) of its width and height. */
export interface Crop {
  left: number;
  top: number;
  width: number;
  height: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * What of a `width`×`height` image the 1200×630 share image shows: the image scaled to cover the frame, the frame
 * centred on the focal point and pushed back inside the edges (the media service's own rule, so the preview is what
 * readers get).
 */
export function shareCrop(width: number, height: number, focal: Point): Crop {
  const scale = Math.max(SHARE_FRAME.width / width, SHARE_FRAME.height / height);
  const w = width * scale;
  const h = height * scale;
  const left = clamp(focal.x * w - SHARE_FRAME.width / 2, 0, w - SHARE_FRAME.width);
  const top = clamp(focal.y * h - SHARE_FRAME.height / 2, 0, h - SHARE_FRAME.height);
  return { left: left / w, top: top / h, width: SHARE_FRAME.width / w, height: SHARE_FRAME.height / h };
}

/** The focal point where a click landed on an element showing the whole image (rounded to thousandths). */
export function focalFromClick(rect: { left: number; top: number; width: number; height: number }, at: Point): Point {
  const round = (v: number) => Math.round(clamp(v, 0, 1) * 1000) / 1000;
  return { x: round((at.x - rect.left) / rect.width), y: round((at.y - rect.top) / rect.height) };
}

/** The focal point moved by the arrow keys: `step` of the image per press, kept inside it. */
export function nudgeFocal(p: Point, key: string, step = 0.05): Point | null {
  const round = (v: number) => Math.round(clamp(v, 0, 1) * 1000) / 1000;
  switch (key) {
    case 'ArrowLeft':
      return { x: round(p.x - step), y: p.y };
    case 'ArrowRight':
      return { x: round(p.x + step), y: p.y };
    case 'ArrowUp':
      return { x: p.x, y: round(p.y - step) };
    case 'ArrowDown':
      return { x: p.x, y: round(p.y + step) };
    default:
      return null;
  }
}

/**
 * CSS for a box of the frame's shape showing `crop` of the image: the image scaled so the crop fills the box
 * (percentages of the box), offset so the crop's corner sits at the box's.
 */
export function cropStyle(crop: Crop): { width: string; height: string; left: string; top: string } {
  const pct = (v: number) => `${(v * 100).toFixed(3)}%`;
  return {
    width: pct(1 / crop.width),
    height: pct(1 / crop.height),
    left: pct(-crop.left / crop.width),
    top: pct(-crop.top / crop.height),
  };
}
