import type { Issue } from '../schemas/issue.ts';
import type { SnapshotRecords, SourceRef } from '../schemas/records.ts';
import { findNearMisses, projectNameKey } from './names.ts';
import { isRecognised } from './recognition.ts';
import { Numbering } from '../schemas/arrays.ts';

type Linkable = {
  key?: string | undefined;
  code?: string | undefined;
  name: string;
  unit?: string | undefined;
  src: SourceRef;
};

const LABEL = {
  started: '开工',
  producing: '投产',
  funds: '到位资金',
  negotiating: '在谈',
  leads: '招商信息',
} as const;

/**
 * Gives every record of one snapshot its project key (contract §6) and fills a missing 责任单位
 * from the project's 签约 row. A project is the same across ledgers when 项目编号 match or, when
 * no code is given, when names match after `projectNameKey`. Near misses are suggested, never joined.
 * Mutates the records' `key` and `unit`; returns the warnings.
 */
export function linkProjects(records: SnapshotRecords, period: string): Issue[] {
  const issues: Issue[] = [];
  const byCode = new Map<string, string>();
  const byName = new Map<string, string>();
  const unitOf = new Map<string, string>();

  /** key → the first row of each unit claiming it */
  const claims = new Map<string, Array<{ unit: string; src: SourceRef; name: string }>>();
  for (const s of records.signed) {
    const nameKey = projectNameKey(s.name);
    s.key = s.code ? `code:${s.code}` : `name:${nameKey}`;
    if (s.code) byCode.set(s.code, s.key);
    if (!byName.has(nameKey)) byName.set(nameKey, s.key);
    if (!unitOf.has(s.key)) unitOf.set(s.key, s.unit);
    // a 未认定 row counts nowhere, so it neither duplicates nor disputes a counted one
    if (!isRecognised(s)) continue;
    const rows = claims.get(s.key) ?? [];
    const sameUnit = rows.find((r) => r.unit === s.unit);
    if (sameUnit) {
      issues.push({
        severity: 'warning',
        code: 'duplicate_row',
        ...at(s.src, period, s.unit),
        column: s.code ? '项目编号' : '项目名称',
        value: s.code ?? s.name,
        message: `与${where(sameUnit.src, s.src)}是同一单位的同一项目，只计一次：如为重复登记请删除一行；如确为两个项目，请填写不同的项目编号或名称`,
      });
    } else rows.push({ unit: s.unit, src: s.src, name: s.name });
    claims.set(s.key, rows);
  }
  for (const rows of claims.values()) {
    if (rows.length < 2) continue;
    const [first, ...others] = rows as [(typeof rows)[number], ...typeof rows];
    const units = rows.map((r) => r.unit);
    issues.push({
      severity: 'warning',
      code: 'duplicate_claim',
      ...at(first.src, period, first.unit),
      column: '责任单位',
      value: units.join('、'),
      message: `“${first.name}”由 ${units.join('、')} 重复申报（${rows.map((r) => where(r.src, first.src)).join('；')}）：全区只计一次，各申报单位暂都计入并标注“重复申报”，请核实后只保留责任单位的一行`,
    });
    for (const o of others) {
      issues.push({
        severity: 'warning',
        code: 'duplicate_claim',
        ...at(o.src, period, o.unit),
        column: '责任单位',
        value: units.join('、'),
        message: `“${o.name}”已由${first.unit}申报（${where(first.src, o.src)}），与本行重复申报：全区只计一次，请核实后只保留责任单位的一行`,
      });
    }
  }

  const signedNames = [...new Set(records.signed.map((s) => s.name))];
  const link = (kind: keyof typeof LABEL, rows: Linkable[], warnUnmatched: boolean) => {
    const unmatched: Linkable[] = [];
    for (const r of rows) {
      const nameKey = projectNameKey(r.name);
      const key = (r.code ? byCode.get(r.code) : undefined) ?? byName.get(nameKey);
      if (key) {
        r.key = key;
        if (!r.unit) {
          const u = unitOf.get(key);
          if (u) r.unit = u;
        }
      } else {
        r.key = r.code ? `code:${r.code}` : `name:${nameKey}`;
        unmatched.push(r);
      }
    }
    // Leads and negotiations are often not signed yet: only signed-stage ledgers get suggestions.
    if (unmatched.length === 0 || !warnUnmatched) return;
    const suggestions = new Map<string, string>();
    for (const m of findNearMisses([...new Set(unmatched.map((r) => r.name))], signedNames)) {
      if (!suggestions.has(m.name)) suggestions.set(m.name, m.candidate);
    }
    for (const r of unmatched) {
      const candidate = suggestions.get(r.name);
      if (candidate) {
        issues.push({
          severity: 'warning',
          code: 'suggested_match',
          ...at(r.src, period, r.unit),
          column: '项目名称',
          value: r.name,
          message: `${LABEL[kind]}台账中的“${r.name}”在签约台账中没有同名项目，疑似“${candidate}”：如为同一项目，请统一项目名称或填写相同的项目编号（未自动合并）`,
        });
      } else if (warnUnmatched) {
        issues.push({
          severity: 'warning',
          code: 'unmatched_start',
          ...at(r.src, period, r.unit),
          column: r.code ? '项目编号' : '项目名称',
          value: r.code ?? r.name,
          message: `${LABEL[kind]}台账中的“${r.name}”在签约台账中找不到对应项目，已按${LABEL[kind]}计入：请核对项目编号或名称，或补录签约台账`,
        });
      }
    }
  };
  link('started', records.started, true);
  link('producing', records.producing, true);
  link('funds', records.funds, true);
  // Leads and negotiations become projects before they are signed: no warning when unmatched.
  link('negotiating', records.negotiating, false);
  link('leads', records.leads, false);
  return issues;
}

/** `第12行（签约项目表.xlsx › 2025年）`: a row named for a message about another row. */
const where = (src: SourceRef, from: SourceRef): string =>
  `第${src.row}行（${src.file === from.file ? '' : `${src.file} › `}${src.sheet}）`;

const at = (src: SourceRef, period: string, unit: string | undefined) => ({
  file: src.file,
  sheet: src.sheet,
  row: src.row,
  period,
  ...(unit ? { unit } : {}),
});

/** The kinds whose records `linkProjects` gives a key (and maybe a unit), in the order it does. */
const LINKED = ['signed', 'started', 'producing', 'funds', 'negotiating', 'leads'] as const;

/**
 * What `linkProjects` did to one snapshot's records, to do again without linking (a warm build,
 * `dataStage.ts`): each record's key, and the units it filled in, with the keys stored once.
 */
export interface LinkPatch {
  keys: string[];
  /** Per linked kind, each record's key (an index into `keys`). */
  keyOf: Record<(typeof LINKED)[number], Uint32Array>;
  /** Per linked kind, `[record index, unit]` of each unit filled in from the 签约 row. */
  units: Record<(typeof LINKED)[number], [number, string][]>;
}

/** `linkProjects`, also returning what it did to the records as a {@link LinkPatch}. */
export function linkProjectsWithPatch(records: SnapshotRecords, period: string): { issues: Issue[]; patch: LinkPatch } {
  const unitsBefore = LINKED.map((kind) => (records[kind] as Linkable[]).map((r) => r.unit));
  const issues = linkProjects(records, period);
  const keys = new Numbering<string>();
  const keyOf = {} as LinkPatch['keyOf'];
  const units = {} as LinkPatch['units'];
  LINKED.forEach((kind, k) => {
    const rows = records[kind] as Linkable[];
    const ids = new Uint32Array(rows.length);
    const filled: [number, string][] = [];
    rows.forEach((r, i) => {
      ids[i] = keys.of(r.key as string);
      if (r.unit !== unitsBefore[k]![i]) filled.push([i, r.unit as string]);
    });
    keyOf[kind] = ids;
    units[kind] = filled;
  });
  return { issues, patch: { keys: keys.values, keyOf, units } };
}

/**
 * Does to `records` (read again, not yet linked) what `linkProjects` did when `patch` was made:
 * the same assignments in the same order (the key, then a filled-in unit), so the records come
 * out the same to the property order.
 */
export function applyLinkPatch(records: SnapshotRecords, patch: LinkPatch): void {
  for (const kind of LINKED) {
    const rows = records[kind] as Linkable[];
    const ids = patch.keyOf[kind];
    const filled = patch.units[kind];
    let next = 0;
    rows.forEach((r, i) => {
      r.key = patch.keys[ids[i] as number];
      if (filled[next]?.[0] === i) r.unit = filled[next++]![1];
    });
  }
}
