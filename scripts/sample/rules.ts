/**
 * The v2 rules of the sample zone, each with its example worked out from the scenario (the ground
 * truth the ledgers were written from), for `data/README.md`. Nothing here runs the data stage:
 * these are the figures a correct build must show.
 */
import { monthEnd, type Month } from './calendar.ts';
import type { Project, Scenario } from './scenario.ts';
import { recognitionAt } from './snapshot.ts';
import type { Specials } from './specials.ts';
import {
  BAND,
  BONUS_GROUP,
  JOINT_UNITS,
  MANUAL_SCORES,
  SHORTFALL,
  ZONE_UNIT,
  bandUnit,
  targetRows,
  type TargetRow,
} from './targets.ts';
import { UNITS } from './zone.ts';

const n2 = (x: number): string => String(Math.round(x * 100) / 100);
const pct = (x: number): string => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

function amountAt(p: Project, period: Month): number {
  let v = p.investmentYi;
  for (const r of p.revisions) if (r.month <= period) v = r.value;
  return v;
}

/** 认定 signed rows of the year to `period`, each project once (what the zone counts). */
export function countedSigned(s: Scenario, sp: Specials, period: Month): Project[] {
  const end = monthEnd(period);
  const y = period.slice(0, 4);
  return s.projects.filter(
    (p) =>
      p.signDate !== undefined &&
      p.signDate.startsWith(y) &&
      p.signDate <= end &&
      (p.cancelMonth === undefined || p.cancelMonth > period) &&
      p !== sp.emptyName &&
      p !== sp.pendingAmount &&
      recognitionAt(p, period) === '已认定',
  );
}

/** The projects credited to `unit`: its own, plus one it claims in its own file (重复申报). */
export function creditedTo(s: Scenario, sp: Specials, period: Month, unit: string): Project[] {
  const c = sp.claimedTwice;
  return countedSigned(s, sp, period).filter(
    (p) => p.unit === unit || (c !== undefined && c.by === unit && c.project === p && c.from <= period),
  );
}

export interface RuleExamples {
  period: Month;
  zone: { signedCount: number; signedCountTarget: number; amountYi: number; amountTarget: number };
  joint: { units: readonly string[]; projects: Project[]; amountYi: number; target: number; points: number };
  bonus: { unit: string; trips: number; foreign: number; sum: number; points: number }[];
  shortfall: { unit: string; valid: number; target: number; points: number };
  band: { unit: string; projects: Project[]; above: Project[]; target: number; points: number };
  unrecognised: { p: Project; status: string }[];
  claim?: { p: Project; units: string[] };
  dated: { date: string; signed: number; monthSigned: number };
}

function row(rows: TargetRow[], unit: string, indicator: string, f: (r: TargetRow) => boolean = () => true): TargetRow {
  const r = rows.find((t) => t.unit === unit && t.indicator === indicator && f(t));
  if (r === undefined) throw new Error(`no target row ${unit} ${indicator}`);
  return r;
}

export function ruleExamples(s: Scenario, sp: Specials, period: Month = '2025-10'): RuleExamples {
  const end = monthEnd(period);
  const y = period.slice(0, 4);
  const rows = targetRows(s, Number(y));
  const counted = countedSigned(s, sp, period);
  const amount = (ps: Project[]): number => ps.reduce((t, p) => t + amountAt(p, period), 0);

  const jointRow = row(rows, JOINT_UNITS.join('、'), '签约金额');
  const jointProjects = counted.filter(
    (p) => p.chain === jointRow.filter.chain && JOINT_UNITS.some((u) => creditedTo(s, sp, period, u).includes(p)),
  );
  const jointAmount = amount(jointProjects);

  const bonus = UNITS.filter((u) => u.ranked).map((u) => {
    const trips = s.trips.filter(
      (t) => t.unit === u.name && t.depart.startsWith(y) && t.returnDay <= end && t !== sp.tripNoUnit,
    ).length;
    const foreign = creditedTo(s, sp, period, u.name).filter((p) => p.foreign).length;
    const sum = trips * BONUS_GROUP.perTrip + foreign * BONUS_GROUP.perForeign;
    return { unit: u.name, trips, foreign, sum, points: Math.min(sum, BONUS_GROUP.cap) };
  });

  const shortUnit = UNITS.find((u) => u.type === '产业专班')?.name ?? '';
  const valid = s.leads.filter((l) => {
    if (l.unit !== shortUnit || !l.date.startsWith(y) || l.date > end || l === sp.badLead) return false;
    let v: string | undefined;
    for (const r of l.verdicts) if (r.month <= period) v = r.value;
    return v === '有效';
  }).length;

  const bandHolder = bandUnit(s);
  const bandRow = row(rows, bandHolder, '签约项目数', (t) => t.filter.maxYi !== undefined);
  const bandProjects = creditedTo(s, sp, period, bandHolder).filter(
    (p) => amountAt(p, period) >= BAND.minYi && amountAt(p, period) < BAND.maxYi,
  );
  const above = creditedTo(s, sp, period, bandHolder).filter((p) => amountAt(p, period) >= BAND.maxYi);

  const datedEnd = `${period}-15`;
  const c = sp.claimedTwice;
  return {
    period,
    zone: {
      signedCount: counted.length,
      signedCountTarget: row(rows, ZONE_UNIT, '签约项目数').target,
      amountYi: amount(counted),
      amountTarget: row(rows, ZONE_UNIT, '签约金额').target,
    },
    joint: {
      units: JOINT_UNITS,
      projects: jointProjects,
      amountYi: jointAmount,
      target: jointRow.target,
      points: (jointRow.points ?? 0) * Math.min(jointAmount / jointRow.target, 1),
    },
    bonus,
    shortfall: {
      unit: shortUnit,
      valid,
      target: SHORTFALL.target,
      points: -Math.min(Math.max(SHORTFALL.target - valid, 0) * SHORTFALL.perItem, SHORTFALL.cap),
    },
    band: {
      unit: bandHolder,
      projects: bandProjects,
      above,
      target: bandRow.target,
      points: BAND.points * Math.min(bandProjects.length / bandRow.target, 1),
    },
    unrecognised: sp.unrecognised.map((p) => ({ p, status: recognitionAt(p, period) })),
    ...(c !== undefined && c.from <= period ? { claim: { p: c.project, units: [c.project.unit, c.by] } } : {}),
    dated: {
      date: datedEnd,
      signed: counted.filter((p) => (p.signDate ?? '') <= datedEnd).length,
      monthSigned: counted.filter((p) => p.signDate?.startsWith(period)).length,
    },
  };
}

/** The README section: each rule, where it is in the files, and its figure worked out by hand. */
export function rulesSection(s: Scenario, sp: Specials): string {
  const e = ruleExamples(s, sp);
  const capped = e.bonus.find((b) => b.sum > BONUS_GROUP.cap);
  const open = e.bonus.find((b) => b.unit === '白沙镇') ?? e.bonus[0];
  const bonusLine = (b: RuleExamples['bonus'][number]): string =>
    `${b.unit} 外出招商 ${b.trips}次 × ${BONUS_GROUP.perTrip} + 外资项目 ${b.foreign}个 × ${BONUS_GROUP.perForeign} = ${n2(b.sum)}，封顶 ${BONUS_GROUP.cap} → **${n2(b.points)}** 分`;
  const zoneRate = e.zone.amountYi / e.zone.amountTarget;
  const manual = MANUAL_SCORES.map(
    (m) => `| ${m.year} | ${m.period} | ${m.unit} | ${m.item} | ${m.points > 0 ? '+' : ''}${m.points} | ${m.basis} |`,
  );
  return `## v2 规则及示例 / Every v2 rule and its example (${e.period})

每条规则的示例数字都按生成器的场景逐项手算（不经过数据阶段），正确的构建必须得到同样的数字；\`test/sampleZone.test.ts\` 逐条核对。
目标在 \`reference/目标任务分解表.xlsx\` 的 \`2025年\` 工作表（\`2024年\` 工作表为旧规则：无全区行以外的 v2 规则）。

1. **全区目标 zone rows**：责任单位 \`全区\` 的 9 行（签约项目数、签约金额、亿元以上签约项目数、开工、投产、到位资金、外资到位、有效信息、外出招商），
   不计分，是全区完成率的基数。2025年1-10月签约金额 ${n2(e.zone.amountYi)} 亿元 ÷ 全区目标 ${e.zone.amountTarget} 亿元 = **${pct(zoneRate)}**；
   签约项目 ${e.zone.signedCount} 个 ÷ ${e.zone.signedCountTarget} 个 = **${pct(e.zone.signedCount / e.zone.signedCountTarget)}**（序时进度 83.3%）。2024 年工作表也有全区行。
2. **共同任务 joint row**：\`${e.joint.units.join('、')}\` 共担“签约金额（产业链 新能源）”，目标 ${e.joint.target} 亿元、分值 5、按比例。
   两个单位的新能源签约项目（每个项目只计一次）共 ${e.joint.projects.length} 个、${n2(e.joint.amountYi)} 亿元：
   5 × min(${n2(e.joint.amountYi)} ÷ ${e.joint.target}, 1) = **${n2(e.joint.points)}** 分，两个单位各得此分；各单位目标合计中本行只计一次。
3. **加分封顶组 bonus rows sharing a cap**：每个参与排名的单位有两行 \`类别 加分\`、\`封顶组 ${BONUS_GROUP.name}\`、\`组封顶分 ${BONUS_GROUP.cap}\`：
   外出招商次数 按件 ${BONUS_GROUP.perTrip}分/次，签约项目数（是否外资 = 是）按件 ${BONUS_GROUP.perForeign}分/个。例：
   - ${bonusLine(open as RuleExamples['bonus'][number])}
${capped ? `   - ${bonusLine(capped)}（封顶生效）\n` : ''}4. **缺额扣分 shortfall row**：产业专班的“有效信息条数”目标 ${SHORTFALL.target} 条（每月2条），每少1条扣 ${SHORTFALL.perItem} 分，最多扣 ${SHORTFALL.cap} 分（类别 扣分）。
   ${e.shortfall.unit} 有效信息 ${e.shortfall.valid} 条：−min(max(${SHORTFALL.target} − ${e.shortfall.valid}, 0) × ${SHORTFALL.perItem}, ${SHORTFALL.cap}) = **${n2(e.shortfall.points)}** 分（按年度目标计，site.json 未设 scoreAgainst）。
5. **投资额区间 band**：${e.band.unit} 的“签约项目数”行 投资下限 ${BAND.minYi}、投资上限 ${BAND.maxYi}（下限含本数，上限不含），目标 ${e.band.target} 个、分值 ${BAND.points}、按比例。
   该单位 10–50 亿元签约项目 ${e.band.projects.length} 个${e.band.projects.length > 0 ? `（${e.band.projects.map((p) => `${p.name} ${p.investmentYi} 亿元`).join('；')}）` : ''}${e.band.above.length > 0 ? `；${e.band.above.map((p) => `${p.name} ${p.investmentYi} 亿元`).join('；')} 在 50 亿元及以上，不计入本行` : ''}：
   ${BAND.points} × min(${e.band.projects.length} ÷ ${e.band.target}, 1) = **${n2(e.band.points)}** 分。
6. **认定 recognition**：2025 年签约表有 \`认定状态\` 列（已认定 / 空 = 认定；白沙镇报送表为 \`是否认定\`）。以下 ${e.unrecognised.length} 行在 ${e.period} 列出但不计入任何数字和得分：
${e.unrecognised.map((u) => `   - ${u.p.code ?? ''} ${u.p.name}（${u.p.unit}，${u.p.signDate}，${u.status}，${u.p.investmentYi} 亿元）`).join('\n')}
   另有一个 7 月签约项目在 7、8 月快照中为“待认定”，自 2025-09 快照起为“已认定”。
7. **人工评分 manual scores**：\`目标任务分解表.xlsx\` 的 \`人工评分\` 工作表；自所填期间起计入当年以后各期：

   | 年度 | 期间 | 责任单位 | 事项 | 分值 | 依据 |
   | --- | --- | --- | --- | --- | --- |
${manual.map((m) => `   ${m}`).join('\n')}
8. **人数 headcount**：\`单位名单.xlsx\` 的 \`人数\` 列（${UNITS.map((u) => `${u.name} ${u.headcount}`).join('、')}）；排名显示 分值池 = 总分 × 人数。
9. **重复申报 one project claimed twice**：自 2025-08 起白沙镇单独报送 \`白沙镇2025年签约项目报送表.xlsx\`（总投资单位万元），与投资促进局汇总表在同一快照中合并统计
   （汇总表不再列白沙镇的 2025 年项目）。${e.claim ? `其中 \`${e.claim.p.name}\`（${e.claim.p.code ?? ''}，${e.claim.p.investmentYi} 亿元）在汇总表中的责任单位为 ${e.claim.units[0]}，白沙镇也报送了它：应有 duplicate_claim 警告；全区只计一次，两个单位都计入（白沙镇的签约项目数因此多 1 个）。` : ''}
10. **月中快照 dated snapshot**：\`ledgers/${e.dated.date}/\` 是 10 月 15 日的台账（截至当日，${e.dated.signed} 个 2025 年已认定签约项目，10 月 1–15 日签约的在内），
    只供周调度；2025-10 的月度数字、通报和排名仍取 \`ledgers/2025-10/\`（${e.zone.signedCount} 个，其中 10 月签约 ${e.dated.monthSigned} 个）。该文件夹应有一条 snapshot_dated 提示。
11. **强弱与企业一致 chain strength**：“缺”环节没有本地企业、也没有签约项目（只有在谈和线索）；“强”环节都有本地企业或链主，所以示例数据没有 chain_strength_mismatch 警告。
`;
}
