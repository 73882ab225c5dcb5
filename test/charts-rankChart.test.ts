import { describe, expect, test } from 'vitest';
import { rankChart } from '../src/charts/rankChart.ts';

const data = [
  { period: '2025-10', rank: 2 },
  { period: '2024-12', rank: 9 },
  { period: '2025-01', rank: null },
  { period: '2025-02', rank: 6 },
  { period: '2025-08', rank: 1 },
  { period: '2025-09', rank: 4 },
];

describe('rankChart', () => {
  test('snapshot', async () => {
    await expect(rankChart({ title: '经济合作局 综合排名走势', total: 12, data })).toMatchFileSnapshot(
      './__snapshots__/charts/rankChart.svg',
    );
  });

  test('rank 1 at the top: smaller rank, smaller y', () => {
    const svg = rankChart({ title: 't', total: 12, data });
    const dots = [...svg.matchAll(/<circle [^>]*cy="([\d.]+)"[^>]*><title>([^<]+)<\/title>/g)].map((m) => ({
      y: Number(m[1]),
      t: m[2] ?? '',
    }));
    const y = (t: string): number => dots.find((d) => d.t.includes(t))?.y ?? Number.NaN;
    expect(y('第1名')).toBeLessThan(y('第2名'));
    expect(y('第2名')).toBeLessThan(y('第9名'));
    expect(dots).toHaveLength(5);
  });

  test('periods sorted, labelled in Chinese, latest rank in words', () => {
    const svg = rankChart({ title: '经济合作局 综合排名走势', total: 12, data });
    expect(svg).toContain('>2024年12月</text>');
    expect(svg).toContain('>2025年1月</text>');
    expect(svg).toContain('>第2名</text>');
    expect(svg).toContain('最新为第2名（共 12 个单位），较上次上升 2 位。');
    for (const r of ['9', '6', '1', '4']) expect(svg).toContain(`>${r}</text>`);
  });

  test('an unranked period leaves a gap in the line', () => {
    const svg = rankChart({ title: 't', data });
    const line = /<path [^>]*d="(M[^"]+)"/.exec(svg.slice(svg.indexOf('aria-label="line"')))?.[1] ?? '';
    expect((line.match(/M/g) ?? []).length).toBe(2);
  });

  test('nothing ranked', () => {
    expect(rankChart({ title: 't', data: [{ period: '2025-10', rank: null }] })).toContain('暂无排名数据');
  });
});
