import type { FileChild } from 'docx';
import { appendAll } from '../../schemas/arrays.ts';
import { toXlsx } from '../tableExport.ts';
import type { Column } from '../table.ts';
import {
  body,
  caption,
  gongwenDocument,
  heading,
  issuerHead,
  packGongwen,
  placeholder,
  signature,
  table,
  title,
} from '../../documents/gongwen.ts';
import { type PublicityLine, type PublicityUnit, type PublicityView, scoreText } from './publicity.ts';
import type { DocumentSettings } from '../../documents/docSettings.ts';

/**
 * The 考核结果公示 as a Word document and a workbook (contract §11): the same `PublicityView`,
 * written twice. Pure: data in, bytes out (reproducible).
 */

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** `（一）` … `（十）`, `（十一）` … `（九十九）`. */
export function cnOrdinal(i: number): string {
  const k = i + 1;
  if (k <= 10) return `（${CN_NUM[k - 1]}）`;
  const tens = Math.floor(k / 10);
  const ones = k % 10;
  return `（${tens === 1 ? '' : CN_NUM[tens - 1]}十${ones === 0 ? '' : CN_NUM[ones - 1]}）`;
}

function summaryTable(v: PublicityView) {
  const pool = v.units.some((u) => u.pool !== null);
  const cols = [
    { label: '名次', width: 5, align: 'center' as const },
    { label: '单位', width: 12 },
    { label: '分组', width: 9 },
    { label: '组内\n名次', width: 5, align: 'center' as const },
    { label: '基本分', width: 6, align: 'right' as const },
    { label: '加分', width: 5, align: 'right' as const },
    { label: '扣分', width: 5, align: 'right' as const },
    { label: '总分', width: 6, align: 'right' as const },
    { label: '满分', width: 6, align: 'right' as const },
    { label: '百分制', width: 6, align: 'right' as const },
    ...(pool ? [{ label: '分值池', width: 6, align: 'right' as const }] : []),
  ];
  return table(
    cols,
    v.units.map((u) => [
      u.rank,
      u.unit,
      u.group ?? '—',
      u.groupRank,
      scoreText(u.basic),
      scoreText(u.bonus),
      scoreText(u.deduction),
      scoreText(u.raw),
      scoreText(u.fullMarks),
      scoreText(u.percent),
      ...(pool ? [scoreText(u.pool)] : []),
    ]),
    { size: 18 },
  );
}

function unitTable(u: PublicityUnit) {
  return table(
    [
      { label: '序号', width: 3, align: 'center' },
      { label: '指标 / 项目', width: 9 },
      { label: '目标', width: 4.5, align: 'right' },
      { label: '实际', width: 4.5, align: 'right' },
      { label: '计分方式', width: 9 },
      { label: '得分计算', width: 15 },
      { label: '得分', width: 4.5, align: 'right' },
    ],
    u.lines.map((l, i) => [
      String(i + 1),
      l.kind === '指标'
        ? l.label
        : `${l.label}（${l.kind === '封顶组' ? '封顶组' : '人工评分'}）`.replace(
            /^封顶组：(.*)（封顶组）$/,
            '封顶组：$1',
          ),
      l.target,
      l.actual,
      l.rule,
      l.formula,
      scoreText(l.points),
    ]),
    { size: 18 },
  );
}

/** The document's children after the 版头. */
export function publicityChildren(v: PublicityView): FileChild[] {
  const out: FileChild[] = [];
  appendAll(
    out,
    title(v.title.length > 20 ? [v.title.replace(/招商引资考核结果的公示$/, ''), '招商引资考核结果的公示'] : v.title),
  );
  out.push(
    body(
      `根据年度目标任务分解表和考核计分办法，现将${v.range}各单位招商引资考核得分和排名予以公示。${v.publicity}各单位可按下列计算过程逐项核对本单位得分。`,
    ),
  );
  out.push(heading(1, '一、得分和排名'));
  out.push(
    body(
      `排名按${v.percentScale ? '百分制' : '总分'}从高到低，得分保留两位小数后相同的并列；${v.compare}。总分 = 基本分 + 加分 + 扣分；百分制 = 基本分 ÷ 满分 × 100 + 加分 + 扣分。`,
    ),
  );
  out.push(caption('表1　考核得分和排名'));
  out.push(summaryTable(v));
  for (const s of v.redBlack) out.push(body([{ text: s.slice(0, 3), bold: true }, s.slice(3)]));
  out.push(heading(1, '二、各单位得分计算'));
  out.push(
    body(
      '每项得分按计分方式由实际值计算；完成率、实际值印出的位数足以按式复算。各项得分按两位小数印出，合计按未舍入的值相加，可能与逐项相加差0.01分。',
    ),
  );
  v.units.forEach((u, i) => {
    out.push(heading(2, `${cnOrdinal(i)}${u.unit}${u.group ? `（${u.group}）` : ''}：${u.standing}`));
    out.push(unitTable(u));
    out.push(
      body(
        `${u.totals.total}${u.totals.percent ? `；${u.totals.percent}` : ''}${u.totals.pool ? `；${u.totals.pool}` : ''}。`,
      ),
    );
  });
  out.push(heading(1, '三、异议'));
  out.push(body(v.objection));
  if (v.objectionContact) out.push(body(`联系方式：${v.objectionContact}。`));
  else out.push(placeholder('受理异议的科室、联系人和电话'));
  appendAll(out, signature(v.issuer, v.date.text));
  return out;
}

/** The .docx bytes. */
export function publicityDocx(v: PublicityView, settings: DocumentSettings): Promise<Uint8Array<ArrayBuffer>> {
  const doc = gongwenDocument({
    title: v.title,
    creator: settings.issuer,
    head: issuerHead({ issuer: settings.issuer, mark: settings.issuerMark }),
    children: publicityChildren(v),
  });
  return packGongwen(doc, { title: v.title, date: v.date.iso, creator: settings.issuer });
}

/** One row of the workbook: a unit's line, or its total. */
export interface PublicityRow {
  rank: string;
  unit: string;
  group: string;
  groupRank: string;
  kind: string;
  category: string;
  label: string;
  target: string;
  actual: string;
  rule: string;
  formula: string;
  points: number | null;
  fullMarks: number | null;
}

export const publicityColumns: Column<PublicityRow>[] = [
  { key: 'rank', label: '名次' },
  { key: 'unit', label: '单位' },
  { key: 'group', label: '分组' },
  { key: 'groupRank', label: '组内名次' },
  { key: 'kind', label: '行类型' },
  { key: 'category', label: '类别' },
  { key: 'label', label: '指标/项目' },
  { key: 'target', label: '目标' },
  { key: 'actual', label: '实际' },
  { key: 'rule', label: '计分方式/依据' },
  { key: 'formula', label: '得分计算' },
  { key: 'points', label: '得分', format: 'score' },
  { key: 'fullMarks', label: '满分', format: 'score' },
];

/** The workbook rows: each unit's lines, then its 总分 and 百分制 (and 分值池) rows. */
export function publicityRows(v: PublicityView): PublicityRow[] {
  return v.units.flatMap((u) => {
    const base = { rank: u.rank, unit: u.unit, group: u.group ?? '', groupRank: u.groupRank };
    const line = (l: PublicityLine): PublicityRow => ({
      ...base,
      kind: l.kind,
      category: l.category,
      label: l.label,
      target: l.target,
      actual: l.actual,
      rule: l.rule,
      formula: l.formula,
      points: l.points,
      fullMarks: l.fullMarks,
    });
    const total = (kind: string, formula: string, points: number | null, fullMarks: number | null): PublicityRow => ({
      ...base,
      kind,
      category: '',
      label: '',
      target: '',
      actual: '',
      rule: '',
      formula,
      points,
      fullMarks,
    });
    return [
      ...u.lines.map(line),
      total('总分', u.totals.total, u.raw, u.fullMarks),
      ...(u.totals.percent ? [total('百分制', u.totals.percent, u.percent, 100)] : []),
      ...(u.totals.pool ? [total('分值池', u.totals.pool, u.pool, null)] : []),
    ];
  });
}

/** The .xlsx bytes: one sheet, formulas as text (never Excel formulas), scores as numbers. */
export function publicityXlsx(v: PublicityView): Promise<Uint8Array<ArrayBuffer>> {
  return toXlsx(publicityColumns, publicityRows(v), { sheet: `考核结果公示 ${v.key}` });
}
