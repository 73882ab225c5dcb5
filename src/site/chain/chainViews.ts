import type { ChainMapInput } from '../../charts/chainMap.ts';
import type { ChainCompany } from '../../schemas/records.ts';
import type { ChainView, SegmentView, Strength } from './chainModel.ts';
import { POSITIONS } from './chainModel.ts';

/**
 * What the 招商图谱 pages show, prepared from `buildChains()`: the overview row of each chain,
 * the 补链 list (缺 / 弱 segments and their target enterprises), a chain's attraction list (the gap
 * between its 现状 and 远景 maps) and the chain map input. Pure.
 */

/** One row of the overview table on `chains.html`. */
export interface ChainOverviewRow {
  name: string;
  page: string;
  segments: number;
  强: number;
  弱: number;
  缺: number;
  风险: number;
  链主: number;
  本地: number;
  目标: number;
  signed: number;
}

/** @example chainOverview(chains)[0] // {name: '新能源', segments: 9, 强: 3, 弱: 3, 缺: 2, 风险: 1, 链主: 1, …} */
export function chainOverview(chains: readonly ChainView[]): ChainOverviewRow[] {
  return chains.map((c) => ({
    name: c.name,
    page: c.page,
    segments: c.totals.segments,
    强: c.totals.strength.强,
    弱: c.totals.strength.弱,
    缺: c.totals.strength.缺,
    风险: c.totals.strength.风险,
    链主: c.totals.链主,
    本地: c.totals.本地,
    目标: c.totals.目标,
    signed: c.totals.signed,
  }));
}

/** A segment to fill (补链) or strengthen, with the enterprises to attract. */
export interface GapRow {
  chain: string;
  /** Output path of the segment on its chain page, e.g. `chains/c-1a2b3c4d.html#seg-3`. */
  page: string;
  position: SegmentView['position'];
  segment: string;
  strength: Strength;
  description?: string | undefined;
  /** 目标 enterprises of the segment (public profile: only those with 是否公开 = 是). */
  targets: ChainCompany[];
  signed: number;
}

const targetsOf = (s: SegmentView): ChainCompany[] => {
  const seen = new Set<string>();
  return s.companies.filter((c) => c.category === '目标' && !seen.has(c.name) && seen.add(c.name));
};

/**
 * The 补链 list: every 缺 or 弱 segment of every chain (缺 first, then 弱; chain and map order
 * within), with its target enterprises.
 */
export function gapList(chains: readonly ChainView[]): GapRow[] {
  const rows: GapRow[] = [];
  for (const want of ['缺', '弱'] as const) {
    for (const c of chains) {
      for (const s of c.segments) {
        if (s.strength !== want) continue;
        rows.push({
          chain: c.name,
          page: `${c.page}#${s.anchor}`,
          position: s.position,
          segment: s.segment,
          strength: want,
          description: s.description,
          targets: targetsOf(s),
          signed: s.counts.signed,
        });
      }
    }
  }
  return rows;
}

/** A segment of one chain with target enterprises: what the 远景 map adds to the 现状 one. */
export interface AttractionRow {
  anchor: string;
  position: SegmentView['position'];
  segment: string;
  strength?: Strength | undefined;
  /** 补链 for a 缺 segment, else 强链 (as the 远景 map labels it). */
  action: '补链' | '强链';
  targets: ChainCompany[];
}

/** The attraction list of a chain: segments with targets, 补链 before 强链, in map order. */
export function attractionList(chain: ChainView): AttractionRow[] {
  const rows: AttractionRow[] = chain.segments
    .filter((s) => s.counts.目标 > 0)
    .map((s) => ({
      anchor: s.anchor,
      position: s.position,
      segment: s.segment,
      strength: s.strength,
      action: s.strength === '缺' ? ('补链' as const) : ('强链' as const),
      targets: targetsOf(s),
    }));
  return [...rows.filter((r) => r.action === '补链'), ...rows.filter((r) => r.action === '强链')];
}

/**
 * The chain map input of a view; every node links to its segment's section on the chain page
 * (`#seg-3`, relative to the page itself).
 */
export function chainMapInput(chain: ChainView, view: ChainMapInput['view']): ChainMapInput {
  return {
    chain: chain.name,
    view,
    segments: chain.segments.map((s) => ({
      segment: s.segment,
      position: s.position,
      strength: s.strength,
      order: s.order,
      counts: { ...s.counts },
      href: `#${s.anchor}`,
    })),
  };
}

/** 缺 segments the targets would fill, and those that would stay 缺 (the 远景 map's note). */
export function visionSummary(chain: ChainView): {
  gaps: number;
  filled: number;
  strengthened: number;
  targets: number;
} {
  const gaps = chain.segments.filter((s) => s.strength === '缺');
  return {
    gaps: gaps.length,
    filled: gaps.filter((s) => s.counts.目标 > 0).length,
    strengthened: chain.segments.filter((s) => s.strength !== '缺' && s.counts.目标 > 0).length,
    targets: chain.totals.目标,
  };
}

/**
 * A one-paragraph description of a chain from its segments (the map has no free text per chain):
 * the segments of each position, then the strong and missing ones.
 *
 * @example chainSummary(chain) // '上游：锂矿资源、正极材料；中游：电芯制造；下游：储能系统。优势环节：正极材料、电芯制造；待补环节：锂矿资源。'
 */
export function chainSummary(chain: ChainView): string {
  const parts = POSITIONS.map((p) => {
    const names = chain.segments.filter((s) => s.position === p).map((s) => s.segment);
    return names.length ? `${p}：${names.join('、')}` : null;
  }).filter((x) => x !== null);
  if (parts.length === 0) return '';
  const named = (st: Strength) => chain.segments.filter((s) => s.strength === st).map((s) => s.segment);
  const strong = named('强');
  const gaps = named('缺');
  return (
    `${parts.join('；')}。` +
    (strong.length ? `优势环节：${strong.join('、')}` : '') +
    (strong.length && gaps.length ? '；' : '') +
    (gaps.length ? `待补环节：${gaps.join('、')}` : '') +
    (strong.length || gaps.length ? '。' : '')
  );
}
