import type { PeriodData } from '../../schemas/siteData.ts';
import { factsOf, type Fact } from '../../metrics/facts.ts';
import { fmtInt, fmtYi } from '../../metrics/format.ts';
import type { SnapshotRecords, SourceRef } from '../../schemas/records.ts';
import {
  FIGURE_LABELS,
  type Measure,
  SECTION_KINDS,
  type SectionKind,
  periodFigures,
  refKey,
  sectionAnchor,
} from '../drill.ts';

/**
 * The drill page of a period (`drill/<YYYY-MM>.html`): every row that a figure of the period
 * counts, by kind, then unit, then source sheet, in ledger row order; and the figure map the
 * page's inline script filters by (`?f=<figureId>`). Rows carry only their key fields; the source
 * file and sheet are written once above their rows.
 */

/** One ledger row: `row` is the row number as seen in Excel (line number for CSV). */
export interface DrillRow {
  row: number;
  /** Display text of the key fields, in the section's column order. */
  cells: string[];
}

export interface DrillSource {
  file: string;
  sheet: string;
  rows: DrillRow[];
}

export interface DrillUnit {
  /** e.g. `'signed-u-1a2b3c4d'`. */
  anchor: string;
  /** e.g. `'青川镇'`; `未落实单位` for rows without one. */
  label: string;
  count: number;
  /** e.g. `'合计 37.75 亿元'`. */
  total: string;
  sources: DrillSource[];
}

export interface DrillSection {
  kind: SectionKind;
  anchor: string;
  /** e.g. `'签约项目'`. */
  title: string;
  /** Column headers after 行号. */
  columns: string[];
  /** 1-based column numbers (行号 = 1) that are numeric, for right alignment. */
  numeric: number[];
  count: number;
  total: string;
  units: DrillUnit[];
}

export interface DrillView {
  period: string;
  sections: DrillSection[];
  /** Figure id → `[label, row ranges like '0-12,15', total text]`; rows are numbered in page order. */
  figures: Record<string, [string, string, string]>;
  /** Refs that match no record of the snapshot (a data-stage bug; shown as a warning). */
  unresolved: SourceRef[];
}

type RecordKind = Exclude<SectionKind, 'overdue'>;
const recordKind = (s: SectionKind): RecordKind => (s === 'overdue' ? 'signed' : s);

const COLUMNS: Record<SectionKind, { labels: string[]; numeric: number[] }> = {
  signed: { labels: ['项目名称', '总投资（亿元）', '签约日期', '产业链', '外资（万美元）'], numeric: [3, 6] },
  started: { labels: ['项目名称', '开工日期', '总投资（亿元）'], numeric: [4] },
  producing: { labels: ['项目名称', '投产日期', '总投资（亿元）'], numeric: [4] },
  funds: { labels: ['项目名称', '到位日期', '到位金额（亿元）', '资金来源', '外资（万美元）'], numeric: [4, 6] },
  leads: { labels: ['报送日期', '项目名称', '产业链', '研判结果'], numeric: [] },
  trips: { labels: ['出发日期', '目的地', '带队领导', '拜访企业数'], numeric: [5] },
  overdue: { labels: ['项目名称', '总投资（亿元）', '签约日期', '超期天数'], numeric: [3, 5] },
};

const factIndex = new WeakMap<SnapshotRecords, Map<string, Map<string, Fact>>>();

/**
 * The fact of record `i` of a ledger, by its source row: facts leave out 未认定 and repeated rows, so
 * their indexes are not the records' indexes. `undefined` for a row no figure counts.
 */
function factAt(records: SnapshotRecords, kind: RecordKind, i: number): Fact | undefined {
  let byKind = factIndex.get(records);
  if (!byKind) factIndex.set(records, (byKind = new Map()));
  let byRef = byKind.get(kind);
  if (!byRef) {
    byRef = new Map(factsOf(records)[kind].map((f) => [refKey(f.src), f]));
    byKind.set(kind, byRef);
  }
  const r = records[kind][i];
  return r === undefined ? undefined : byRef.get(refKey(r.src));
}

const yiOrDash = (x: number | null | undefined) => (x === null || x === undefined ? '—' : fmtYi(x));

/** Display cells of record `i` of a section. */
function cellsOf(records: SnapshotRecords, kind: SectionKind, i: number, overdueDays: Map<string, number>): string[] {
  switch (kind) {
    case 'signed': {
      const r = records.signed[i]!;
      return [r.name, fmtYi(r.investmentYi), r.signDate, r.chain ?? '', r.foreignUsd ? fmtYi(r.foreignUsd) : ''];
    }
    case 'started':
    case 'producing': {
      const r = kind === 'started' ? records.started[i]! : records.producing[i]!;
      const f = factAt(records, kind, i);
      return [
        r.name,
        f?.date ?? (kind === 'started' ? records.started[i]!.startDate : records.producing[i]!.produceDate),
        yiOrDash(f ? f.investmentYi : r.investmentYi),
      ];
    }
    case 'funds': {
      const r = records.funds[i]!;
      return [r.name, r.fundDate, fmtYi(r.amountYi), r.source ?? '', r.foreignUsd ? fmtYi(r.foreignUsd) : ''];
    }
    case 'leads': {
      const r = records.leads[i]!;
      return [r.reportDate, r.name, r.chain ?? '', r.verdict ?? ''];
    }
    case 'trips': {
      const r = records.trips[i]!;
      return [r.departDate, r.destination ?? '', r.leader ?? '', r.visits === undefined ? '' : fmtInt(r.visits)];
    }
    case 'overdue': {
      const r = records.signed[i]!;
      return [r.name, fmtYi(r.investmentYi), r.signDate, fmtInt(overdueDays.get(refKey(r.src)) ?? 0)];
    }
  }
}

/** The figure-total text of rows (`[section, record index]` pairs). */
function totalText(
  records: SnapshotRecords,
  rows: readonly (readonly [SectionKind, number])[],
  measure: Measure,
): string {
  let sum = 0;
  for (const [kind, i] of rows) {
    const f = factAt(records, recordKind(kind), i);
    if (f === undefined) continue;
    if (measure === 'yi') sum += kind === 'funds' ? f.amountYi : (f.investmentYi ?? 0);
    else if (measure === 'usd') sum += f.foreignUsd;
    else if (measure === 'valid') sum += f.valid ? 1 : 0;
    else if (measure === 'visits') sum += f.visits;
  }
  if (measure === 'yi') return `合计 ${fmtYi(sum)} 亿元`;
  if (measure === 'usd') return `合计 ${fmtYi(sum)} 万美元`;
  if (measure === 'valid') return `其中有效 ${fmtInt(sum)} 条`;
  if (measure === 'visits') return `拜访企业 ${fmtInt(sum)} 家`;
  return '';
}

/** Sorted indexes as ranges. @example ranges([0, 1, 2, 5, 7, 8]) // '0-2,5,7-8' */
export function ranges(indexes: Iterable<number>): string {
  const xs = [...new Set(indexes)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < xs.length;) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1] === xs[j]! + 1) j++;
    out.push(i === j ? String(xs[i]) : `${xs[i]}-${xs[j]}`);
    i = j + 1;
  }
  return out.join(',');
}

/** Builds the drill page of a period from its own snapshot. */
export function drillView(data: Pick<PeriodData, 'period' | 'records' | 'metrics'>): DrillView {
  const { records, metrics } = data;
  const figures = periodFigures(metrics, records);

  // 1. where each source row is in its ledger's records
  const lookup = new Map<RecordKind, Map<string, number>>();
  for (const k of SECTION_KINDS) {
    if (k === 'overdue') continue;
    lookup.set(k, new Map(records[k].map((r, i) => [refKey(r.src), i])));
  }
  const find = (kind: SectionKind, ref: SourceRef) => lookup.get(recordKind(kind))?.get(refKey(ref));

  // 2. the rows of each section: every row some figure counts
  const unresolved: SourceRef[] = [];
  const seenBad = new Set<string>();
  const bySection = new Map<SectionKind, Set<number>>(SECTION_KINDS.map((k) => [k, new Set<number>()]));
  for (const f of figures) {
    for (const ref of f.refs) {
      const i = find(f.section, ref);
      if (i !== undefined) bySection.get(f.section)!.add(i);
      else if (!seenBad.has(refKey(ref))) {
        seenBad.add(refKey(ref));
        unresolved.push(ref);
      }
    }
  }

  // 3. lay out: section → unit (units-table order, unknown names, then none) → source → row
  const unitOrder = new Map(metrics.units.map((u, i) => [u.unit, i]));
  const unitRank = (u: string | null) => (u === null ? Number.MAX_SAFE_INTEGER : (unitOrder.get(u) ?? unitOrder.size));
  const overdueDays = new Map(metrics.overdue.map((o) => [refKey(o.src), o.daysOverdue]));
  const position = new Map<string, number>(); // `${section}:${record index}` → page row index
  let next = 0;
  const sections: DrillSection[] = [];
  for (const kind of SECTION_KINDS) {
    const idx = [...bySection.get(kind)!];
    const pointed = figures.filter((f) => f.section === kind);
    if (idx.length === 0 && pointed.length === 0) continue;
    const recs = records[recordKind(kind)];
    const unitOf = (i: number) => factAt(records, recordKind(kind), i)?.unit ?? recs[i]?.unit ?? null;
    // units with rows, and units a figure points at (a figure of 0 rows still lands on its section)
    const named = [...idx.map(unitOf), ...pointed.flatMap((f) => (f.unit === undefined ? [] : [f.unit]))];
    const units = [...new Set(named)].sort(
      (a, b) => unitRank(a) - unitRank(b) || (a ?? '').localeCompare(b ?? '', 'zh-CN'),
    );
    const measure: Measure = kind === 'leads' ? 'valid' : kind === 'trips' ? 'visits' : 'yi';
    sections.push({
      kind,
      anchor: kind,
      title: FIGURE_LABELS[kind],
      columns: COLUMNS[kind].labels,
      numeric: COLUMNS[kind].numeric,
      count: idx.length,
      total: totalText(
        records,
        idx.map((i) => [kind, i] as const),
        measure,
      ),
      units: units.map((unit) => {
        const mine = idx.filter((i) => unitOf(i) === unit);
        const sources = new Map<string, DrillSource & { idx: number[] }>();
        for (const i of mine) {
          const src = recs[i]!.src;
          const key = `${src.file}\u0000${src.sheet}`;
          const s = sources.get(key) ?? { file: src.file, sheet: src.sheet, rows: [], idx: [] };
          s.idx.push(i);
          sources.set(key, s);
        }
        const ordered = [...sources.values()].sort((a, b) =>
          a.file === b.file ? (a.sheet < b.sheet ? -1 : 1) : a.file < b.file ? -1 : 1,
        );
        for (const s of ordered) {
          s.idx.sort((a, b) => recs[a]!.src.row - recs[b]!.src.row);
          for (const i of s.idx) {
            position.set(`${kind}:${i}`, next++);
            s.rows.push({ row: recs[i]!.src.row, cells: cellsOf(records, kind, i, overdueDays) });
          }
        }
        return {
          anchor: sectionAnchor(kind, unit),
          label: unit ?? '未落实单位',
          count: mine.length,
          total: totalText(
            records,
            mine.map((i) => [kind, i] as const),
            measure,
          ),
          sources: ordered.map(({ file, sheet, rows }) => ({ file, sheet, rows })),
        };
      }),
    });
  }

  // 4. each figure's rows as page row ranges, with its total
  const figureMap: DrillView['figures'] = {};
  for (const f of figures) {
    const rows: (readonly [SectionKind, number])[] = [];
    const at: number[] = [];
    for (const ref of f.refs) {
      const i = find(f.section, ref);
      if (i === undefined) continue;
      rows.push([f.section, i]);
      at.push(position.get(`${f.section}:${i}`)!);
    }
    figureMap[f.id] = [f.label, ranges(at), totalText(records, rows, f.measure)];
  }
  return { period: data.period, sections, figures: figureMap, unresolved };
}

/**
 * JSON for an inline `<script type="application/json">`: `<`, `>`, `&` and the JavaScript line
 * separators are escaped, so ledger text can never close the script element.
 *
 * @example jsonForScript({ a: '</script>' }) // '{"a":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
