import { describe, expect, test } from 'vitest';
import { SIZE_BUCKETS, bucketOf } from '../src/schemas/buckets.ts';
import { fmtInt, fmtPp, fmtRate, fmtScore, fmtYi, roundTo } from '../src/metrics/format.ts';
import {
  daysBetween,
  inMonth,
  inYearToDate,
  isQuarterEnd,
  monthOf,
  parsePeriod,
  periodEnd,
  previousPeriod,
  quarterEnd,
  quarterOf,
  timeProgress,
  yearOf,
} from '../src/metrics/period.ts';
import { completion, progressStatus } from '../src/metrics/progress.ts';

describe('period', () => {
  test('parsePeriod, yearOf, monthOf', () => {
    expect(parsePeriod('2025-10')).toEqual({ year: 2025, month: 10 });
    expect(yearOf('2024-01')).toBe(2024);
    expect(monthOf('2024-01')).toBe(1);
    for (const bad of ['2025-13', '2025-00', '2025-1', '202510', '2025-10-01'])
      expect(() => parsePeriod(bad)).toThrow(/YYYY-MM/);
  });

  test.each([
    ['2024-02', '2024-02-29'],
    ['2025-02', '2025-02-28'],
    ['2025-04', '2025-04-30'],
    ['2025-12', '2025-12-31'],
  ])('periodEnd(%s) = %s', (p, end) => expect(periodEnd(p)).toBe(end));

  test.each([
    ['2025-10-01', '2025-10', true],
    ['2025-10-31', '2025-10', true],
    ['2025-09-30', '2025-10', false],
    ['2024-10-15', '2025-10', false],
  ])('inMonth(%s, %s) = %s', (d, p, want) => expect(inMonth(d, p)).toBe(want));

  test.each([
    // a December record is not in next January's year to date
    ['2024-12-31', '2025-01', false],
    ['2025-01-01', '2025-01', true],
    ['2025-01-31', '2025-01', true],
    ['2025-02-01', '2025-01', false],
    ['2025-06-15', '2025-10', true],
    ['2025-11-01', '2025-10', false],
    ['2025-12-31', '2025-12', true],
    ['2024-06-01', '2025-12', false],
  ])('inYearToDate(%s, %s) = %s', (d, p, want) => expect(inYearToDate(d, p)).toBe(want));

  test('time progress, quarters, previous period', () => {
    expect(timeProgress('2025-10')).toBeCloseTo(0.833333, 6);
    expect(timeProgress('2025-12')).toBe(1);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => quarterOf(`2025-${String(m).padStart(2, '0')}`))).toEqual(
      [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4],
    );
    expect(['2025-03', '2025-06', '2025-09', '2025-12'].every(isQuarterEnd)).toBe(true);
    expect(['2025-01', '2025-05', '2025-11'].some(isQuarterEnd)).toBe(false);
    expect(quarterEnd('2025-08')).toBe('2025-09');
    expect(previousPeriod('2025-01')).toBe('2024-12');
    expect(previousPeriod('2025-10')).toBe('2025-09');
  });

  test.each([
    ['2025-01-01', '2025-03-01', 59],
    ['2024-01-01', '2024-03-01', 60], // leap year
    ['2025-03-30', '2025-03-31', 1], // no DST or time-zone effect
    ['2025-05-04', '2025-10-31', 180],
    ['2024-11-30', '2025-10-31', 335],
    ['2025-10-31', '2025-10-01', -30],
  ])('daysBetween(%s, %s) = %i', (a, b, n) => expect(daysBetween(a, b)).toBe(n));
});

describe('size buckets', () => {
  test.each([
    [0, '亿元以下'],
    [0.99, '亿元以下'],
    [1, '1–5亿元'],
    [4.99, '1–5亿元'],
    [5, '5–10亿元'],
    [9.999, '5–10亿元'],
    [10, '10–50亿元'],
    [49.99, '10–50亿元'],
    [50, '50亿元以上'],
    [200, '50亿元以上'],
  ])('bucketOf(%d) = %s', (yi, label) => expect(bucketOf(yi)).toBe(label));

  test('labels in display order', () => {
    expect(SIZE_BUCKETS.map((b) => b.label)).toEqual(['50亿元以上', '10–50亿元', '5–10亿元', '1–5亿元', '亿元以下']);
  });
});

describe('format', () => {
  test.each([
    [123.456, '123.46'],
    [5, '5.00'],
    [1.005, '1.01'], // stored as 1.00499…, shown as a reader expects
    [2.675, '2.68'],
    [-0.001, '0.00'], // never -0.00
    [0.1 + 0.2, '0.30'],
  ])('fmtYi(%d) = %s', (x, s) => expect(fmtYi(x)).toBe(s));

  test('fmtRate, fmtPp, fmtInt, fmtScore, roundTo', () => {
    expect(fmtRate(0.8333)).toBe('83.3%');
    expect(fmtRate(1.0005)).toBe('100.1%');
    expect(fmtRate(0)).toBe('0.0%');
    expect(fmtRate(null)).toBe('—');
    expect(fmtPp(-12.345)).toBe('-12.3');
    expect(fmtPp(4)).toBe('+4.0');
    expect(fmtPp(0.01)).toBe('0.0');
    expect(fmtPp(-0.01)).toBe('0.0');
    expect(fmtPp(null)).toBe('—');
    expect(fmtInt(12345)).toBe('12,345');
    expect(fmtInt(-1234567)).toBe('-1,234,567');
    expect(fmtInt(999)).toBe('999');
    expect(fmtScore(86.254)).toBe('86.25');
    expect(roundTo(-2.345, 2)).toBe(-2.35);
    expect(roundTo(85.004, 2)).toBe(85);
  });
});

describe('progress', () => {
  test('completion', () => {
    expect(completion(8, 10)).toBe(0.8);
    expect(completion(0, 10)).toBe(0);
    expect(completion(3, 0)).toBeNull();
  });

  test.each([
    // rate, period, status, gap in percentage points
    [0.7, '2025-10', '欠进度', -13.3333],
    [0.5, '2025-06', '超进度', 0],
    [5 / 6, '2025-10', '超进度', 0], // exactly on pace
    [0.7 + 0.1 + 0.1 + 0.1, '2025-12', '超进度', 0], // 0.9999999999999999: float noise is on pace
    [1.2, '2025-12', '超进度', 20],
    [0, '2025-01', '欠进度', -8.3333],
  ] as const)('progressStatus(%d, %s) = %s %d', (rate, p, status, gap) => {
    const r = progressStatus(rate, p);
    expect(r?.status).toBe(status);
    expect(r?.gapPp).toBeCloseTo(gap, 3);
  });

  test('no rate, no status', () => expect(progressStatus(null, '2025-10')).toBeNull());
});
