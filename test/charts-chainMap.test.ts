import { describe, expect, test } from 'vitest';
import { type ChainSegment, chainMap } from '../src/charts/chainMap.ts';
import { textWidth } from '../src/charts/wrapText.ts';

const c = (链主: number, 本地: number, 目标: number, signed: number) => ({ 链主, 本地, 目标, signed });
const segments: ChainSegment[] = [
  { segment: '正极材料', position: '上游', strength: '弱', order: 2, counts: c(0, 2, 2, 1) },
  { segment: '锂矿及锂盐', position: '上游', strength: '缺', order: 1, counts: c(0, 0, 3, 0) },
  { segment: '车规级芯片及功率半导体器件封装测试', position: '上游', strength: '缺', order: 3, counts: c(0, 0, 0, 0) },
  { segment: '动力电池', position: '中游', strength: '强', counts: c(2, 5, 3, 4), href: 'chains/xny/dldc/' },
  { segment: '隔膜与电解液', position: '中游', strength: '风险', counts: c(0, 1, 0, 0) },
  { segment: '整车制造', position: '下游', counts: c(1, 2, 1, 1) },
];

/** Node boxes: the outline rects (fill none, with a stroke) of the segments. */
function boxes(svg: string): { x: number; y: number; w: number; h: number }[] {
  return [
    ...svg.matchAll(
      /<g class="zs-segment[^"]*"><title>[^<]*<\/title>(?:<rect [^>]*\/>)*?<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" rx="8" fill="none"/g,
    ),
  ].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    w: Number(m[3]),
    h: Number(m[4]),
  }));
}

describe('chainMap', () => {
  test('snapshot: 现状', async () => {
    await expect(chainMap({ chain: '新能源汽车', view: '现状', segments })).toMatchFileSnapshot(
      './__snapshots__/charts/chainMap-current.svg',
    );
  });

  test('snapshot: 远景', async () => {
    await expect(chainMap({ chain: '新能源汽车', view: '远景', segments })).toMatchFileSnapshot(
      './__snapshots__/charts/chainMap-vision.svg',
    );
  });

  test('one A4 landscape page: viewBox 1120 × 790 (≈ 1.41 : 1)', () => {
    const svg = chainMap({ chain: '新能源汽车', view: '现状', segments });
    expect(svg).toContain('viewBox="0 0 1120 790"');
    expect(1120 / 790).toBeCloseTo(Math.SQRT2, 1);
  });

  test('three column headers in order, with arrows between them', () => {
    const svg = chainMap({ chain: '新能源汽车', view: '现状', segments });
    const headers = [...svg.matchAll(/>(上游|中游|下游)（(\d+) 个环节）</g)].map((m) => `${m[1]}${m[2]}`);
    expect(headers).toEqual(['上游3', '中游2', '下游1']);
    expect((svg.match(/fill="#3A3A3A"\/>/g) ?? []).length).toBe(3 + 2); // 3 headers + 2 arrow heads
  });

  test('strength as a word in the node, 缺 hatched with a dashed border, counts as text', () => {
    const svg = chainMap({ chain: '新能源汽车', view: '现状', segments });
    for (const w of ['强', '弱', '缺', '风险'])
      expect(svg).toMatch(new RegExp(`font-weight="bold" fill="#[0-9A-F]{6}">${w}</text>`));
    expect(svg).toMatch(
      /<g class="zs-segment zs-segment--缺"><title>[^<]*<\/title><rect [^>]*fill="#FFFFFF"\/><rect [^>]*fill="url\(#zs[0-9a-z]+-1\)"\/><rect [^>]*stroke-dasharray="7 4"/,
    );
    expect(svg).toContain('>链主 2 · 本地 5 · 目标 3 · 签约 4</text>');
    // order: 锂矿 (排序 1) above 正极材料 (排序 2)
    expect(svg.indexOf('锂矿及锂盐')).toBeLessThan(svg.indexOf('正极材料'));
    expect(svg).toMatch(
      /<a href="chains\/xny\/dldc\/" aria-label="动力电池（中游，强）：链主 2 · 本地 5 · 目标 3 · 签约 4">/,
    );
  });

  test('远景: segments with targets drawn as attracted, and the gap between views is visible', () => {
    const now = chainMap({ chain: '新能源汽车', view: '现状', segments });
    const future = chainMap({ chain: '新能源汽车', view: '远景', segments });
    expect(now).not.toContain('补链');
    expect(future).toContain('>补链 3 家</text>');
    expect(future).toContain('>原缺</text>');
    expect(future).toContain('>强链 2 家</text>'); // 弱 with 2 targets
    expect(future).toContain('>强链 3 家</text>'); // 强 with 3 targets
    expect(future).toContain('>仍缺</text>'); // 缺 without target stays a gap
    expect(future).toMatch(
      /<g class="zs-segment zs-segment--缺 zs-segment--补链"><title>[^<]*<\/title><rect [^>]*fill="#D5EFE6"\/><rect [^>]*fill="none" stroke="#007A5A" stroke-width="2.5"\/>/,
    );
    expect(future).toContain('目标企业引进后，缺失环节由 2 个减少为 1 个。');
  });

  test('long names wrap within the node; nothing leaves the page with 10 segments per column', () => {
    const many: ChainSegment[] = [];
    for (const position of ['上游', '中游', '下游'] as const)
      for (let i = 0; i < 10; i++)
        many.push({
          segment: `${position}环节${i + 1}号高性能复合材料及关键零部件`,
          position,
          strength: '缺',
          counts: c(0, i, 10 - i, 0),
        });
    const svg = chainMap({ chain: '高端装备制造', view: '远景', segments: many });
    const b = boxes(svg);
    expect(b).toHaveLength(30);
    for (const r of b) {
      expect(r.y + r.h).toBeLessThanOrEqual(740);
      expect(r.x + r.w).toBeLessThanOrEqual(1120);
    }
    // every name line fits its node
    for (const m of svg.matchAll(/<tspan x="[\d.]+"[^>]*>([^<]+)<\/tspan>/g))
      expect(textWidth(m[1] ?? '', 14)).toBeLessThanOrEqual(b[0]?.w ?? 0);
  });

  test('a long name on a roomy node wraps onto two lines', () => {
    const svg = chainMap({
      chain: 'x',
      view: '现状',
      segments: [
        {
          segment: '新能源汽车动力电池正负极材料隔膜电解液及回收利用',
          position: '上游',
          strength: '弱',
          counts: c(0, 1, 0, 0),
        },
      ],
    });
    const name = /<text [^>]*font-size="15"[^>]*>(.*?)<\/text>/.exec(svg)?.[1] ?? '';
    expect((name.match(/<tspan/g) ?? []).length).toBe(2);
    expect(name.replace(/<[^>]+>/g, '')).toBe('新能源汽车动力电池正负极材料隔膜电解液及回收利用');
  });

  test('an empty column says so', () => {
    const svg = chainMap({ chain: 'x', view: '现状', segments: segments.filter((s) => s.position !== '下游') });
    expect(svg).toContain('>（暂无环节）</text>');
  });
});
