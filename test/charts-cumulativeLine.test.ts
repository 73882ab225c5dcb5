import { describe, expect, test } from 'vitest';
import { cumulativeLine } from '../src/charts/cumulativeLine.ts';

const actual = [3.2, 8.5, 15, 19.6, 26, 33.4, 38, 45.25].map((value, i) => ({ month: i + 1, value }));

describe('cumulativeLine', () => {
  test('snapshot', async () => {
    await expect(
      cumulativeLine({ title: '全区签约金额累计进度', unit: '亿元', target: 100, actual }),
    ).toMatchFileSnapshot('./__snapshots__/charts/cumulativeLine.svg');
  });

  test('swatch legend in SVG, summary of the latest month in words', () => {
    const svg = cumulativeLine({ title: 't', unit: '亿元', target: 100, actual });
    expect(svg).toContain('<g class="zs-legend"');
    for (const label of ['累计完成', '序时进度（目标 × 月份 / 12）', '年度目标'])
      expect(svg).toContain(`>${label}</text>`);
    expect(svg).toContain('>8月累计 45.25亿元，完成 45.3%（低于序时进度 21.4 个百分点）</text>');
    expect(svg).toContain('>年度目标 100.00亿元</text>');
    expect(svg).not.toMatch(/<(div|span|figure|canvas)/);
  });

  test('one dot per month given, x ticks for all 12 months', () => {
    const svg = cumulativeLine({ title: 't', unit: '亿元', target: 100, actual });
    expect((svg.match(/<circle /g) ?? []).length).toBe(8);
    for (let m = 1; m <= 12; m++) expect(svg).toContain(`>${m}月</text>`);
    expect(svg).toContain('<title>8月累计 45.25亿元，序时进度 66.67亿元</title>');
  });

  test('the time-progress line runs from target/12 to the target, the target line is black', () => {
    const svg = cumulativeLine({ title: 't', unit: '个', target: 24, actual: [{ month: 1, value: 1 }] });
    expect(svg).toMatch(
      /stroke-dasharray="5 4"[^>]*stroke="#8C8C8C"[^>]*aria-label="line"><path d="M27,216.27L[^"]*L616,65.2"/,
    );
    expect(svg).toMatch(/<g [^>]*stroke="#000000"[^>]*aria-label="rule"/);
    expect(svg).toContain('完成 4.2%（低于序时进度 4.2 个百分点）');
  });

  test('without a target: no target nor progress line, no status', () => {
    const svg = cumulativeLine({ title: 't', unit: '个', target: 0, actual: [{ month: 1, value: 1 }] });
    expect(svg).not.toContain('年度目标');
    expect(svg).not.toContain('进度');
  });

  test('no data at all', () => {
    expect(cumulativeLine({ title: 't', unit: '个', target: 0, actual: [] })).toContain('暂无累计数据');
  });
});
