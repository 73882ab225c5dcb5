/**
 * Greedy label placement for map marks: each label tries a few positions around its point and
 * takes the first that overlaps no mark, no label placed before it and stays inside the drawing;
 * a label that finds none is left out (the caller shows the mark's number instead). Deterministic:
 * labels are placed in input order.
 */

/** An axis-aligned box in drawing coordinates. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const overlaps = (a: Box, b: Box, pad = 0): boolean =>
  a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;

/** A label to place: its point, the mark's radius around it, and the label's size. */
export interface LabelRequest {
  x: number;
  y: number;
  /** Clearance around the point (the mark's half size). */
  r: number;
  w: number;
  h: number;
}

/** Where a label went: its box and the text anchor that box implies. */
export interface PlacedLabel extends Box {
  anchor: 'start' | 'end' | 'middle';
}

/**
 * The candidate boxes around a point: right, left, below, above, the four diagonals, then below
 * and above clear of the side labels' height.
 */
function candidates(q: LabelRequest): PlacedLabel[] {
  const gap = 3;
  const { x, y, r, w, h } = q;
  return [
    { x: x + r + gap, y: y - h / 2, w, h, anchor: 'start' },
    { x: x - r - gap - w, y: y - h / 2, w, h, anchor: 'end' },
    { x: x - w / 2, y: y + r + gap, w, h, anchor: 'middle' },
    { x: x - w / 2, y: y - r - gap - h, w, h, anchor: 'middle' },
    { x: x + r, y: y + r, w, h, anchor: 'start' },
    { x: x + r, y: y - r - h, w, h, anchor: 'start' },
    { x: x - r - w, y: y + r, w, h, anchor: 'end' },
    { x: x - r - w, y: y - r - h, w, h, anchor: 'end' },
    { x: x - w / 2, y: y + Math.max(r, h / 2) + gap, w, h, anchor: 'middle' },
    { x: x - w / 2, y: y - Math.max(r, h / 2) - gap - h, w, h, anchor: 'middle' },
  ];
}

/**
 * Places `labels` avoiding `obstacles` (marks, fixed texts) and each other, inside `bounds`.
 *
 * @example placeLabels([{ x: 50, y: 50, r: 6, w: 80, h: 14 }], [], { x: 0, y: 0, w: 300, h: 200 })[0]?.anchor // 'start'
 */
export function placeLabels(
  labels: readonly LabelRequest[],
  obstacles: readonly Box[],
  bounds: Box,
): (PlacedLabel | null)[] {
  const taken: Box[] = [...obstacles];
  const inside = (b: Box) =>
    b.x >= bounds.x && b.y >= bounds.y && b.x + b.w <= bounds.x + bounds.w && b.y + b.h <= bounds.y + bounds.h;
  return labels.map((q) => {
    const hit = candidates(q).find((c) => inside(c) && !taken.some((t) => overlaps(c, t, 1)));
    if (hit) taken.push(hit);
    return hit ?? null;
  });
}

/**
 * Moves points that would sit on top of each other apart (a spiral around the original spot,
 * in steps of `spacing`), so every mark stays visible and clickable. Deterministic.
 */
export function spreadPoints(points: readonly { x: number; y: number }[], spacing: number): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (const p of points) {
    let q = p;
    for (let k = 1; out.some((o) => Math.hypot(o.x - q.x, o.y - q.y) < spacing) && k < 60; k++) {
      const angle = k * 2.4; // golden-angle spiral
      const dist = spacing * Math.sqrt(k) * 0.8;
      q = { x: p.x + dist * Math.cos(angle), y: p.y + dist * Math.sin(angle) };
    }
    out.push(q);
  }
  return out;
}
