/**
 * Size buckets on 总投资 in 亿元 (contract §7), lower bound inclusive, largest first.
 * `min`/`max` are 亿元; `max` is exclusive (`null` = no upper bound).
 */
export const SIZE_BUCKETS = [
  { label: '50亿元以上', min: 50, max: null },
  { label: '10–50亿元', min: 10, max: 50 },
  { label: '5–10亿元', min: 5, max: 10 },
  { label: '1–5亿元', min: 1, max: 5 },
  { label: '亿元以下', min: null, max: 1 },
] as const;

/** Bucket labels in display order, e.g. `'10–50亿元'`. */
export const SIZE_BUCKET_LABELS = SIZE_BUCKETS.map((b) => b.label) as unknown as readonly [SizeBucket, ...SizeBucket[]];

/** One of the {@link SIZE_BUCKETS} labels. */
export type SizeBucket = (typeof SIZE_BUCKETS)[number]['label'];

/**
 * The bucket of a total investment in 亿元.
 *
 * @example bucketOf(10) // '10–50亿元'
 * @example bucketOf(0.99) // '亿元以下'
 */
export function bucketOf(yi: number): SizeBucket {
  for (const b of SIZE_BUCKETS) if (b.min === null || yi >= b.min) return b.label;
  // unreachable: the last bucket has no lower bound
  return '亿元以下';
}
