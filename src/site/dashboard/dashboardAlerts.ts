import type { SiteMeta } from '../../schemas/siteData.ts';
import { fmtInt, fmtPp, fmtRate, fmtYi, progressText } from '../../metrics/format.ts';
import type { PeriodMetrics } from '../../schemas/metrics.ts';
import type { Indicator } from '../../schemas/records.ts';
import { projectPage, unitId, unitPage } from '../data.ts';
import { INDICATOR_SECTION, drillHref, sectionAnchor } from '../drill.ts';
import { scoreFigureId } from '../ranking/rankingBreakdown.ts';
import { fmtIndicator, indicatorMeasure } from '../ranking/rankingRules.ts';

/**
 * The alerts of the 驾驶舱: units 欠进度 on any target, 签约超期未开工 projects, and rejected rows
 * waiting to be fixed. Pure.
 */

/** One target row behind schedule. */
export interface BehindItem {
  indicator: Indicator;
  /** The indicator with its conditions, e.g. `签约项目数（产业链=新能源）`. */
  label: string;
  measure: string;
  targetText: string;
  actualText: string;
  rateText: string;
  /** 完成率 − 序时进度, percentage points (negative), full precision. */
  gapPp: number;
  /** e.g. `低于序时进度16.1个百分点`. */
  gapText: string;
  /** e.g. `低16.1`. */
  gapShort: string;
  /** Drill link of the rows counted (`score.<unitId>.<i>`). */
  href: string;
}

/** A unit with target rows 欠进度. */
export interface BehindUnit {
  unit: string;
  /** Output path of the unit page. */
  page: string;
  items: BehindItem[];
}

/** 签约超期未开工 at the period end. */
export interface OverdueAlert {
  count: number;
  countText: string;
  /** Sum of their 总投资, e.g. `12.34`. */
  totalYiText: string;
  overdueDays: number;
  /** Drill link of all their 签约 rows. */
  href: string;
  /** The longest overdue first (as computed), at most `top`. */
  top: { name: string; unit: string; signDate: string; yiText: string; daysOverdueText: string; page: string | null }[];
}

export interface QualityAlert {
  /** Rejected rows over every snapshot and reference table (`meta.counts.rejected`). */
  rejected: number;
  /** Rejected rows of the period's own ledgers, `null` when unknown. */
  periodRejected: number | null;
  errors: number;
  warnings: number;
  /** Output path of the data-quality page. */
  page: string;
}

/** A gap behind with one decimal and no minus sign: `低16.1个百分点`. */
function gapShort(gapPp: number): string {
  return `低${fmtPp(-gapPp).replace('+', '')}个百分点`;
}

/**
 * Every unit with a basic target row behind 序时进度 by more than `alertGap` points (site.json,
 * default 10; bonus and deduction rows are never alerts).
 * Units with the most rows behind first, then the largest gap; each unit's rows largest gap first.
 *
 * @example behindUnits(metrics, 'index.html')[0] // { unit: '青川镇', items: [{ label: '签约金额', gapText: '-23.3 个百分点', … }] }
 */
export function behindUnits(
  metrics: Pick<PeriodMetrics, 'period' | 'units'> & Partial<Pick<PeriodMetrics, 'alertGap'>>,
  page: string,
): BehindUnit[] {
  const gap = metrics.alertGap ?? 0;
  const out: (BehindUnit & { order: number; worst: number })[] = [];
  metrics.units.forEach((u, order) => {
    const id = unitId(u.unit);
    const items: BehindItem[] = [];
    u.items.forEach((item, i) => {
      if (item.status !== '欠进度' || item.gapPp === null || item.category !== '基本') return;
      // only rows behind by more than site.json alertGap (default 10 points) are alerts
      if (item.gapPp >= -gap) return;
      items.push({
        indicator: item.indicator,
        label: item.filterLabel ? `${item.indicator}（${item.filterLabel}）` : item.indicator,
        measure: indicatorMeasure(item.indicator).unit,
        targetText: fmtIndicator(item.indicator, item.target),
        actualText: fmtIndicator(item.indicator, item.actual),
        rateText: fmtRate(item.rate),
        gapPp: item.gapPp,
        gapText: progressText(item.gapPp),
        gapShort: gapShort(item.gapPp),
        href: drillHref(
          page,
          metrics.period,
          scoreFigureId(id, i),
          sectionAnchor(INDICATOR_SECTION[item.indicator], u.unit),
        ),
      });
    });
    if (items.length === 0) return;
    items.sort((a, b) => a.gapPp - b.gapPp);
    out.push({ unit: u.unit, page: unitPage(u.unit), items, order, worst: items[0]?.gapPp ?? 0 });
  });
  out.sort((a, b) => b.items.length - a.items.length || a.worst - b.worst || a.order - b.order);
  return out.map(({ unit, page: p, items }) => ({ unit, page: p, items }));
}

/**
 * 签约超期未开工 of the period: how many, their 总投资, and the longest overdue (`top` of them),
 * each linking to its project page when the project has one.
 *
 * @param idOf project id (`projects/<id>.html`) of a project key, `null` when none.
 */
export function overdueAlert(
  metrics: Pick<PeriodMetrics, 'period' | 'overdue' | 'overdueDays'>,
  idOf: (key: string) => string | null,
  page: string,
  top = 10,
): OverdueAlert {
  const list = metrics.overdue;
  return {
    count: list.length,
    countText: fmtInt(list.length),
    totalYiText: fmtYi(list.reduce((a, o) => a + o.investmentYi, 0)),
    overdueDays: metrics.overdueDays,
    href: drillHref(page, metrics.period, 'overdue'),
    top: list.slice(0, top).map((o) => {
      const id = o.key ? idOf(o.key) : null;
      return {
        name: o.name,
        unit: o.unit,
        signDate: o.signDate,
        yiText: fmtYi(o.investmentYi),
        daysOverdueText: fmtInt(o.daysOverdue),
        page: id ? projectPage(id) : null,
      };
    }),
  };
}

/** Rejected rows and issue counts, with the data-quality page. */
export function qualityAlert(counts: SiteMeta['counts'], periodRejected: number | null): QualityAlert {
  return {
    rejected: counts.rejected,
    periodRejected,
    errors: counts.errors,
    warnings: counts.warnings,
    page: 'quality.html',
  };
}
