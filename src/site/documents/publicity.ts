import { fmtScore } from '../../metrics/format.ts';
import type { PeriodMetrics, ScoreItem } from '../../schemas/metrics.ts';
import type { Target, Unit } from '../../schemas/records.ts';
import { periodLabel } from '../data.ts';
import { type RankingPeriod, quarterLabel, rankText } from '../ranking/ranking.ts';
import { rankingPageView } from '../ranking/rankingPage.ts';
import { itemLabel } from '../bulletin/bulletinUnits.ts';
import { type DocumentSettings, issueDate } from '../../documents/docSettings.ts';
import { formulaBody, groupFormula, manualFormula, scoreFormula, totalFormulas } from './scoreFormula.ts';
import { redBlackSentences } from './bulletinText.ts';

/**
 * The 考核结果公示 of one ranking (contract §11, `rankings/<key>.docx` and `.xlsx`), as plain data:
 * per unit every scored row with 目标, 实际, 计分方式 and the score as a formula, 封顶组 and 人工评分
 * lines, the total (raw and 百分制), rank and group rank; the summary table; 公示期 and 异议. Built
 * on the ranking page's own view (`rankingPageView`), so order, ranks and texts agree with it.
 */

/** One line of a unit's score. */
export interface PublicityLine {
  kind: '指标' | '封顶组' | '人工评分';
  /** e.g. `签约金额（亿元）`, `封顶组：外出拜访加分`, `举行签约活动`. */
  label: string;
  /** 基本 / 加分 / 扣分. */
  category: string;
  target: string;
  actual: string;
  /** 计分方式 in words, or for 人工评分 its 依据. */
  rule: string;
  /** The score as a formula. */
  formula: string;
  /** Points of the line (a row inside a 封顶组: before the group cap). */
  points: number;
  /** 满分 of a basic row, `null` otherwise. */
  fullMarks: number | null;
}

export interface PublicityUnit {
  unit: string;
  group: string | null;
  ranked: boolean;
  /** `3`, `3（并列）`, `—`. */
  rank: string;
  groupRank: string;
  /** e.g. `综合第5名（并列） · 乡镇园区组第3名`. */
  standing: string;
  basic: number;
  bonus: number;
  deduction: number;
  raw: number;
  fullMarks: number;
  percent: number | null;
  pool: number | null;
  lines: PublicityLine[];
  totals: { total: string; percent: string | null; pool: string | null };
}

export interface PublicityView {
  key: string;
  period: string;
  /** e.g. `关于2025年第三季度招商引资考核结果的公示`. */
  title: string;
  /** e.g. `2025年1—9月`. */
  range: string;
  percentScale: boolean;
  /** `较上期：与2025年9月排名相比`. */
  compare: string;
  units: PublicityUnit[];
  redBlack: string[];
  /** 成文日期 in words and ISO. */
  date: { iso: string; text: string };
  publicity: string;
  objection: string;
  /** Contact given in site.json; `null`: the document marks a place to fill in. */
  objectionContact: string | null;
  issuer: string;
}

/** Output path. @example publicityPath('2025-Q3', 'docx') // 'rankings/2025-Q3.docx' */
export function publicityPath(key: string, ext: 'docx' | 'xlsx'): string {
  return `rankings/${key}.${ext}`;
}

/**
 * What is published: `2025年10月`, `2025年第三季度`, `2025年上半年`, `2025年度`.
 *
 * @example publicityName({ kind: 'quarter', period: '2025-06' }) // '2025年上半年'
 */
export function publicityName(rp: Pick<RankingPeriod, 'kind' | 'period'>): string {
  const y = rp.period.slice(0, 4);
  if (rp.kind === 'month') return periodLabel(rp.period);
  if (rp.period.endsWith('-06')) return `${y}年上半年`;
  if (rp.period.endsWith('-12')) return `${y}年度`;
  return quarterLabel(rp.period);
}

/** The view of one ranking's 公示. */
export function publicityView(
  rp: RankingPeriod,
  metrics: PeriodMetrics,
  units: readonly Unit[],
  targets: readonly Target[],
  settings: DocumentSettings,
): PublicityView {
  const page = rankingPageView(rp, metrics, units, targets, () => '');
  const rows = new Map([...page.view.ranked, ...page.view.unranked].map((r) => [r.unit, r]));
  const itemsOf = new Map(metrics.units.map((u) => [u.unit, u.items]));
  const out: PublicityUnit[] = page.breakdowns.flatMap((b) => {
    const d = b.detail;
    const r = rows.get(b.unit);
    if (!d || !r) return [];
    const items = itemsOf.get(b.unit) ?? [];
    const lines: PublicityLine[] = [];
    const done = new Set<string>();
    for (const l of b.lines) {
      const item = items[l.index];
      if (!item) continue;
      const label = itemLabel(item);
      lines.push({
        kind: '指标',
        label,
        category: l.category,
        target: l.method === '扣分' ? '—' : l.targetText,
        actual: l.actualText,
        rule: l.ruleText,
        formula: l.capGroup ? `${formulaBody(item)}（计入封顶组“${l.capGroup}”）` : scoreFormula(item),
        points: l.points,
        fullMarks: l.category === '基本' ? l.maxPoints : null,
      });
      // the group line after its last row
      const g = l.capGroup;
      if (g !== null && !done.has(g) && !b.lines.some((x) => x.index > l.index && x.capGroup === g)) {
        done.add(g);
        const group = d.groups.find((x) => x.name === g);
        const members = b.lines.filter((x) => x.capGroup === g).flatMap((x) => items[x.index] ?? []);
        if (group)
          lines.push({
            kind: '封顶组',
            label: `封顶组：${g}`,
            category: group.category,
            target: '—',
            actual: '—',
            rule:
              group.cap === null
                ? '组内各项相加，不封顶'
                : `组内各项相加，${group.category === '扣分' ? '最多扣' : '封顶'}${fmtCap(group.cap)}分`,
            formula: groupFormula(group, members as ScoreItem[]),
            points: group.points,
            fullMarks: null,
          });
      }
    }
    for (const m of d.manual)
      lines.push({
        kind: '人工评分',
        label: m.item,
        category: m.points >= 0 ? '加分' : '扣分',
        target: '—',
        actual: '—',
        rule: m.basis ? `依据：${m.basis}` : '依据：未填写',
        formula: manualFormula(m),
        points: m.points,
        fullMarks: null,
      });
    return [
      {
        unit: b.unit,
        group: b.group,
        ranked: r.ranked && r.rank !== null,
        rank: r.ranked ? rankText(r.rank, r.tied) : '不参与排名',
        groupRank: r.groupRank === null ? '—' : rankText(r.groupRank, r.groupTied),
        standing: b.standing,
        basic: d.basic,
        bonus: d.bonus,
        deduction: d.deduction,
        raw: d.raw,
        fullMarks: d.fullMarks,
        percent: d.percent,
        pool: d.pool,
        lines,
        totals: totalFormulas(d),
      },
    ];
  });
  const date = issueDate(rp.period, settings.issueDay);
  const range = metrics.month === 1 ? `${metrics.year}年1月` : `${metrics.year}年1—${metrics.month}月`;
  return {
    key: rp.key,
    period: rp.period,
    title: `关于${publicityName(rp)}招商引资考核结果的公示`,
    range,
    percentScale: page.view.percentScale,
    compare: page.compare,
    units: out,
    redBlack:
      page.view.ranked.length === 0
        ? []
        : redBlackSentences(
            page.view.red.map((r) => ({ group: r.group, unit: r.unit })),
            page.view.black.map((b) => ({ group: b.row.group, unit: b.row.unit })),
            page.view.size,
          ),
    date,
    publicity: `公示期为${settings.publicityDays}个工作日，自${date.text}起。`,
    objection: `公示期内，各单位对本单位得分有异议的，请以书面形式向${settings.issuer}提出，并附台账行或文件依据；逾期未提出的，视为无异议。`,
    objectionContact: settings.objectionContact,
    issuer: settings.issuer,
  };
}

const fmtCap = (x: number) => String(Math.round(x * 1e4) / 1e4);

/** A score as printed. */
export const scoreText = (x: number | null): string => (x === null ? '—' : fmtScore(x));
