import { describe, expect, test } from 'vitest';
import { type ChainMapCompany, type ChainSegment, chainMap } from '../src/charts/chainMap.ts';
import { fitNames, shortCompanyName } from '../src/charts/nameRun.ts';
import { textWidth } from '../src/charts/wrapText.ts';

const co = (category: ChainMapCompany['category'], ...names: string[]): ChainMapCompany[] =>
  names.map((name) => ({ name, category }));
const LOCALS = Array.from({ length: 12 }, (_, i) => `青川配套${'甲乙丙丁戊己庚辛壬癸子丑'[i]}电池有限公司`);
const segments: ChainSegment[] = [
  {
    segment: '正极材料',
    position: '上游',
    strength: '弱',
    order: 2,
    companies: [...co('本地', '青川甲材料有限公司', '青川乙材料有限公司'), ...co('目标', '宁波丙锂电有限公司')],
    signed: 1,
  },
  {
    segment: '锂矿及锂盐',
    position: '上游',
    strength: '缺',
    order: 1,
    companies: co('目标', '华锐锂业有限公司', '鼎晟锂业有限公司', '天衡锂业股份有限公司'),
    signed: 0,
  },
  {
    segment: '车规级芯片及功率半导体器件封装测试',
    position: '上游',
    strength: '缺',
    order: 3,
    companies: [],
    signed: 0,
  },
  {
    segment: '动力电池',
    position: '中游',
    strength: '强',
    companies: [
      ...co('链主', '星辰新能源科技有限公司', '普瑞动力电池集团有限公司'),
      ...co('本地', ...LOCALS),
      ...co('目标', '苏州弘毅储能有限公司', '合肥睿达能源有限公司', '杭州致远电力有限公司'),
    ],
    signed: 4,
    href: 'chains/xny/dldc/',
  },
  { segment: '隔膜与电解液', position: '中游', strength: '风险', companies: co('本地', '青川隔膜有限公司'), signed: 0 },
  {
    segment: '整车制造',
    position: '下游',
    companies: [...co('链主', '青川汽车集团有限公司'), ...co('本地', '青川车身有限公司')],
    signed: 1,
  },
];
const extensions = [{ segment: '固态电池', companies: co('目标', '上海东润固态电池有限公司'), href: '#seg-none' }];
const input = { chain: '新能源汽车', segments, extensions, year: '2025' } as const;

/** The outline rect of every node (fill none, rx 8). */
function boxes(svg: string): { x: number; y: number; w: number; h: number }[] {
  return [
    ...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" rx="8" fill="none"/g),
  ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) }));
}
/** The markup of the node whose name is `name` (from its <g> to the next node). */
function node(svg: string, name: string): string {
  const parts = svg.split('<g class="zs-segment').map((p) => p.slice(0, p.indexOf('</g>')));
  return parts.slice(1).find((p) => p.includes(`>${name}`)) ?? '';
}
const viewBox = (svg: string) => (/viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg) ?? []).slice(1).map(Number);

describe('fitNames and shortCompanyName', () => {
  test('legal-form suffixes are left out, nothing else', () => {
    expect(shortCompanyName('深圳华锐新能源科技股份有限公司')).toBe('深圳华锐新能源科技');
    expect(shortCompanyName('华锐集团有限公司')).toBe('华锐集团');
    expect(shortCompanyName('青川隔膜有限责任公司')).toBe('青川隔膜');
    expect(shortCompanyName('有限公司')).toBe('有限公司');
  });

  test('names joined with 、, never split, 等N家 when they do not fit (widths by hand: a CJK character = 12 px)', () => {
    // 甲公司、乙公司、 = 8 characters = 96 px fits a 100 px line; 丙公司 needs a second line
    expect(fitNames(['甲公司', '乙公司', '丙公司'], 100, 12, 2)).toEqual({
      lines: ['甲公司、乙公司、', '丙公司'],
      shown: 3,
    });
    // one line: 甲公司、乙公司等3家 = 96 + 7 (the digit) + 12 > 100, so only 甲公司等3家 (67 px)
    expect(fitNames(['甲公司', '乙公司', '丙公司'], 100, 12, 1)).toEqual({ lines: ['甲公司等3家'], shown: 1 });
    // a name longer than the line is cut, keeping what follows it
    expect(fitNames(['一二三四五六七八九十'], 60, 12, 1)).toEqual({ lines: ['一二三四…'], shown: 1 });
    expect(fitNames([], 100, 12, 2)).toEqual({ lines: [], shown: 0 });
  });
});

describe('chainMap', () => {
  test('snapshot: 现状', async () => {
    await expect(chainMap({ ...input, view: '现状' })).toMatchFileSnapshot(
      './__snapshots__/charts/chainMap-current.svg',
    );
  });

  test('snapshot: 远景', async () => {
    await expect(chainMap({ ...input, view: '远景' })).toMatchFileSnapshot(
      './__snapshots__/charts/chainMap-vision.svg',
    );
  });

  test('snapshot: 远景 on a phone (stacked)', async () => {
    await expect(chainMap({ ...input, view: '远景', layout: 'narrow' })).toMatchFileSnapshot(
      './__snapshots__/charts/chainMap-vision-narrow.svg',
    );
  });

  test('no fixed A4 aspect: the drawing ends just below the tallest column and the legend', () => {
    const svg = chainMap({ ...input, view: '现状' });
    const [w, h] = viewBox(svg);
    const bottom = Math.max(...boxes(svg).map((b) => b.y + b.h));
    expect(w).toBe(1120);
    expect(h).toBeGreaterThan(bottom + 60); // the legend and its note
    expect(h).toBeLessThan(bottom + 160); // and nothing more
    // one small node: the drawing shrinks with it
    const small = chainMap({ chain: 'x', view: '现状', segments: [segments[5]!] });
    const smallBottom = Math.max(...boxes(small).map((b) => b.y + b.h));
    expect(smallBottom).toBeLessThan(bottom - 150);
    expect(viewBox(small)[1]).toBeLessThan(smallBottom + 160);
  });

  test('each node names its enterprises: 链主 first and bold, then 本地, then 目标, without 有限公司', () => {
    const svg = chainMap({ ...input, view: '现状' });
    const n = node(svg, '动力电池');
    const at = (s: string) => n.indexOf(s);
    expect(at('星辰新能源科技、')).toBeGreaterThan(0);
    expect(at('星辰新能源科技、')).toBeLessThan(at('青川配套甲电池'));
    expect(at('青川配套甲电池')).toBeLessThan(at('苏州弘毅储能'));
    expect(n).toMatch(
      /font-size="12.5" font-weight="bold" fill="#1A1A1A"[^>]*><tspan[^>]*>星辰新能源科技、普瑞动力电池集团</,
    );
    expect(n).toMatch(/fill="#00664B"[^>]*><tspan[^>]*>苏州弘毅储能/);
    // the full names stay in the tooltip
    expect(svg).toContain(
      '链主企业：星辰新能源科技有限公司、普瑞动力电池集团有限公司；本地企业：青川配套甲电池有限公司',
    );
    expect(node(svg, '车规级芯片及功率')).toContain('>本地暂无企业<');
  });

  test('12 本地 firms do not fit in three lines: the run ends with 等12家 and every line fits the node', () => {
    const svg = chainMap({ ...input, view: '现状' });
    const n = node(svg, '动力电池');
    const local = /fill="#1A1A1A" text-anchor="start">((?:<tspan[^>]*>[^<]*<\/tspan>)+)<\/text>/g;
    const runs = [...n.matchAll(local)].map((m) => [...(m[1] ?? '').matchAll(/>([^<]+)</g)].map((t) => t[1] ?? ''));
    const locals = runs.find((r) => r.join('').includes('青川配套')) ?? [];
    expect(locals.length).toBe(3);
    expect(locals.join('')).toMatch(/等12家$/);
    const shown = (locals.join('').match(/青川配套/g) ?? []).length;
    expect(shown).toBeGreaterThan(3);
    expect(shown).toBeLessThan(12);
    // node 328 wide, padding 10 each side, tag 2 × 11 + 10 = 32, gap 6 → 270 px of names
    for (const line of locals) expect(textWidth(line, 12.5)).toBeLessThanOrEqual(270);
  });

  test('nothing overlaps: nodes of a column are apart, every text line lies inside its node', () => {
    for (const layout of ['wide', 'narrow'] as const) {
      const svg = chainMap({ ...input, view: '远景', layout });
      const b = boxes(svg);
      expect(b).toHaveLength(7); // 6 segments + 1 延链
      for (const p of b)
        for (const q of b)
          if (p !== q && p.x === q.x)
            expect(p.y + p.h <= q.y || q.y + q.h <= p.y, `${layout} ${p.y}/${q.y}`).toBe(true);
      for (const g of svg
        .split('<g class="zs-segment')
        .slice(1)
        .map((p) => p.slice(0, p.indexOf('</g>')))) {
        const box = boxes(`<rect${g.split('<rect').slice(1).join('<rect')}`)[0]!;
        // each <text>: its first baseline y, its last line y + the tspans' dy
        for (const t of g.split('<text ').slice(1)) {
          const el = t.slice(0, t.indexOf('</text>'));
          const y = Number(/^x="[\d.]+" y="([\d.]+)"/.exec(el)?.[1]);
          const last = y + [...el.matchAll(/ dy="([\d.]+)"/g)].reduce((sum, m) => sum + Number(m[1]), 0);
          expect(y - 8, el).toBeGreaterThan(box.y);
          expect(last + 8, el).toBeLessThan(box.y + box.h);
        }
      }
    }
  });

  test('strength as a word and as a colour; every node links to its segment', () => {
    const svg = chainMap({ ...input, view: '现状' });
    for (const [name, word, stroke] of [
      ['动力电池', '强', '#0072B2'],
      ['正极材料', '弱', '#B07800'],
      ['锂矿及锂盐', '缺', '#555555'],
      ['隔膜与电解液', '风险', '#A33F00'],
    ] as const) {
      const n = node(svg, name);
      expect(n).toContain(
        `font-weight="bold" fill="${word === '弱' || word === '缺' ? '#1A1A1A' : '#FFFFFF'}">${word}</text>`,
      );
      expect(n).toContain(`fill="none" stroke="${stroke}"`);
    }
    expect(svg).toMatch(/<a href="chains\/xny\/dldc\/"><title>动力电池（中游，强）：链主企业/);
    expect(svg).toContain('>2025年签约 4 个项目<');
  });

  test('远景 marks what each target fills: 补链 in a 缺 segment, 强链 elsewhere, 延链 for new segments', () => {
    const now = chainMap({ ...input, view: '现状' });
    const future = chainMap({ ...input, view: '远景' });
    expect(now).not.toMatch(/>补链|>强链|>延链|固态电池/);
    expect(now).toMatch(/>目标<\/text>/);
    const lithium = node(future, '锂矿及锂盐');
    expect(lithium).toContain('>补链 3 家</text>');
    expect(lithium).toContain('>原缺</text>');
    expect(lithium).toMatch(/>补链<\/text><text [^>]*fill="#00664B"[^>]*><tspan[^>]*>华锐锂业、鼎晟锂业、天衡锂业</);
    expect(node(future, '动力电池')).toContain('>强链 3 家</text>');
    expect(node(future, '正极材料')).toContain('>强链 1 家</text>');
    expect(node(future, '车规级芯片及功率')).toContain('>仍缺</text>');
    expect(future).toContain('>延链：图谱外新增环节（1 个）</text>');
    expect(node(future, '固态电池')).toContain('>延链 1 家</text>');
    expect(future).toContain('缺失环节由 2 个减少为 1 个，另新增 1 个环节（延链）。');
  });

  test('phone layout: one column 352 wide, 上游 above 中游 above 下游', () => {
    const svg = chainMap({ ...input, view: '现状', layout: 'narrow' });
    expect(viewBox(svg)[0]).toBe(352);
    expect(new Set(boxes(svg).map((b) => b.x))).toEqual(new Set([12]));
    const header = (p: string) => Number(new RegExp(`y="([\\d.]+)"[^>]*>${p}（`).exec(svg)?.[1]);
    expect(header('上游')).toBeLessThan(header('中游'));
    expect(header('中游')).toBeLessThan(header('下游'));
    const y = (name: string) => boxes(node(svg, name))[0]?.y ?? 0;
    expect(y('车规级芯片及功率')).toBeLessThan(header('中游'));
    expect(y('动力电池')).toBeGreaterThan(header('中游'));
  });

  test('a long name on a node wraps onto two lines; an empty column says so', () => {
    const svg = chainMap({
      chain: 'x',
      view: '现状',
      segments: [
        {
          segment: '新能源汽车动力电池正负极材料隔膜电解液及回收利用',
          position: '上游',
          strength: '弱',
          companies: [],
          signed: 0,
        },
      ],
    });
    const name = /<text [^>]*font-size="15"[^>]*>(.*?)<\/text>/.exec(svg)?.[1] ?? '';
    expect((name.match(/<tspan/g) ?? []).length).toBe(2);
    expect(name.replace(/<[^>]+>/g, '')).toBe('新能源汽车动力电池正负极材料隔膜电解液及回收利用');
    expect(svg).toContain('>（暂无环节）</text>');
  });
});
