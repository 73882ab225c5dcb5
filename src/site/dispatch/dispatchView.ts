import { fmtInt, fmtYi } from '../../metrics/format.ts';
import type { DispatchSheet } from '../../schemas/dispatch.ts';
import type { Column } from '../table.ts';

/**
 * The weekly 调度 sheet as shown (`dispatch/<date>.html`) and as handed out (`dispatch/<date>.docx`):
 * the same sections, columns and cell texts for both. Pure.
 */

/** Output path of a 调度 sheet, e.g. `dispatch/2025-10-15.html`. */
export const dispatchPage = (date: string): string => `dispatch/${date}.html`;
/** The Word version beside it. */
export const dispatchDocx = (date: string): string => `dispatch/${date}.docx`;

/** `2025-10-15` → `2025年10月15日`. */
export function dateLabel(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** One row: its cell texts (in column order) and the project page of its name cell, if any. */
export interface DispatchRow {
  cells: string[];
  /** Output path of the project page, or null (a project only a dated snapshot knows has none). */
  link: string | null;
}

/** A column: header, share of the width in the .docx, alignment; `link` marks the project-name cell. */
export interface DispatchColumn {
  label: string;
  width: number;
  align?: 'left' | 'center' | 'right';
  link?: boolean;
}

export interface DispatchSection {
  id: string;
  /** e.g. `一、新签约、新开工、新投产项目`. */
  title: string;
  columns: DispatchColumn[];
  rows: DispatchRow[];
  /** Shown when there are no rows, e.g. `本期无新签约、开工、投产项目`. */
  empty: string;
  note?: string;
}

export interface DispatchView {
  date: string;
  /** `2025年10月15日`. */
  dateText: string;
  /** e.g. `周调度（月中快照）` or `月末调度`. */
  kindText: string;
  title: string;
  /** The Word version's title (the date on its own line below), e.g. `青川经济开发区招商引资项目调度表`. */
  docTitle: string;
  /** `与2025年10月8日快照相比` or `首期快照，无上期可比较`. */
  compareText: string;
  /** Headline counts, e.g. `新签约 1 个`, in section order. */
  summary: { label: string; count: number; anchor: string }[];
  sections: DispatchSection[];
  /** One row per unit (and 合计): what the meeting goes through unit by unit; the .docx is this table. */
  byUnit: DispatchSection;
  folder: string;
  /** Reading problems of a dated folder: `file › sheet 第n行：message`. */
  issues: string[];
  page: string;
  docx: string;
}

const yi = (x: number | undefined) => (x === undefined ? '—' : fmtYi(x));
const or = (s: string | undefined) => (s === undefined || s === '' ? '—' : s);

/**
 * @param projectPageOf output path of a project's page by project key, or null when it has none
 */
export function dispatchView(
  s: DispatchSheet,
  projectPageOf: (key: string) => string | null,
  o: { zoneName: string; units?: readonly string[] },
): DispatchView {
  const link = (key: string) => projectPageOf(key);
  const milestones: DispatchRow[] = [
    ...s.signed.map((r) => ({ what: '新签约', r })),
    ...s.started.map((r) => ({ what: '新开工', r })),
    ...s.producing.map((r) => ({ what: '新投产', r })),
  ].map(({ what, r }) => ({
    cells: [what, r.name, or(r.unit), r.date, yi(r.investmentYi)],
    link: link(r.key),
  }));
  const first = s.previous === null;
  const none = (what: string) => (first ? '首期快照，无上期可比较' : what);
  const sections: DispatchSection[] = [
    {
      id: 'milestones',
      title: '一、新签约、新开工、新投产项目',
      columns: [
        { label: '事项', width: 8, align: 'center' },
        { label: '项目名称', width: 30, link: true },
        { label: '责任单位', width: 16 },
        { label: '日期', width: 12, align: 'center' },
        { label: '总投资（亿元）', width: 10, align: 'right' },
      ],
      rows: milestones,
      empty: none('本期无新签约、开工、投产项目'),
    },
    {
      id: 'leads',
      title: '二、新增招商信息及研判',
      columns: [
        { label: '变化', width: 8, align: 'center' },
        { label: '项目名称', width: 24, link: true },
        { label: '企业', width: 16 },
        { label: '报送单位', width: 14 },
        { label: '报送日期', width: 12, align: 'center' },
        { label: '研判结果', width: 12, align: 'center' },
      ],
      rows: s.leads.map((r) => ({
        cells: [
          r.change === '新增' ? '新增' : '研判',
          r.name,
          or(r.company),
          or(r.unit),
          r.reportDate,
          r.change === '研判变化' ? `${r.fromVerdict ?? '未研判'}→${r.verdict ?? '未研判'}` : (r.verdict ?? '待研判'),
        ],
        link: link(r.key),
      })),
      empty: none('本期无新增招商信息'),
    },
    {
      id: 'negotiating',
      title: '三、在谈项目进展',
      columns: [
        { label: '变化', width: 10, align: 'center' },
        { label: '项目名称', width: 22, link: true },
        { label: '责任单位', width: 13 },
        { label: '洽谈阶段', width: 14, align: 'center' },
        { label: '最新进展', width: 27 },
        { label: '更新日期', width: 11, align: 'center' },
      ],
      rows: s.negotiating.map((r) => ({
        cells: [
          r.change,
          r.name,
          or(r.unit),
          r.change === '阶段变化' ? `${r.fromStage ?? '未填'}→${r.stage ?? '未填'}` : or(r.stage),
          or(r.progress),
          or(r.updatedDate),
        ],
        link: link(r.key),
      })),
      empty: none('本期在谈项目阶段、进展无变化'),
    },
    {
      id: 'stalled',
      title: '四、停滞项目（30天、60天无进展）',
      note: '在谈项目的洽谈阶段、最新进展和更新日期自“最后变化”以来各期快照均未改变；60天以上为红色预警。',
      columns: [
        { label: '停滞', width: 9, align: 'center' },
        { label: '项目名称', width: 22, link: true },
        { label: '责任单位', width: 13 },
        { label: '洽谈阶段', width: 11, align: 'center' },
        { label: '最新进展', width: 22 },
        { label: '最后变化', width: 12, align: 'center' },
        { label: '天数', width: 7, align: 'right' },
      ],
      rows: s.stalled.map((r) => ({
        cells: [
          r.level === 60 ? '60天以上' : '30天以上',
          r.name,
          or(r.unit),
          or(r.stage),
          or(r.progress),
          r.since,
          fmtInt(r.days),
        ],
        link: link(r.key),
      })),
      empty: '无30天以上无进展的在谈项目',
    },
    {
      id: 'overdue',
      title: '五、签约超期未开工督办',
      note: `签约满${s.overdueDays}天（site.json overdueDays）仍未开工的项目，按超期天数排列；“新增”为上期快照时尚未超期。`,
      columns: [
        { label: '督办', width: 7, align: 'center' },
        { label: '项目名称', width: 28, link: true },
        { label: '责任单位', width: 17 },
        { label: '签约日期', width: 12, align: 'center' },
        { label: '总投资（亿元）', width: 10, align: 'right' },
        { label: '超期（天）', width: 9, align: 'right' },
      ],
      rows: s.overdue.map((r) => ({
        cells: [
          r.isNew ? '新增' : '',
          r.name,
          r.claimUnits ? `${r.unit}（重复申报：${r.claimUnits.join('、')}）` : r.unit,
          r.signDate,
          fmtYi(r.investmentYi),
          fmtInt(r.daysOverdue),
        ],
        link: r.key === null ? null : link(r.key),
      })),
      empty: '无签约超期未开工项目',
    },
  ];
  const count = (id: string) => sections.find((x) => x.id === id)?.rows.length ?? 0;
  const byUnit = unitSummary(s, o.units ?? []);
  const newOverdue = s.overdue.filter((r) => r.isNew).length;
  const dateText = dateLabel(s.date);
  return {
    date: s.date,
    dateText,
    kindText: s.kind === 'dated' ? '周调度（月中快照）' : '月末调度',
    title: `${o.zoneName}招商引资项目调度表（${dateText}）`,
    docTitle: `${o.zoneName}招商引资项目调度表`,
    compareText: first ? '首期快照，无上期可比较' : `与${dateLabel(s.previous as string)}快照相比`,
    summary: [
      { label: '新签约', count: s.signed.length, anchor: 'milestones' },
      { label: '新开工', count: s.started.length, anchor: 'milestones' },
      { label: '新投产', count: s.producing.length, anchor: 'milestones' },
      { label: '新增信息', count: s.leads.filter((r) => r.change === '新增').length, anchor: 'leads' },
      { label: '在谈变化', count: count('negotiating'), anchor: 'negotiating' },
      { label: '停滞60天以上', count: s.stalled.filter((r) => r.level === 60).length, anchor: 'stalled' },
      { label: '停滞30天以上', count: s.stalled.length, anchor: 'stalled' },
      { label: '超期未开工', count: s.overdue.length, anchor: 'overdue' },
      { label: '其中新增督办', count: newOverdue, anchor: 'overdue' },
    ],
    sections,
    byUnit,
    folder: s.folder,
    issues: s.issues.map(
      (i) =>
        `${i.file}${i.sheet ? ` › ${i.sheet}` : ''}${i.row ? ` 第${i.row}行` : ''}：${i.value ? `“${i.value}” ` : ''}${i.message}`,
    ),
    page: dispatchPage(s.date),
    docx: dispatchDocx(s.date),
  };
}

const NO_UNIT = '未填单位';

/**
 * The sheet per unit: new signings, starts and production by name, new leads (有效 / 待研判),
 * 在谈 changes, stalled projects (60-day ones by name) and overdue projects (newly overdue by name).
 * Units in the units table's order (`order`), then the others by name; 合计 last.
 */
export function unitSummary(s: DispatchSheet, order: readonly string[] = []): DispatchSection {
  interface U {
    signed: string[];
    started: string[];
    producing: string[];
    leads: number;
    valid: number;
    open: number;
    neg: number;
    stageMoves: number;
    stalled: number;
    stalled60: string[];
    overdue: number;
    overdueNew: string[];
  }
  const units = new Map<string, U>();
  const at = (unit: string | undefined): U => {
    const k = unit || NO_UNIT;
    let u = units.get(k);
    if (!u) {
      u = {
        signed: [],
        started: [],
        producing: [],
        leads: 0,
        valid: 0,
        open: 0,
        neg: 0,
        stageMoves: 0,
        stalled: 0,
        stalled60: [],
        overdue: 0,
        overdueNew: [],
      };
      units.set(k, u);
    }
    return u;
  };
  for (const o of s.overdue) {
    const u = at(o.unit);
    u.overdue += 1;
    if (o.isNew) u.overdueNew.push(o.name);
  }
  for (const r of s.signed) at(r.unit).signed.push(r.name);
  for (const r of s.started) at(r.unit).started.push(r.name);
  for (const r of s.producing) at(r.unit).producing.push(r.name);
  for (const r of s.leads) {
    if (r.change !== '新增') continue;
    const u = at(r.unit);
    u.leads += 1;
    if (r.verdict === '有效') u.valid += 1;
    else if (r.verdict === undefined || r.verdict === '待研判') u.open += 1;
  }
  for (const r of s.negotiating) {
    const u = at(r.unit);
    u.neg += 1;
    if (r.change === '阶段变化') u.stageMoves += 1;
  }
  for (const r of s.stalled) {
    const u = at(r.unit);
    u.stalled += 1;
    if (r.level === 60) u.stalled60.push(r.name);
  }
  const names = (list: string[]) => (list.length === 0 ? '—' : `${list.length}：${list.join('、')}`);
  const leadText = (u: Pick<U, 'leads' | 'valid' | 'open'>) =>
    u.leads === 0
      ? '—'
      : `${u.leads}（有效${u.valid}，待研判${u.open}${u.leads - u.valid - u.open > 0 ? `，无效${u.leads - u.valid - u.open}` : ''}）`;
  const negText = (u: Pick<U, 'neg' | 'stageMoves'>) =>
    u.neg === 0 ? '—' : u.stageMoves > 0 ? `${u.neg}（阶段推进${u.stageMoves}）` : String(u.neg);
  const stallText = (u: Pick<U, 'stalled' | 'stalled60'>) =>
    u.stalled === 0
      ? '—'
      : u.stalled60.length > 0
        ? `${u.stalled}（60天以上：${u.stalled60.join('、')}）`
        : String(u.stalled);
  const overdueText = (u: Pick<U, 'overdue' | 'overdueNew'>) =>
    u.overdue === 0
      ? '—'
      : u.overdueNew.length > 0
        ? `${u.overdue}（新增：${u.overdueNew.join('、')}）`
        : String(u.overdue);
  const place = (unit: string) => {
    const i = order.indexOf(unit);
    return i < 0 ? order.length : i;
  };
  const sorted = [...units].sort(
    (a, b) =>
      place(a[0]) - place(b[0]) ||
      (a[0] === NO_UNIT ? 1 : 0) - (b[0] === NO_UNIT ? 1 : 0) ||
      (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
  const rows: DispatchRow[] = sorted.map(([unit, u]) => ({
    cells: [
      unit,
      names(u.signed),
      names(u.started),
      names(u.producing),
      leadText(u),
      negText(u),
      stallText(u),
      overdueText(u),
    ],
    link: null,
  }));
  const all = [...units.values()];
  const sum = (f: (u: U) => number) => all.reduce((a, u) => a + f(u), 0);
  const n = (x: number) => (x === 0 ? '—' : String(x));
  if (rows.length > 0)
    rows.push({
      cells: [
        '合计',
        n(s.signed.length),
        n(s.started.length),
        n(s.producing.length),
        leadText({ leads: sum((u) => u.leads), valid: sum((u) => u.valid), open: sum((u) => u.open) }),
        negText({ neg: sum((u) => u.neg), stageMoves: sum((u) => u.stageMoves) }),
        s.stalled.length === 0
          ? '—'
          : `${s.stalled.length}（60天以上${s.stalled.filter((r) => r.level === 60).length}）`,
        s.overdue.length === 0 ? '—' : `${s.overdue.length}（新增${s.overdue.filter((r) => r.isNew).length}）`,
      ],
      link: null,
    });
  return {
    id: 'units',
    title: '分单位调度情况',
    columns: [
      { label: '责任单位', width: 12 },
      { label: '新签约', width: 17 },
      { label: '新开工', width: 14 },
      { label: '新投产', width: 12 },
      { label: '新增信息', width: 11 },
      { label: '在谈变化', width: 9 },
      { label: '停滞', width: 11 },
      { label: '超期未开工', width: 14 },
    ],
    rows,
    empty:
      s.previous === null && s.overdue.length === 0 && s.stalled.length === 0
        ? '首期快照，无上期可比较'
        : '本期无调度事项',
  };
}

/** The columns of a section as `DataTable` columns (cells read by position, the name linked). */
export function sectionColumns(section: DispatchSection): Column<DispatchRow>[] {
  return section.columns.map((c, i) => ({
    key: `c${i}`,
    label: c.label,
    value: (r: DispatchRow) => r.cells[i] ?? '',
    ...(c.link ? { link: (r: DispatchRow) => r.link } : {}),
  }));
}

/** A row of the 调度 index (`dispatch.html`): one per sheet, newest first. */
export interface DispatchIndexRow {
  date: string;
  dateText: string;
  kindText: string;
  page: string;
  docx: string;
  counts: {
    signed: number;
    started: number;
    producing: number;
    leads: number;
    negotiating: number;
    stalled: number;
    overdue: number;
  };
}

export function dispatchIndex(sheets: readonly DispatchSheet[]): DispatchIndexRow[] {
  return [...sheets].reverse().map((s) => ({
    date: s.date,
    dateText: dateLabel(s.date),
    kindText: s.kind === 'dated' ? '月中快照' : '月末',
    page: dispatchPage(s.date),
    docx: dispatchDocx(s.date),
    counts: {
      signed: s.signed.length,
      started: s.started.length,
      producing: s.producing.length,
      leads: s.leads.filter((r) => r.change === '新增').length,
      negotiating: s.negotiating.length,
      stalled: s.stalled.length,
      overdue: s.overdue.length,
    },
  }));
}
