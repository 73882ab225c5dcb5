import type { PublicData } from '../../schemas/siteData.ts';
import type { Asset, ChainCompany, Park } from '../../schemas/records.ts';
import type { ChainView } from '../chain/chainModel.ts';
import { chainKey } from '../chain/chainModel.ts';
import { chainSummary } from '../chain/chainViews.ts';

/**
 * The public sections (主导产业, 园区载体, 存量资产, 招商成果), prepared from the public data
 * files. Pure. Every row is built field by field from what contract §10 allows, so a contact or
 * a note can never reach a page even if a caller passes a full record.
 */

/** Splits a 主导产业 cell: `电子信息、新能源` → both. */
export function splitIndustries(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[、，,;；/／\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A 主导产业 of a park, linked to its chain page when it names a chain of the map. */
export interface IndustryTag {
  label: string;
  /** Output path of the chain page, or null. */
  page: string | null;
}

/** @example industryTags('电子信息、轻工', chains) // [{label: '电子信息', page: 'chains/c-….html'}, {label: '轻工', page: null}] */
export function industryTags(text: string | undefined, chains: readonly ChainView[]): IndustryTag[] {
  const pages = new Map(chains.map((c) => [chainKey(c.name), c.page]));
  return splitIndustries(text).map((label) => ({ label, page: pages.get(chainKey(label)) ?? null }));
}

export interface IndustryView {
  name: string;
  page: string;
  summary: string;
  /** 链主 enterprises (distinct names) with their segment and products. */
  leaders: ChainCompany[];
  /** Parks whose 主导产业 names this chain. */
  parks: string[];
  segments: number;
  signed: number;
}

/** 主导产业: each chain with its description, 链主 enterprises and the parks that host it. */
export function industriesView(chains: readonly ChainView[], parks: readonly Park[]): IndustryView[] {
  return chains.map((c) => {
    const seen = new Set<string>();
    const leaders = [...c.segments.flatMap((s) => s.companies), ...c.unplaced.companies].filter(
      (co) => co.category === '链主' && !seen.has(co.name) && seen.add(co.name),
    );
    const key = chainKey(c.name);
    return {
      name: c.name,
      page: c.page,
      summary: chainSummary(c),
      leaders,
      parks: parks.filter((p) => splitIndustries(p.industries).some((i) => chainKey(i) === key)).map((p) => p.name),
      segments: c.totals.segments,
      signed: c.totals.signed,
    };
  });
}

/** A park as shown: only the park table's own fields, with 主导产业 as tags. */
export interface ParkView {
  name: string;
  area?: string | undefined;
  intro?: string | undefined;
  address?: string | undefined;
  anchor: string;
  industries: IndustryTag[];
  /** Public idle assets whose 位置 or 联系单位 names the park. */
  assets: { name: string; anchor: string }[];
}

export function parksView(
  parks: readonly Park[],
  chains: readonly ChainView[],
  assets: readonly PublicAssetRow[] = [],
): ParkView[] {
  return parks.map((p, i) => ({
    name: p.name,
    area: p.area,
    intro: p.intro,
    address: p.address,
    anchor: `park-${i + 1}`,
    industries: industryTags(p.industries, chains),
    assets: assets
      .filter((a) => (a.location ?? '').includes(p.name) || (a.contactUnit ?? '') === p.name)
      .map((a) => ({ name: a.name, anchor: a.anchor })),
  }));
}

/** An idle asset as the public may see it: no 联系人, no 联系电话 (contract §10). */
export interface PublicAssetRow {
  anchor: string;
  name: string;
  type?: string | undefined;
  area?: string | undefined;
  location?: string | undefined;
  status?: string | undefined;
  contactUnit?: string | undefined;
}

export interface AssetGroup {
  type: string;
  rows: PublicAssetRow[];
  /** Sum of the 面积 cells when they all read as a number in the same unit, e.g. `461亩`. */
  totalArea: string | null;
}

const AREA = /^约?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(亩|㎡|平方米|平米|m²|m2|公顷)$/;
const UNIT_ALIASES: Record<string, string> = { 平方米: '㎡', 平米: '㎡', 'm²': '㎡', m2: '㎡' };

/** @example parseArea('8000㎡') // {value: 8000, unit: '㎡'}; parseArea('约5亩') // {value: 5, unit: '亩'} */
export function parseArea(text: string | undefined): { value: number; unit: string } | null {
  const m = AREA.exec((text ?? '').trim());
  if (!m || !m[1] || !m[2]) return null;
  return { value: Number(m[1].replace(/,/g, '')), unit: UNIT_ALIASES[m[2]] ?? m[2] };
}

function totalArea(rows: readonly PublicAssetRow[]): string | null {
  const parsed = rows.map((r) => parseArea(r.area));
  const unit = parsed[0]?.unit;
  if (!unit || parsed.some((p) => !p || p.unit !== unit)) return null;
  const sum = parsed.reduce((t, p) => t + (p?.value ?? 0), 0);
  return `${Number(sum.toFixed(2)).toLocaleString('en-US')}${unit}`;
}

const ASSET_TYPES = ['土地', '厂房', '楼宇'];

/**
 * 存量资产: the public assets (是否公开 = 是) grouped 土地 / 厂房 / 楼宇 / 其他, without contacts.
 * The public reference.json holds only public assets already; the filter repeats the rule.
 */
export function assetsView(assets: readonly Asset[]): { total: number; groups: AssetGroup[] } {
  const rows: PublicAssetRow[] = assets
    .filter((a) => a.public)
    .map((a, i) => ({
      anchor: `asset-${i + 1}`,
      name: a.name,
      type: a.type,
      area: a.area,
      location: a.location,
      status: a.status,
      contactUnit: a.contactUnit,
    }));
  const types = [...ASSET_TYPES, '其他'];
  const groups = types
    .map((type) => {
      const list = rows.filter((r) => (type === '其他' ? !r.type || !ASSET_TYPES.includes(r.type) : r.type === type));
      return { type, rows: list, totalArea: totalArea(list) };
    })
    .filter((g) => g.rows.length > 0);
  return { total: rows.length, groups };
}

/** A public signed project row of 招商成果. */
export interface ResultRow {
  name: string;
  investor?: string | undefined;
  investmentYi: number;
  chain?: string | undefined;
  park?: string | undefined;
  signDate: string;
}

export interface ResultYear {
  year: string;
  count: number;
  investmentYi: number;
  rows: ResultRow[];
}

export interface ResultsView {
  /** `YYYY-MM` of the data, or null. */
  period: string | null;
  /** Zone totals for the year to date (all signed projects, counts only), when published. */
  headline: PublicData['headline'];
  /** Public signed projects by signing year, latest year first. */
  years: ResultYear[];
}

/** 招商成果: the public signed projects by year, and the headline figures when allowed. */
export function resultsView(pub: PublicData): ResultsView {
  const years = new Map<string, ResultRow[]>();
  for (const s of pub.signed) {
    const y = s.signDate.slice(0, 4);
    const row: ResultRow = {
      name: s.name,
      investor: s.investor,
      investmentYi: s.investmentYi,
      chain: s.chain,
      park: s.park,
      signDate: s.signDate,
    };
    years.set(y, [...(years.get(y) ?? []), row]);
  }
  return {
    period: pub.period,
    headline: pub.headline,
    years: [...years]
      .sort(([a], [b]) => (a < b ? 1 : -1))
      .map(([year, rows]) => ({
        year,
        count: rows.length,
        investmentYi: rows.reduce((t, r) => t + r.investmentYi, 0),
        rows: [...rows].sort((a, b) =>
          a.signDate < b.signDate ? 1 : a.signDate > b.signDate ? -1 : b.investmentYi - a.investmentYi,
        ),
      })),
  };
}
