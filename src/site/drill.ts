import type { FlowTotals, PeriodMetrics } from '../schemas/metrics.ts';
import { INDICATORS, type Indicator, type SnapshotRecords, type SourceRef } from '../schemas/records.ts';
import { SIZE_BUCKETS } from '../schemas/buckets.ts';
import { factsOf } from '../metrics/facts.ts';
import { unitId } from './data.ts';
import { rel } from './href.ts';

/**
 * Drill-down from any figure of a period to the ledger rows behind it. Each period has one page,
 * `drill/<YYYY-MM>.html`, listing every row a figure of that period counts, by kind and then by
 * unit (section ids `signed-u-1a2b3c4d`, `signed-none`, `overdue-u-…`). A figure is named by a
 * figure id, and `drillHref()` links to its rows: `drill/2025-10.html?f=ytd.signed.unit.u-1a2b3c4d#signed-u-1a2b3c4d`.
 *
 * Figure ids (other pages use them; keep them stable):
 * - `ytd.<kind>`, `month.<kind>` — kind ∈ {@link FIGURE_KINDS} (累计 / 本月);
 * - `ytd.<kind>.unit.<unitId>`, `month.<kind>.unit.<unitId>` — `unitId(name)`, `none` for rows with no unit;
 * - `ytd.signed.size.<i>`, `month.signed.size.<i>` — `i` indexes `SIZE_BUCKETS`;
 * - `ytd.signed.chain.<i>` — index in `metrics.ytd.signed.byChain`;
 * - `ytd.funds.source.<i>` — index in `metrics.ytd.funds.bySource`;
 * - `score.<unitId>.<itemIndex>` — `metrics.units[].items[itemIndex].refs`;
 * - `startRate.<unitId>` — the unit's 签约 rows of the year (started and not started);
 * - `overdue` — 签约超期未开工;
 * - extras: `ytd.signed.foreign`, `month.signed.foreign`, `ytd.funds.foreign`, `month.funds.foreign`
 *   (rows with 外资), which like `*.leadsValid` need the records.
 */

/** Kinds of flow figures, in page order. `leadsValid` = leads judged 有效 (rows in the `leads` section). */
export const FIGURE_KINDS = ['signed', 'started', 'producing', 'funds', 'leads', 'leadsValid', 'trips'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/** Sections of the drill page, in page order; `overdue` lists 签约 rows again. */
export const SECTION_KINDS = ['signed', 'started', 'producing', 'funds', 'leads', 'trips', 'overdue'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** What a figure's drill header totals: 亿元 (总投资 or 到位金额), 万美元, valid leads, visits, or rows only. */
export type Measure = 'yi' | 'usd' | 'valid' | 'visits' | 'count';

/** One figure of a period with the rows it counts. */
export interface Figure {
  /** e.g. `'ytd.signed.unit.u-1a2b3c4d'`. */
  id: string;
  /** Shown in the drill header, e.g. `'累计签约项目·青川镇'`. */
  label: string;
  /** Section of the drill page that lists its rows. */
  section: SectionKind;
  /** Anchor of the section it lands on, e.g. `'signed-u-1a2b3c4d'` or `'signed'`. */
  anchor: string;
  /** The unit section it lands on (`null` = 未落实单位); absent for zone figures. */
  unit?: string | null;
  measure: Measure;
  refs: SourceRef[];
}

export const FIGURE_LABELS: Record<FigureKind | SectionKind, string> = {
  signed: '签约项目',
  started: '开工项目',
  producing: '投产项目',
  funds: '到位资金',
  leads: '招商信息',
  leadsValid: '有效信息',
  trips: '外出招商',
  overdue: '签约超期未开工',
};

const SECTION_OF: Record<FigureKind, SectionKind> = {
  signed: 'signed',
  started: 'started',
  producing: 'producing',
  funds: 'funds',
  leads: 'leads',
  leadsValid: 'leads',
  trips: 'trips',
};
const MEASURE_OF: Record<SectionKind, Measure> = {
  signed: 'yi',
  started: 'yi',
  producing: 'yi',
  funds: 'yi',
  leads: 'valid',
  trips: 'visits',
  overdue: 'yi',
};

/** The section listing the rows of a target indicator. */
export const INDICATOR_SECTION: Record<Indicator, SectionKind> = {
  签约项目数: 'signed',
  签约金额: 'signed',
  亿元以上签约项目数: 'signed',
  '5亿元以上签约项目数': 'signed',
  '10亿元以上签约项目数': 'signed',
  '50亿元以上签约项目数': 'signed',
  开工项目数: 'started',
  投产项目数: 'producing',
  到位资金: 'funds',
  外资到位: 'funds',
  有效信息条数: 'leads',
  外出招商次数: 'trips',
  拜访企业数: 'trips',
  签约超期未开工项目数: 'overdue',
};

/** `unitId(name)`, or `none` for rows without a unit. @example unitKey(null) // 'none' */
export function unitKey(unit: string | null): string {
  return unit === null ? 'none' : unitId(unit);
}

/** Anchor of a drill section. @example sectionAnchor('signed', '青川镇') // 'signed-u-…'; sectionAnchor('overdue') // 'overdue' */
export function sectionAnchor(section: SectionKind, unit?: string | null): string {
  return unit === undefined ? section : `${section}-${unitKey(unit)}`;
}

/** Key of a source row, e.g. `'ledgers/…xlsx\u0000Sheet1\u000017'`. */
export function refKey(r: SourceRef): string {
  return `${r.file}\u0000${r.sheet}\u0000${r.row}`;
}

/** Refs of the rows whose key is in `keep`. */
const only = (refs: readonly SourceRef[], keep: ReadonlySet<string>): SourceRef[] =>
  refs.filter((r) => keep.has(refKey(r)));

/**
 * Every figure of a period with its rows, in page order. `records` (the period's own snapshot)
 * is needed for `*.leadsValid` and `*.foreign`: without it those figures are left out.
 */
export function periodFigures(metrics: PeriodMetrics, records?: SnapshotRecords): Figure[] {
  const out: Figure[] = [];
  const add = (
    id: string,
    label: string,
    section: SectionKind,
    unit: string | null | undefined,
    refs: SourceRef[],
    measure = MEASURE_OF[section],
  ) =>
    out.push({
      id,
      label,
      section,
      anchor: sectionAnchor(section, unit),
      ...(unit !== undefined ? { unit } : {}),
      measure,
      refs,
    });
  const facts = records ? factsOf(records) : null;
  const validLeads = new Set(facts?.leads.filter((f) => f.valid).map((f) => refKey(f.src)));
  const foreign = new Set(
    [...(facts?.signed ?? []), ...(facts?.funds ?? [])].filter((f) => f.foreignUsd !== 0).map((f) => refKey(f.src)),
  );

  for (const [scope, totals, prefix] of [
    ['ytd', metrics.ytd, '累计'],
    ['month', metrics.thisMonth, '本月'],
  ] as const) {
    for (const kind of FIGURE_KINDS) {
      if (kind === 'leadsValid' && !facts) continue;
      const section = SECTION_OF[kind];
      const fig = totals[section as keyof FlowTotals];
      const pick = (refs: SourceRef[]) => (kind === 'leadsValid' ? only(refs, validLeads) : refs);
      const measure = kind === 'leadsValid' ? 'count' : MEASURE_OF[section];
      add(`${scope}.${kind}`, `${prefix}${FIGURE_LABELS[kind]}`, section, undefined, pick(fig.refs), measure);
      for (const u of fig.byUnit) {
        add(
          `${scope}.${kind}.unit.${unitKey(u.unit)}`,
          `${prefix}${FIGURE_LABELS[kind]}·${u.unit ?? '未落实单位'}`,
          section,
          u.unit,
          pick(u.refs),
          measure,
        );
      }
    }
    totals.signed.bySize.forEach((b, i) =>
      add(
        `${scope}.signed.size.${i}`,
        `${prefix}签约项目·${SIZE_BUCKETS[i]?.label ?? b.bucket}`,
        'signed',
        undefined,
        b.refs,
      ),
    );
    if (facts) {
      add(
        `${scope}.signed.foreign`,
        `${prefix}签约外资`,
        'signed',
        undefined,
        only(totals.signed.refs, foreign),
        'usd',
      );
      add(`${scope}.funds.foreign`, `${prefix}外资到位`, 'funds', undefined, only(totals.funds.refs, foreign), 'usd');
    }
  }
  metrics.ytd.signed.byChain.forEach((c, i) =>
    add(`ytd.signed.chain.${i}`, `累计签约项目·${c.chain ?? '未填产业链'}`, 'signed', undefined, c.refs),
  );
  metrics.ytd.funds.bySource.forEach((s, i) =>
    add(`ytd.funds.source.${i}`, `累计到位资金·${s.source ?? '未填来源'}`, 'funds', undefined, s.refs),
  );

  for (const u of metrics.units) {
    const id = unitId(u.unit);
    u.items.forEach((item, i) => {
      const section = INDICATOR_SECTION[item.indicator];
      const what = item.filterLabel ? `${item.indicator}（${item.filterLabel}）` : item.indicator;
      add(`score.${id}.${i}`, `${u.unit}·${what}`, section, u.unit, item.refs);
    });
    const sr = u.startRate;
    if (sr.projects > 0)
      add(`startRate.${id}`, `${u.unit}·今年签约项目（开工率）`, 'signed', u.unit, [
        ...sr.startedRefs,
        ...sr.notStartedRefs,
      ]);
  }
  metrics.completion.forEach((c) => {
    const what = c.base === 'zone' ? '全区' : `${c.units.length}个目标单位`;
    add(
      completionFigureId(c.indicator),
      `${c.indicator}·${what}累计`,
      INDICATOR_SECTION[c.indicator],
      undefined,
      c.refs,
    );
  });
  add(
    'unrecognised',
    '未认定签约项目（不计入任何数字）',
    'signed',
    undefined,
    metrics.unrecognised.rows.map((r) => r.src),
  );
  add(
    'claims',
    '重复申报项目（多个单位申报同一项目）',
    'signed',
    undefined,
    metrics.duplicateClaims.flatMap((c) => c.refs),
  );
  add(
    'overdue',
    `签约超期未开工（超过${metrics.overdueDays}天）`,
    'overdue',
    undefined,
    metrics.overdue.map((o) => o.src),
  );
  return out;
}

/** Drill id of the rows behind a zone completion rate. @example completionFigureId('签约金额') // 'completion.1' */
export function completionFigureId(indicator: Indicator): string {
  return `completion.${INDICATORS.indexOf(indicator)}`;
}

/**
 * Every figure id of the period and the rows it counts (see the id scheme above).
 *
 * @example figureRefs(metrics).get('ytd.signed')?.length // 35 (= metrics.ytd.signed.count)
 */
export function figureRefs(metrics: PeriodMetrics, records?: SnapshotRecords): Map<string, SourceRef[]> {
  return new Map(periodFigures(metrics, records).map((f) => [f.id, f.refs]));
}

/** Output path of a period's drill page. @example drillPage('2025-10') // 'drill/2025-10.html' */
export function drillPage(period: string): string {
  return `drill/${period}.html`;
}

/**
 * The anchor a figure id lands on when none is given: its kind (and unit) section. Score items
 * need their indicator, so `score.*` gives `undefined` (pass the anchor, e.g. `Figure.anchor`).
 *
 * @example figureAnchor('month.leadsValid.unit.u-1a2b3c4d') // 'leads-u-1a2b3c4d'
 * @example figureAnchor('startRate.u-1a2b3c4d') // 'signed-u-1a2b3c4d'
 */
export function figureAnchor(figureId: string): string | undefined {
  if (figureId === 'overdue') return 'overdue';
  const start = /^startRate\.(.+)$/.exec(figureId);
  if (start) return `signed-${start[1]}`;
  const m = /^(?:ytd|month)\.([A-Za-z]+)(?:\.unit\.(.+))?/.exec(figureId);
  const kind = m?.[1] as FigureKind | undefined;
  if (!m || !kind || !(FIGURE_KINDS as readonly string[]).includes(kind)) return undefined;
  return m[2] ? `${SECTION_OF[kind]}-${m[2]}` : SECTION_OF[kind];
}

/**
 * Relative link from a page to the rows of a figure: `?f=` filters the drill page (inline
 * script), `#anchor` lands on the right section even without JavaScript.
 *
 * @example drillHref('bulletins/2025-10.html', '2025-10', 'ytd.signed.unit.u-1a2b3c4d')
 * // '../drill/2025-10.html?f=ytd.signed.unit.u-1a2b3c4d#signed-u-1a2b3c4d'
 */
export function drillHref(fromPage: string, period: string, figureId: string, anchor?: string): string {
  const hash = anchor ?? figureAnchor(figureId);
  return `${rel(fromPage, drillPage(period))}?f=${encodeURIComponent(figureId)}${hash ? `#${encodeURIComponent(hash)}` : ''}`;
}
