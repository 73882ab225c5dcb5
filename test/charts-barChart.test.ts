import { describe, expect, test } from 'vitest';
import { barChart } from '../src/charts/barChart.ts';

const data = [
  { label: '城关镇', value: 12, href: 'units/cgz/' },
  { label: '经济合作局', value: 35.2, href: 'units/jjhzj/' },
  { label: '高新技术产业开发区管理委员会', value: 58.75 },
  { label: '工业园区', value: -2 },
];

/** Bar labels (aria-label of each bar) in document order. */
const barLabels = (svg: string): string[] =>
  [...svg.matchAll(/<rect [^>]*aria-label="([^"]+)"/g)].map((m) => m[1] ?? '');

describe('barChart', () => {
  test('snapshot: horizontal, with links and a highlight', async () => {
    const svg = barChart({ title: '各单位签约金额', unit: '亿元', data, highlight: (d) => d.label === '城关镇' });
    await expect(svg).toMatchFileSnapshot('./__snapshots__/charts/barChart.svg');
  });

  test('snapshot: vertical', async () => {
    const svg = barChart({ title: '各单位签约金额', unit: '亿元', data, horizontal: false, width: 480 });
    await expect(svg).toMatchFileSnapshot('./__snapshots__/charts/barChart-vertical.svg');
  });

  test('bars are sorted largest first and carry their value as text, same decimals for all', () => {
    const svg = barChart({ title: '各单位签约金额', unit: '亿元', data });
    expect(barLabels(svg)).toEqual([
      '高新技术产业开发区管理委员会 58.75亿元',
      '经济合作局 35.20亿元',
      '城关镇 12.00亿元',
      '工业园区 -2.00亿元',
    ]);
    for (const v of ['58.75亿元', '35.20亿元', '12.00亿元', '-2.00亿元']) expect(svg).toContain(`>${v}</text>`);
    // category labels are drawn as text, not only in tooltips
    expect(svg).toContain('>高新技术产业开发区管理委员会</text>');
  });

  test('integers stay integers; a custom format is used', () => {
    const counts = barChart({
      title: '签约项目数',
      unit: '个',
      data: [
        { label: 'A', value: 3 },
        { label: 'B', value: 10 },
      ],
    });
    expect(counts).toContain('>10个</text>');
    const custom = barChart({
      title: 't',
      unit: '%',
      data: [{ label: 'A', value: 0.5 }],
      format: (v) => (v * 100).toFixed(1),
    });
    expect(custom).toContain('>50.0%</text>');
  });

  test('each bar with href is wrapped in a link; unsafe hrefs are dropped', () => {
    const svg = barChart({
      title: 't',
      unit: '个',
      data: [...data, { label: 'X', value: 1, href: 'javascript:alert(1)' }],
    });
    expect(svg).toMatch(/<a href="units\/jjhzj\/"[^>]*><rect [^>]*aria-label="经济合作局 /);
    expect(svg).toMatch(/<a href="units\/cgz\/"/);
    expect(svg).not.toContain('javascript:');
    expect((svg.match(/<a /g) ?? []).length).toBe(2);
    expect(svg).toMatch(/^<svg [^>]* role="group"/);
    expect(barChart({ title: 't', unit: '个', data: [{ label: 'A', value: 1 }] })).toMatch(/^<svg [^>]* role="img"/);
  });

  test('highlight: blue bar and bold label, the others grey', () => {
    const svg = barChart({ title: 't', unit: '亿元', data, highlight: (d) => d.label === '城关镇' });
    expect(svg).toMatch(/<rect fill="#0072B2" aria-label="城关镇 /);
    expect(svg).toMatch(/<rect fill="#8C8C8C" aria-label="经济合作局 /);
    expect(svg).toMatch(/font-weight="bold"[^>]*>(<[^>]+>)*<text[^>]*>城关镇<\/text>/);
  });

  test('long labels wrap to two lines at most', () => {
    const svg = barChart({
      title: 't',
      unit: '个',
      width: 400,
      data: [{ label: '某某经济技术开发区投资促进服务中心驻长三角招商联络处', value: 1 }],
    });
    const text = /<text [^>]*>(<tspan[^]*?)<\/text>/.exec(svg)?.[1] ?? '';
    expect((text.match(/<tspan/g) ?? []).length).toBe(2);
    expect(text).toContain('…');
  });

  test('no data: a short text instead of empty axes', () => {
    expect(barChart({ title: '各单位签约金额', unit: '亿元', data: [] })).toContain('暂无数据');
  });
});
