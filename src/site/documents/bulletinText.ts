import type { OverviewRow } from '../bulletin/bulletin.ts';

/**
 * The drafted sentences of the monthly 通报 .docx (一、总体情况), as a clerk would write them, from
 * the web bulletin's own rows (`bulletinView(...).overview`): the same rounded figures, in words.
 * Pure: rows in, text out.
 */

/** The overview rows the sentences need, by label (`签约项目`, `签约金额`, …). */
export type OverviewRows = readonly Pick<
  OverviewRow,
  'label' | 'unit' | 'month' | 'ytd' | 'yoy' | 'rate' | 'base' | 'baseActual' | 'progress'
>[];

function row(rows: OverviewRows, label: string) {
  return rows.find((r) => r.label === label) ?? null;
}

/** `，同比增长12.4%`, or nothing when there is no 同比 (`—`). */
function yoyPart(yoy: string): string {
  return yoy === '—' ? '' : `，${yoy}`;
}

/**
 * `，完成全区年度目标的77.2%，低于序时进度6.1个百分点`; for a target made of units' targets
 * `，完成13个单位目标合计的60.0%（这些单位累计52.00亿元），…`; nothing without a target.
 */
export function completionPart(r: Pick<OverviewRow, 'unit' | 'rate' | 'base' | 'baseActual' | 'progress'>): string {
  if (r.rate === null || r.base === null) return '';
  const base =
    r.base === '全区目标'
      ? '全区年度目标'
      : `${r.base}${r.baseActual === null ? '' : `（这些单位累计${r.baseActual}${r.unit}）`}`;
  return `，完成${base}的${r.rate}${r.progress ? `，${r.progress.text}` : ''}`;
}

/** `开工项目12个，同比增长9.1%`: a figure with its unit and 同比 (completion is in 表1). */
function figure(r: NonNullable<ReturnType<typeof row>>, name = r.label): string {
  return `${name}${r.ytd.text}${r.unit}${yoyPart(r.yoy)}`;
}

/**
 * The paragraphs of 一、总体情况: 签约 累计 with 同比, completion and 序时进度, 本月; then 开工 / 投产 /
 * 到位资金 / 外资到位 with 同比; then 招商信息 and 外出招商 (the other completions are in 表1).
 * `span` e.g. `1—10月`, `month` 1–12.
 *
 * @example
 * overviewParagraphs(rows, '1—10月', 10)[0]
 * // '1—10月，全区累计签约项目159个，签约金额672.29亿元，同比增长12.4%，完成全区年度目标的77.2%，低于序时进度6.1个百分点。其中10月签约项目14个，签约金额35.20亿元。'
 */
export function overviewParagraphs(rows: OverviewRows, span: string, month: number): string[] {
  const count = row(rows, '签约项目');
  const yi = row(rows, '签约金额');
  const out: string[] = [];
  if (count && yi) {
    const countYoy = count.yoy === '—' ? '' : `（${count.yoy}）`;
    let s = `${span}，全区累计签约项目${count.ytd.text}个${countYoy}，签约金额${yi.ytd.text}亿元${yoyPart(yi.yoy)}${completionPart(yi)}。`;
    if (month > 1) s += `其中${month}月签约项目${count.month.text}个，签约金额${yi.month.text}亿元。`;
    const foreign = row(rows, '其中外资');
    if (foreign && foreign.ytd.text !== '0.00') s += `累计签约外资${foreign.ytd.text}万美元。`;
    out.push(s);
  }
  const flows = [row(rows, '开工项目'), row(rows, '投产项目'), row(rows, '到位资金'), row(rows, '外资到位')].filter(
    (r): r is NonNullable<typeof r> => r !== null,
  );
  if (flows.length > 0) {
    const names: Record<string, string> = { 开工项目: '累计开工项目', 外资到位: '外资到位' };
    out.push(`${flows.map((r) => figure(r, names[r.label] ?? r.label)).join('；')}。`);
  }
  const leads = row(rows, '有效信息');
  const trips = row(rows, '外出招商');
  const visits = row(rows, '拜访企业');
  const parts: string[] = [];
  if (leads) parts.push(`收集有效招商信息${leads.ytd.text}条${yoyPart(leads.yoy)}`);
  if (trips)
    parts.push(
      `外出招商${trips.ytd.text}批次${yoyPart(trips.yoy)}${visits ? `，拜访企业${visits.ytd.text}家${yoyPart(visits.yoy)}` : ''}`,
    );
  if (parts.length > 0) out.push(`${span}，全区累计${parts.join('；')}。`);
  return out;
}

/** A list of names in words: `甲镇、乙镇和丙局`. */
export function namesInWords(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join('、')}和${names[names.length - 1]}`;
}

/**
 * 红榜 / 黑榜 in words, per 分组 when the lists have groups (contract §7), in rank order.
 *
 * @example redBlackSentences([{group: '乡镇', unit: '甲镇'}], [], 3)
 * // ['红榜：乡镇组甲镇。', '黑榜：排名后3位的单位均达到序时进度，本期无单位列入黑榜。']
 */
export function redBlackSentences(
  red: readonly { group: string | null; unit: string }[],
  black: readonly { group: string | null; unit: string }[],
  size: number,
): string[] {
  const byGroup = (list: readonly { group: string | null; unit: string }[]) => {
    const groups = [...new Set(list.map((e) => e.group))];
    return groups
      .map((g) => {
        const names = namesInWords(list.filter((e) => e.group === g).map((e) => e.unit));
        return g === null ? names : `${g}${g.endsWith('组') ? '' : '组'}${names}`;
      })
      .join('；');
  };
  return [
    red.length > 0 ? `红榜：${byGroup(red)}。` : `红榜：排名前${size}位的单位均未达到序时进度，本期无单位列入红榜。`,
    black.length > 0 ? `黑榜：${byGroup(black)}。` : `黑榜：排名后${size}位的单位均达到序时进度，本期无单位列入黑榜。`,
  ];
}
