import { createHash } from 'node:crypto';
import { normalizeChain } from '../../schemas/chain.ts';
import type { ChainCompany, ChainSegment } from '../../schemas/records.ts';
import { appendAll } from '../../schemas/arrays.ts';

/**
 * The 招商图谱 model: the chains of the 产业链图谱 workbook with their segments, each segment's
 * enterprises (链主 / 本地 / 目标) and this year's signed projects attached by chain and segment
 * name. Pure: both profiles feed it (the public one with filtered enterprises and counts only).
 */

export type Strength = NonNullable<ChainSegment['strength']>;
export const STRENGTHS: readonly Strength[] = ['强', '弱', '缺', '风险'];
export type Category = ChainCompany['category'];
export const CATEGORIES: readonly Category[] = ['链主', '本地', '目标'];
export const POSITIONS = ['上游', '中游', '下游'] as const;

/** A signed project as a chain page lists it (internal profile only; the public gets counts). */
export interface ChainProject {
  name: string;
  investor?: string | undefined;
  investmentYi: number;
  signDate: string;
  unit?: string | undefined;
  /** 产业链 and 环节 as written in the ledger. */
  chain?: string | undefined;
  segment?: string | undefined;
  /** Output path of the project's page, e.g. `projects/p-3f9a1c2b7d.html`. */
  href?: string | undefined;
}

/**
 * Signed projects of one (chain, segment) as written in the ledgers, e.g.
 * `{chain: '新能源产业', segment: '电解液', count: 2, projects: [...]}`. `projects` is absent in the
 * public profile (public.json has counts only).
 */
export interface SignedGroup {
  chain: string;
  segment: string | null;
  count: number;
  projects?: ChainProject[] | undefined;
}

export interface SegmentView {
  segment: string;
  position: ChainSegment['position'];
  strength?: Strength | undefined;
  description?: string | undefined;
  order?: number | undefined;
  /** Fragment id on the chain page, e.g. `seg-3`. */
  anchor: string;
  companies: ChainCompany[];
  /** Distinct enterprise names per 类别, and signed projects this year. */
  counts: { 链主: number; 本地: number; 目标: number; signed: number };
  projects: ChainProject[];
}

export interface ChainView {
  /** 产业链 as written in the 环节 sheet (first spelling met). */
  name: string;
  /** `c-` + 8 hex digits, see {@link chainId}. */
  id: string;
  /** Output path, e.g. `chains/c-1a2b3c4d.html`. */
  page: string;
  /** In 上游 → 中游 → 下游 order, then 排序, then sheet order. */
  segments: SegmentView[];
  /** Enterprises and signed projects of the chain whose 环节 is empty or names no segment. */
  unplaced: { companies: ChainCompany[]; signed: number; projects: ChainProject[] };
  totals: {
    segments: number;
    strength: Record<Strength | '未评估', number>;
    链主: number;
    本地: number;
    目标: number;
    signed: number;
  };
}

/**
 * The key chains are compared on: {@link normalizeChain} (no spaces, no trailing 产业链/产业/链).
 *
 * @example chainKey('新能源 产业链') // '新能源'
 */
export function chainKey(name: string): string {
  return normalizeChain(name) || name.replace(/\s+/g, '');
}

/** Segment names compare without white space, full-width forms or case: `电池 PACK` = `电池pack`. */
export function segmentKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * Stable, file-safe id of a chain's page, from its {@link chainKey}, so `新能源` and `新能源产业链`
 * share a page and renaming the map's spelling keeps the address.
 *
 * @example chainId('新能源') // 'c-' + 8 hex digits, same as chainId('新能源产业链')
 */
export function chainId(name: string): string {
  return `c-${createHash('sha1').update(chainKey(name)).digest('hex').slice(0, 8)}`;
}

/** @example chainPage('新能源') // 'chains/c-….html' */
export function chainPage(name: string): string {
  return `chains/${chainId(name)}.html`;
}

const distinct = (companies: readonly ChainCompany[], category: Category): number =>
  new Set(companies.filter((c) => c.category === category).map((c) => c.name)).size;
const byCategory = (a: ChainCompany, b: ChainCompany): number =>
  CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category);

/**
 * The chains of the map: every chain named in the 环节 sheet (in sheet order), then chains named
 * only in the 企业 sheet. Enterprises and signed groups join a chain by {@link chainKey} and a
 * segment by {@link segmentKey}; signed groups whose chain matches no chain come back in
 * `unmatched`.
 */
export function buildChains(
  segments: readonly ChainSegment[],
  companies: readonly ChainCompany[],
  signed: readonly SignedGroup[] = [],
): { chains: ChainView[]; unmatched: SignedGroup[] } {
  const chains = new Map<
    string,
    { name: string; segs: ChainSegment[]; companies: ChainCompany[]; signed: SignedGroup[] }
  >();
  const chainOf = (name: string, create: boolean) => {
    const k = chainKey(name);
    let c = chains.get(k);
    if (!c && create) chains.set(k, (c = { name, segs: [], companies: [], signed: [] }));
    return c;
  };
  for (const s of segments) {
    const c = chainOf(s.chain, true);
    if (c && !c.segs.some((x) => segmentKey(x.segment) === segmentKey(s.segment))) c.segs.push(s);
  }
  for (const co of companies) chainOf(co.chain, true)?.companies.push(co);
  const unmatched: SignedGroup[] = [];
  for (const g of signed) {
    const c = chainOf(g.chain, false);
    if (c) c.signed.push(g);
    else unmatched.push(g);
  }

  const out: ChainView[] = [];
  for (const c of chains.values()) {
    const ordered = c.segs
      .map((s, i) => ({ s, i }))
      .sort(
        (a, b) =>
          POSITIONS.indexOf(a.s.position) - POSITIONS.indexOf(b.s.position) ||
          (a.s.order ?? Infinity) - (b.s.order ?? Infinity) ||
          a.i - b.i,
      )
      .map(({ s }) => s);
    const keyed = new Map(ordered.map((s) => [segmentKey(s.segment), s]));
    const placed = new Map<ChainSegment, { companies: ChainCompany[]; signed: number; projects: ChainProject[] }>(
      ordered.map((s) => [s, { companies: [], signed: 0, projects: [] }]),
    );
    const unplaced: ChainView['unplaced'] = { companies: [], signed: 0, projects: [] };
    const slot = (segment: string | null | undefined) => {
      const s = segment ? keyed.get(segmentKey(segment)) : undefined;
      return s ? placed.get(s)! : unplaced;
    };
    for (const co of c.companies) slot(co.segment).companies.push(co);
    for (const g of c.signed) {
      const t = slot(g.segment);
      t.signed += g.count;
      appendAll(t.projects, g.projects ?? []);
    }
    const views: SegmentView[] = ordered.map((s, i) => {
      const p = placed.get(s)!;
      const companiesSorted = [...p.companies].sort(byCategory);
      return {
        segment: s.segment,
        position: s.position,
        strength: s.strength,
        description: s.description,
        order: s.order,
        anchor: `seg-${i + 1}`,
        companies: companiesSorted,
        counts: {
          链主: distinct(p.companies, '链主'),
          本地: distinct(p.companies, '本地'),
          目标: distinct(p.companies, '目标'),
          signed: p.signed,
        },
        projects: sortProjects(p.projects),
      };
    });
    unplaced.companies.sort(byCategory);
    unplaced.projects = sortProjects(unplaced.projects);
    const strength = { 强: 0, 弱: 0, 缺: 0, 风险: 0, 未评估: 0 };
    for (const s of views) strength[s.strength ?? '未评估']++;
    out.push({
      name: c.name,
      id: chainId(c.name),
      page: chainPage(c.name),
      segments: views,
      unplaced,
      totals: {
        segments: views.length,
        strength,
        链主: distinct(c.companies, '链主'),
        本地: distinct(c.companies, '本地'),
        目标: distinct(c.companies, '目标'),
        signed: views.reduce((t, s) => t + s.counts.signed, unplaced.signed),
      },
    });
  }
  return { chains: out, unmatched };
}

/** Latest signing first, then by name. */
function sortProjects(list: ChainProject[]): ChainProject[] {
  return [...list].sort((a, b) =>
    a.signDate < b.signDate ? 1 : a.signDate > b.signDate ? -1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
}
