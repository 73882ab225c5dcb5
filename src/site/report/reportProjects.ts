import { projectId } from '../../metrics/projects.ts';
import { type Stage } from '../../schemas/project.ts';
import { fmtInt, fmtRate, fmtYi, roundTo } from '../../metrics/format.ts';
import { periodEnd } from '../../metrics/period.ts';
import type { PeriodMetrics } from '../../schemas/metrics.ts';
import type { ChainSegment, SnapshotRecords } from '../../schemas/records.ts';
import { projectPage, unitPage } from '../data.ts';

/**
 * The annual report's project sections: the year's largest signed projects and 签约 by 产业链,
 * both from the year's last snapshot only (never a later one, so a finished year's report does
 * not change when months are added). Pure.
 */

/** One of the largest projects signed in the year. */
export interface TopProject {
  /** 1-based; projects with the same 总投资 (to 2 decimals) share a place (1, 2, 2, 4). */
  place: number;
  tied: boolean;
  name: string;
  /** Output path of the project page, `null` when the row has no project key. */
  page: string | null;
  unit: string;
  unitPage: string;
  chain: string;
  signDate: string;
  investmentYi: number;
  yiText: string;
  /** Stage in the same snapshot: 签约, 开工 or 投产. */
  stage: Stage;
}

export interface TopProjectsView {
  rows: TopProject[];
  /** Projects signed in the year, e.g. `159`. */
  signedCount: number;
  /** Projects tied with the last place shown but left out, e.g. `3` (0 normally). */
  tiedLeftOut: number;
}

/** Most rows shown when projects tie at the cut-off (ties are listed up to this). */
const MAX_WITH_TIES = 20;

/**
 * The `n` largest projects signed in the period's year (签约日期 1 January to the period end), by
 * 总投资 (ties: earlier 签约日期, then name, then ledger row). Projects tied with the n-th at two
 * decimals are listed too (up to 20 rows), since leaving one out would be arbitrary. `stages` is the
 * snapshot's project stages (`PeriodData.stages`), so the stage shown is the one of the same snapshot.
 *
 * @example topProjects(records, stages, '2024-12', 10).rows[0] // { place: 1, name: '…', yiText: '58.00', stage: '开工', … }
 */
export function topProjects(
  records: SnapshotRecords,
  stages: Readonly<Record<string, Stage>>,
  period: string,
  n = 10,
): TopProjectsView {
  const year = period.slice(0, 4);
  const end = periodEnd(period);
  const signed = records.signed.filter((s) => s.signDate.startsWith(`${year}-`) && s.signDate <= end);
  const sorted = [...signed].sort(
    (a, b) =>
      b.investmentYi - a.investmentYi ||
      (a.signDate < b.signDate ? -1 : a.signDate > b.signDate ? 1 : 0) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.src.file < b.src.file ? -1 : a.src.file > b.src.file ? 1 : 0) ||
      a.src.row - b.src.row,
  );
  const key = (yi: number) => roundTo(yi, 2);
  const cut = sorted[n - 1];
  let take = Math.min(n, sorted.length);
  if (cut)
    while (take < sorted.length && take < MAX_WITH_TIES && key(sorted[take]!.investmentYi) === key(cut.investmentYi))
      take++;
  const tiedLeftOut = cut ? sorted.slice(take).filter((s) => key(s.investmentYi) === key(cut.investmentYi)).length : 0;
  const shown = sorted.slice(0, take);
  const keys = shown.map((s) => key(s.investmentYi));
  const rows = shown.map((s, i): TopProject => {
    const k = keys[i]!;
    const stage = (s.key ? stages[s.key] : undefined) ?? '签约';
    return {
      place: 1 + keys.filter((x) => x > k).length,
      tied: keys.filter((x) => x === k).length > 1,
      name: s.name,
      page: s.key ? projectPage(projectId(s.key)) : null,
      unit: s.unit,
      unitPage: unitPage(s.unit),
      chain: s.chain ?? '未填产业链',
      signDate: s.signDate,
      investmentYi: s.investmentYi,
      yiText: fmtYi(s.investmentYi),
      stage,
    };
  });
  return { rows, signedCount: signed.length, tiedLeftOut };
}

/** 签约 of one 产业链 in the year. */
export interface ChainLine {
  chain: string;
  count: number;
  countText: string;
  investmentYi: number;
  yiText: string;
  /** Share of the year's 签约金额. */
  share: string;
  /** Drill id (`ytd.signed.chain.<i>`), `null` for a chain without projects. */
  figureId: string | null;
  /** In the chain map (`reference/产业链图谱`) but nothing signed this year. */
  empty: boolean;
}

/**
 * 签约 by 产业链 (largest amount first, as computed), then the chains of the chain map with no
 * project signed this year (count 0), so gaps show.
 */
export function chainLines(
  metrics: Pick<PeriodMetrics, 'ytd'>,
  segments: readonly Pick<ChainSegment, 'chain'>[],
): ChainLine[] {
  const total = metrics.ytd.signed.investmentYi;
  const lines: ChainLine[] = metrics.ytd.signed.byChain.map((c, i) => ({
    chain: c.chain ?? '未填产业链',
    count: c.count,
    countText: fmtInt(c.count),
    investmentYi: c.investmentYi,
    yiText: fmtYi(c.investmentYi),
    share: total > 0 ? fmtRate(c.investmentYi / total) : '—',
    figureId: `ytd.signed.chain.${i}`,
    empty: false,
  }));
  const seen = new Set(metrics.ytd.signed.byChain.map((c) => c.chain));
  for (const chain of new Set(segments.map((s) => s.chain))) {
    if (seen.has(chain)) continue;
    lines.push({
      chain,
      count: 0,
      countText: '0',
      investmentYi: 0,
      yiText: fmtYi(0),
      share: '—',
      figureId: null,
      empty: true,
    });
  }
  return lines;
}
