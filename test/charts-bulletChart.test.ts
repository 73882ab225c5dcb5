import { describe, expect, test } from 'vitest';
import { bulletChart, bulletStatus } from '../src/charts/bulletChart.ts';

const tp = 8 / 12;
const data = [
  { label: '经济合作局', actual: 72.3, target: 100, timeProgress: tp, href: 'units/jjhzj/' },
  { label: '城关镇', actual: 3, target: 10, timeProgress: tp },
  { label: '驻深圳招商联络处', actual: 16, target: 10, timeProgress: tp },
  { label: '商务局', actual: 2, target: 0, timeProgress: tp },
];
/** Visible text with tags removed, row by row. */
const plain = (svg: string): string =>
  svg.replace(/<title>[^<]*<\/title>|<desc>[^<]*<\/desc>/g, '').replace(/<[^>]+>/g, '|');

describe('bulletStatus', () => {
  test.each([
    [72.3, 100, 8 / 12, '完成 72.3%（高于序时进度 5.6 个百分点）'],
    [3, 10, 8 / 12, '完成 30.0%（低于序时进度 36.7 个百分点）'],
    [5, 6, 10 / 12, '完成 83.3%（达到序时进度）'],
    [0.1 + 0.2, 0.6, 0.5, '完成 50.0%（达到序时进度）'],
    [4.999, 10, 0.5, '完成 50.0%（低于序时进度 不足 0.1 个百分点）'],
  ])('%s / %s at %s → %s', (actual, target, progress, text) =>
    expect(bulletStatus(actual, target, progress)?.text).toBe(text),
  );

  test('no rate without a positive target', () => {
    expect(bulletStatus(3, 0, 0.5)).toBeNull();
    expect(bulletStatus(3, -1, 0.5)).toBeNull();
  });
});

describe('bulletChart', () => {
  test('snapshot', async () => {
    await expect(bulletChart({ title: '签约金额目标完成情况', unit: '亿元', data })).toMatchFileSnapshot(
      './__snapshots__/charts/bulletChart.svg',
    );
  });

  test('snapshot: narrow layout puts the status under the bar', async () => {
    await expect(
      bulletChart({ title: '签约金额目标完成情况', unit: '亿元', data: data.slice(0, 2), width: 360 }),
    ).toMatchFileSnapshot('./__snapshots__/charts/bulletChart-narrow.svg');
  });

  test('says 高于 / 低于序时进度 in words (contract §7, never "欠进度 -N"), with the gap in percentage points', () => {
    const text = plain(bulletChart({ title: 't', unit: '亿元', data }));
    expect(text).toContain('完成 72.3%（|高于序时进度| 5.6 个百分点）');
    expect(text).toContain('完成 30.0%（|低于序时进度| 36.7 个百分点）');
    expect(text).toContain('完成 160.0%（|高于序时进度| 93.3 个百分点）');
    expect(text).toContain('无目标，不计完成率');
    expect(text).toContain('实际 72.30 / 目标 100.00 亿元');
  });

  test('colours: ahead blue, behind vermillion, 序时进度 tick black', () => {
    const svg = bulletChart({ title: 't', data: data.slice(0, 2) });
    expect(svg).toContain('fill="#0072B2"');
    expect(svg).toContain('fill="#D55E00"');
    expect(svg).toMatch(/<rect [^>]*width="3" [^>]*fill="#000000"\/>/);
  });

  test('the description names the rows behind schedule', () => {
    const svg = bulletChart({ title: '签约金额目标完成情况', data });
    expect(svg).toContain('aria-label="签约金额目标完成情况：共 4 项，按完成率与序时进度比较，1 项欠进度（城关镇）。"');
  });

  test('rows with href are links', () => {
    const svg = bulletChart({ title: 't', data });
    expect(svg).toMatch(/<a href="units\/jjhzj\/" aria-label="经济合作局：/);
    expect((svg.match(/<a /g) ?? []).length).toBe(1);
  });

  test('the 序时进度 tick sits at timeProgress and the bar at the completion rate', () => {
    const svg = bulletChart({ title: 't', data: [{ label: 'A', actual: 5, target: 10, timeProgress: 0.25 }] });
    const track = /<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="14" fill="#EDEDED"\/>/.exec(svg);
    const bar = /<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="14" fill="#0072B2"\/>/.exec(svg);
    const tick = /<rect x="([\d.]+)" y="[\d.]+" width="3" height="24" fill="#000000"\/>/.exec(svg);
    const [x0, full] = [Number(track?.[1]), Number(track?.[2])];
    expect(Number(bar?.[1]) / full).toBeCloseTo(0.5, 2);
    expect((Number(tick?.[1]) + 1.5 - x0) / full).toBeCloseTo(0.25, 2);
  });
});
