import { describe, expect, test } from 'vitest';
import { conversions, funnelChart } from '../src/charts/funnelChart.ts';

const data = [
  { stage: '线索', count: 120, href: 'leads/' },
  { stage: '在谈', count: 45 },
  { stage: '签约', count: 30, href: 'signed/' },
  { stage: '开工', count: 18 },
  { stage: '投产', count: 3 },
];

describe('funnelChart', () => {
  test('snapshot', async () => {
    await expect(funnelChart({ title: '招商项目推进漏斗', data })).toMatchFileSnapshot(
      './__snapshots__/charts/funnelChart.svg',
    );
  });

  test('conversions between consecutive stages', () => {
    expect(conversions(data)).toEqual([0.375, 30 / 45, 0.6, 1 / 6]);
    expect(
      conversions([
        { stage: 'a', count: 0 },
        { stage: 'b', count: 3 },
      ]),
    ).toEqual([null]);
  });

  test('counts and conversion rates written as text, stages in the given order', () => {
    const svg = funnelChart({ title: '招商项目推进漏斗', data });
    const stages = [...svg.matchAll(/font-weight="bold" fill="#1A1A1A">([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(stages).toEqual(['线索', '在谈', '签约', '开工', '投产']);
    for (const t of ['120个', '45个', '3个', '↓ 转化 37.5%', '↓ 转化 66.7%', '↓ 转化 16.7%'])
      expect(svg).toContain(`>${t}</text>`);
    expect(svg).toContain('相邻阶段转化率依次为 37.5%、66.7%、60.0%、16.7%。');
    expect(svg).toMatch(/<a href="signed\/" aria-label="签约：30个">/);
  });

  test('bar widths follow the counts', () => {
    const svg = funnelChart({ title: 't', data });
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)" height="28"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(5);
    expect((widths[1] ?? 0) / (widths[0] ?? 1)).toBeCloseTo(45 / 120, 2);
  });

  test('a zero stage gives no rate', () => {
    const svg = funnelChart({
      title: 't',
      data: [
        { stage: '在谈', count: 0 },
        { stage: '签约', count: 2 },
      ],
    });
    expect(svg).toContain('↓ 在谈为 0，无转化率');
  });
});
