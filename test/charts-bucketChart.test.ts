import { describe, expect, test } from 'vitest';
import { bucketChart } from '../src/charts/bucketChart.ts';
import { SIZE_BUCKET_LABELS } from '../src/schemas/buckets.ts';

const data = [
  { bucket: '亿元以下', count: 12, amount: 4.2 },
  { bucket: '1–5亿元', count: 10, amount: 25.3 },
  { bucket: '5–10亿元', count: 3, amount: 21 },
  { bucket: '10–50亿元', count: 4, amount: 86.5, href: 'signed/?size=10-50' },
  { bucket: '50亿元以上', count: 1, amount: 60 },
];

describe('bucketChart', () => {
  test('snapshot', async () => {
    await expect(bucketChart({ title: '签约项目规模分布', data })).toMatchFileSnapshot(
      './__snapshots__/charts/bucketChart.svg',
    );
  });

  test('buckets in the contract order, largest first, whatever the input order', () => {
    const svg = bucketChart({ title: 't', data });
    const labels = [...svg.matchAll(/<text [^>]*text-anchor="end"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual([...SIZE_BUCKET_LABELS]);
  });

  test('count and amount written for every bucket, panels headed with their unit', () => {
    const svg = bucketChart({ title: 't', data });
    for (const t of ['项目数（个）', '投资额（亿元）', '12个', '4.20亿元', '1个', '60.00亿元'])
      expect(svg).toContain(`>${t}</text>`);
    expect(svg).toContain('<a href="signed/?size=10-50"');
    expect(svg).toContain('共 30个项目、197.00亿元');
  });
});
