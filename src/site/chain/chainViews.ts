import type { ChainMapInput } from '../../charts/chainMap.ts';
import type { ChainCompany } from '../../schemas/records.ts';
import type { ChainMiniMapInput } from '../../charts/chainMiniMap.ts';
import type { ChainView, SegmentView, Strength } from './chainModel.ts';
import { POSITIONS, segmentKey } from './chainModel.ts';

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
  /** Section of the chain page, e.g. `seg-3` (`seg-none` for a 延链 segment). */
  anchor: string;
  /** Missing for a 延链 segment (the map does not place it). */
  position?: SegmentView['position'] | undefined;
  segment: string;
  strength?: Strength | undefined;
  /** 补链 for a 缺 segment, 强链 for other segments of the map, 延链 for a segment outside it. */
  action: '补链' | '强链' | '延链';
  targets: ChainCompany[];
}

/** The attraction list of a chain: segments with targets, 补链 before 强链 before 延链, in map order. */
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
  const extended: AttractionRow[] = extensionList(chain).map((e) => ({
    anchor: 'seg-none',
    segment: e.segment,
    action: '延链',
    targets: e.targets,
  }));
  return [...rows.filter((r) => r.action === '补链'), ...rows.filter((r) => r.action === '强链'), ...extended];
}

/**
 * 延链: target enterprises whose 环节 names a segment the map does not have, grouped by that
 * segment as written (first spelling), in sheet order. Targets without a 环节 are not 延链.
 */
export function extensionList(chain: ChainView): { segment: string; targets: ChainCompany[] }[] {
  const groups = new Map<string, { segment: string; targets: ChainCompany[] }>();
  for (const c of chain.unplaced.companies) {
    if (c.category !== '目标' || !c.segment) continue;
    const k = segmentKey(c.segment);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { segment: c.segment, targets: [] }));
    if (!g.targets.some((t) => t.name === c.name)) g.targets.push(c);
  }
  return [...groups.values()];
}

/**
 * The chain map input of a view; every node links to its segment's section on the chain page
 * (`#seg-3`, relative to the page itself), where its enterprises and signed projects are listed.
 */
export function chainMapInput(
  chain: ChainView,
  view: ChainMapInput['view'],
  year: string | null = null,
  layout: ChainMapInput['layout'] = 'wide',
): ChainMapInput {
  return {
    chain: chain.name,
    view,
    layout,
    year,
    segments: chain.segments.map((s) => ({
      segment: s.segment,
      position: s.position,
      strength: s.strength,
      order: s.order,
      companies: s.companies.map((c) => ({ name: c.name, category: c.category })),
      signed: s.counts.signed,
      href: `#${s.anchor}`,
    })),
    extensions: extensionList(chain).map((e) => ({
      segment: e.segment,
      companies: e.targets.map((c) => ({ name: c.name, category: c.category })),
      href: '#seg-none',
    })),
  };
}

/** 缺 segments the targets would fill, and those that would stay 缺 (the 远景 map's note). */
export function visionSummary(chain: ChainView): {
  gaps: number;
  filled: number;
  strengthened: number;
  /** Segments 延链 targets would add. */
  extended: number;
  targets: number;
} {
  const gaps = chain.segments.filter((s) => s.strength === '缺');
  return {
    extended: extensionList(chain).length,
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

/**
 * The small map of a chain on the overview page; blocks link to the segment on the chain's page
 * (`chains/c-….html#seg-3`, site-relative: the page makes it relative to itself).
 */
export function miniMapInput(chain: ChainView, year: string | null): ChainMiniMapInput {
  return {
    chain: chain.name,
    year,
    segments: chain.segments.map((s) => ({
      segment: s.segment,
      position: s.position,
      strength: s.strength,
      signed: s.counts.signed,
      href: `${chain.page}#${s.anchor}`,
    })),
  };
}
