import { geoArea } from 'd3';
import { describe, expect, test } from 'vitest';
import { assetMap } from '../src/charts/assetMap.ts';
import { assetSchematic } from '../src/charts/assetSchematic.ts';
import { chainMiniMap } from '../src/charts/chainMiniMap.ts';
import { overlaps, placeLabels, spreadPoints } from '../src/charts/labelPlacement.ts';
import { windPolygons } from '../src/normalize/zoneGeo.ts';
import { AREAS, ASSETS, RINGS } from './fixtures/zone-map/mapInputs.ts';

const input = { title: '示例开发区存量资产分布图', areas: AREAS, assets: ASSETS };

/** Numbers of a path's `d`, as [x, y] pairs. */
const pathPoints = (d: string) => {
  const n = (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  return n.flatMap((v, i) => (i % 2 === 0 ? [[v, n[i + 1] ?? 0] as const] : []));
};
/** Centre of each asset mark, in document order (a rect's centre, a path's box centre). */
function marks(svg: string): { x: number; y: number }[] {
  return svg
    .split('<g class="zs-asset">')
    .slice(1)
    .map((g) => {
      const shape = g;
      const r = /^<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(shape);
      if (r) return { x: Number(r[1]) + Number(r[3]) / 2, y: Number(r[2]) + Number(r[4]) / 2 };
      const c = /^<circle cx="([\d.]+)" cy="([\d.]+)"/.exec(shape);
      if (c) return { x: Number(c[1]), y: Number(c[2]) };
      const pts = pathPoints(/^<path d="([^"]+)"/.exec(shape)?.[1] ?? '');
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      return { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
    });
}

describe('assetMap', () => {
  test('snapshots: screen and phone widths', async () => {
    await expect(assetMap(input)).toMatchFileSnapshot('./__snapshots__/charts/assetMap.svg');
    await expect(assetMap({ ...input, width: 380 })).toMatchFileSnapshot('./__snapshots__/charts/assetMap-narrow.svg');
  });

  test('rings are wound for d3-geo whichever way the file winds them', () => {
    for (const ring of [RINGS.boundary, [...RINGS.boundary].reverse()]) {
      const wound = windPolygons({ type: 'Polygon', coordinates: [ring] });
      expect(geoArea({ type: 'MultiPolygon', coordinates: wound })).toBeLessThan(1e-4); // a few km², not the globe
    }
    const cw = AREAS.map((a) => ({
      ...a,
      polygons: windPolygons({
        type: 'Polygon',
        coordinates: [[...(a.polygons[0]?.[0] ?? [])].reverse() as [number, number][]],
      }),
    }));
    expect(assetMap({ ...input, areas: cw })).toBe(assetMap(input));
  });

  test('the boundary fills the drawing; east is right, north is up; every mark inside the boundary', () => {
    const svg = assetMap(input);
    const boundary = pathPoints(/<path d="([^"]+)" fill="#F5F2EA"/.exec(svg)?.[1] ?? '');
    const xs = boundary.map((p) => p[0]);
    const ys = boundary.map((p) => p[1]);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    // 10 × 6 km: fitted to 960 − 2 × 32 = 896 px wide, so ≈ 538 px tall (Mercator stretches little at 30°)
    expect(maxX - minX).toBeCloseTo(896, 0);
    expect((maxY - minY) / (maxX - minX)).toBeGreaterThan(0.55);
    expect((maxY - minY) / (maxX - minX)).toBeLessThan(0.75);
    const m = marks(svg);
    expect(m).toHaveLength(4);
    for (const p of m) {
      expect(p.x).toBeGreaterThan(minX);
      expect(p.x).toBeLessThan(maxX);
      expect(p.y).toBeGreaterThan(minY);
      expect(p.y).toBeLessThan(maxY);
    }
    // asset 1 is at x = 7.5 km, asset 3 at 2.5 km; asset 4 is the northernmost (5.5 km)
    expect(m[0]!.x).toBeGreaterThan(m[2]!.x + 300);
    expect(m[3]!.y).toBeLessThan(Math.min(m[0]!.y, m[1]!.y, m[2]!.y));
  });

  test('two assets 140 m apart get marks that do not sit on each other', () => {
    const [a, b] = marks(assetMap(input));
    expect(Math.hypot(a!.x - b!.x, a!.y - b!.y)).toBeGreaterThanOrEqual(15.5);
  });

  test('marks by 类型 and 状态, labelled with number, name and area, linked to their details', () => {
    const svg = assetMap(input);
    expect(svg).toMatch(
      /<a href="#asset-1"><title>1\. 东区北侧工业用地（土地，可立即使用，120亩，具备供地条件）<\/title><g class="zs-asset"><rect [^>]*fill="#009E73"/,
    );
    expect(svg).toMatch(
      /<a href="#asset-2"><title>2\. 东区标准厂房3栋（厂房，部分可用[^<]*<\/title><g class="zs-asset"><path [^>]*fill="#E69F00"/,
    );
    expect(svg).toMatch(
      /<a href="#asset-3"><title>[^<]*<\/title><g class="zs-asset"><rect [^>]*fill="#FFFFFF" stroke="#3A3A3A" stroke-width="1.5" stroke-dasharray="2 1.5"/,
    );
    expect(svg).toMatch(/<a href="#asset-4"><title>[^<]*<\/title><g class="zs-asset"><circle [^>]*fill="#BDBDBD"/);
    expect(svg).toContain('>1 东区北侧工业用地</tspan>');
    expect(svg).toContain('>120亩 · 土地</tspan>');
    expect(svg).toContain('<a href="parks.html#park-1"><text');
    expect(svg).toContain('>东区产业园</text>');
    expect(svg).toContain('>西区</text>');
    expect(svg).toMatch(/>\d+(\.\d+)? 公里<\/text>/);
  });
});

describe('label placement', () => {
  const bounds = { x: 0, y: 0, w: 300, h: 200 };
  test('a label goes right of its point, the next one at the same point elsewhere, none overlapping', () => {
    const q = { x: 100, y: 100, r: 7, w: 80, h: 30 };
    const [a, b, c] = placeLabels([q, q, q], [], bounds);
    expect(a).toMatchObject({ x: 110, y: 85, anchor: 'start' });
    expect(b).toMatchObject({ x: 10, y: 85, anchor: 'end' });
    expect(c?.anchor).toBe('middle');
    expect(overlaps(a!, b!) || overlaps(b!, c!) || overlaps(a!, c!)).toBe(false);
  });

  test('a label with no free spot is left out', () => {
    expect(placeLabels([{ x: 10, y: 10, r: 7, w: 400, h: 30 }], [], bounds)).toEqual([null]);
    expect(placeLabels([{ x: 100, y: 100, r: 7, w: 40, h: 10 }], [{ x: 0, y: 0, w: 300, h: 200 }], bounds)).toEqual([
      null,
    ]);
  });

  test('coinciding points are spread at least `spacing` apart; distinct ones stay put', () => {
    const out = spreadPoints(
      [
        { x: 50, y: 50 },
        { x: 50, y: 50 },
        { x: 51, y: 50 },
        { x: 200, y: 20 },
      ],
      16,
    );
    for (let i = 0; i < 3; i++)
      for (let j = i + 1; j < 3; j++)
        expect(Math.hypot(out[i]!.x - out[j]!.x, out[i]!.y - out[j]!.y)).toBeGreaterThanOrEqual(16);
    expect(out[0]).toEqual({ x: 50, y: 50 });
    expect(out[3]).toEqual({ x: 200, y: 20 });
  });
});

describe('assetSchematic', () => {
  const groups = [
    {
      name: '东区产业园',
      href: 'parks.html#park-1',
      assets: [
        { ...ASSETS[0]!, size: 80000 }, // 120 亩
        { ...ASSETS[1]!, size: 12000 },
      ],
    },
    { name: '其他位置', assets: [{ ...ASSETS[2]!, size: null }] },
  ];

  test('snapshot', async () => {
    await expect(assetSchematic({ title: '存量资产示意图', groups })).toMatchFileSnapshot(
      './__snapshots__/charts/assetSchematic.svg',
    );
  });

  test('one block per park, blocks sized by the square root of the area, the unknown one at the median', () => {
    const svg = assetSchematic({ title: '存量资产示意图', groups });
    expect(svg).toContain('<a href="parks.html#park-1"><text');
    expect(svg).toContain('>东区产业园（2）</text>');
    expect(svg).toContain('>其他位置（1）</text>');
    const area = (no: number) => {
      const g = svg.split(`<title>${no}. `)[1] ?? '';
      const m = /<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="([\d.]+)"/.exec(g);
      return Number(m?.[1]) * Number(m?.[2]);
    };
    // √80000 : √12000 ≈ 2.58; rounding to whole pixels and padding move it a little
    expect(area(1) / area(2)).toBeGreaterThan(2.0);
    expect(area(1) / area(2)).toBeLessThan(3.2);
    // sizes known: √80000, √12000 → median = the larger (index 1 of 2): asset 3 is drawn like asset 1
    expect(area(3) / area(1)).toBeGreaterThan(0.75);
    expect(area(3) / area(1)).toBeLessThan(1.33);
    expect(svg).toContain('>1 东区北侧工业用地</tspan>');
  });
});

describe('chainMiniMap', () => {
  test('snapshot, and blocks lettered by 强弱 with this year’s signed projects, linked', async () => {
    const svg = chainMiniMap({
      chain: '新能源',
      year: '2025',
      segments: [
        { segment: '锂矿资源', position: '上游', strength: '缺', signed: 0, href: 'chains/c-1.html#seg-1' },
        { segment: '正极材料', position: '上游', strength: '强', signed: 3, href: 'chains/c-1.html#seg-2' },
        { segment: '电芯制造', position: '中游', strength: '弱', signed: 1 },
      ],
    });
    await expect(svg).toMatchFileSnapshot('./__snapshots__/charts/chainMiniMap.svg');
    expect(svg).toContain('<a href="chains/c-1.html#seg-2"><title>正极材料（上游，强）：签约项目 3 个</title>');
    expect(svg).toContain('>签约 3</text>');
    expect(svg).not.toContain('>签约 0</text>');
    expect(svg).toMatch(/font-weight="bold" fill="#555555">缺<\/text>/);
    expect(svg).toContain('>暂无</text>'); // 下游 has no segment
    expect(svg).toContain(
      'aria-label="新能源产业链 3 个环节：强 1 个、弱 1 个、缺 1 个、风险 0 个；2025年签约项目 4 个。"',
    );
  });
});
