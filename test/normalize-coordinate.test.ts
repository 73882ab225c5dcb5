import { describe, expect, test } from 'vitest';
import { parseCoordinatePair, parseDegree } from '../src/normalize/coordinate.ts';

describe('parseDegree', () => {
  test.each([
    ['114.0523', 'lng', 114.0523],
    [114.0523, 'lng', 114.0523],
    ['114.0523°', 'lng', 114.0523],
    ['E114.0523', 'lng', 114.0523],
    ['东经114.0523', 'lng', 114.0523],
    ['北纬22.5431', 'lat', 22.5431],
    ['22.5431N', 'lat', 22.5431],
    ['-73.5', 'lng', -73.5],
    ['73.5W', 'lng', -73.5],
    // 114 + 3/60 + 25.2/3600 = 114.057
    ['114°03′25.2″', 'lng', 114.057],
    ['114°3\'25.2"', 'lng', 114.057],
    // 22 + 30/60 = 22.5
    ['22度30分', 'lat', 22.5],
    ['１１４．０５', 'lng', 114.05],
  ] as const)('%s (%s) → %s', (v, axis, want) => {
    const r = parseDegree(v, axis);
    expect(r.ok && r.value).toBeCloseTo(want, 9);
  });

  test('empty is no value; nonsense, minutes ≥ 60, out of range and the wrong axis say what to write', () => {
    expect(parseDegree('', 'lng')).toEqual({ ok: false, empty: true });
    expect(parseDegree(undefined, 'lat')).toEqual({ ok: false, empty: true });
    expect(parseDegree('abc', 'lng')).toEqual({
      ok: false,
      empty: false,
      message: '无法识别经度“abc”：请填写十进制度数，如 114.0523',
    });
    expect(parseDegree('114°75′', 'lng').ok).toBe(false);
    expect(parseDegree('190', 'lng')).toMatchObject({ ok: false, message: expect.stringContaining('不要填投影坐标') });
    expect(parseDegree('95', 'lat')).toMatchObject({ ok: false, message: expect.stringContaining('-90 到 90') });
    expect(parseDegree('北纬22.5', 'lng')).toMatchObject({
      ok: false,
      message: expect.stringContaining('请对调经度和纬度'),
    });
  });
});

describe('parseCoordinatePair', () => {
  test.each([
    ['114.0523,22.5431'],
    ['114.0523，22.5431'],
    ['114.0523 22.5431'],
    ['114.0523; 22.5431'],
    ['22.5431N 114.0523E'],
    ['N22.5431，E114.0523'],
  ])('%s → 114.0523, 22.5431', (v) => {
    expect(parseCoordinatePair(v)).toEqual({ ok: true, value: { lng: 114.0523, lat: 22.5431 } });
  });

  test('lat first, one number, projected metres: each a message with the expected form', () => {
    expect(parseCoordinatePair('22.5431,114.0523')).toEqual({
      ok: false,
      empty: false,
      message: '坐标“22.5431,114.0523”看起来先写了纬度：请按“经度,纬度”填写，如 114.0523,22.5431',
    });
    expect(parseCoordinatePair('114.05')).toMatchObject({ ok: false, empty: false });
    expect(parseCoordinatePair('500000,3000000')).toMatchObject({
      ok: false,
      message: expect.stringContaining('不要填投影坐标'),
    });
    expect(parseCoordinatePair('  ')).toEqual({ ok: false, empty: true });
  });
});
