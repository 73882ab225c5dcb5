import type { Issue } from '../schemas/issue.ts';
import type { Indicator, ManualScore, ManualScoreRow, Target } from '../schemas/records.ts';
import { ZONE_UNIT } from './normalizeTable.ts';
import { INDICATORS } from '../schemas/records.ts';
import type { TargetRow } from '../schemas/records.ts';

/**
 * Other names offices give the indicators of a 目标任务分解表 (compared without spaces and
 * bracketed units). Add an alias here; the canonical names are `INDICATORS`.
 */
export const INDICATOR_ALIASES: Record<string, Indicator> = {
  签约项目: '签约项目数',
  签约个数: '签约项目数',
  签约项目个数: '签约项目数',
  签约总额: '签约金额',
  签约投资额: '签约金额',
  签约总投资: '签约金额',
  协议投资额: '签约金额',
  亿元以上项目数: '亿元以上签约项目数',
  亿元以上签约项目: '亿元以上签约项目数',
  '5亿元以上项目数': '5亿元以上签约项目数',
  '10亿元以上项目数': '10亿元以上签约项目数',
  '50亿元以上项目数': '50亿元以上签约项目数',
  开工项目: '开工项目数',
  开工个数: '开工项目数',
  投产项目: '投产项目数',
  竣工投产项目数: '投产项目数',
  到位资金额: '到位资金',
  实际到位资金: '到位资金',
  到位内资: '到位资金',
  实际利用外资: '外资到位',
  到位外资: '外资到位',
  外资到位金额: '外资到位',
  有效信息: '有效信息条数',
  有效招商信息: '有效信息条数',
  有效信息数: '有效信息条数',
  有效招商信息条数: '有效信息条数',
  外出招商: '外出招商次数',
  外出招商批次: '外出招商次数',
  拜访企业: '拜访企业数',
  拜访企业数量: '拜访企业数',
  签约超期未开工: '签约超期未开工项目数',
  超期未开工项目数: '签约超期未开工项目数',
};

const clean = (s: string) => s.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]/g, '');

/** Resolves an indicator name as written, e.g. `签约金额（亿元）` → `签约金额`. */
export function resolveIndicator(raw: string): Indicator | null {
  const name = clean(raw);
  if ((INDICATORS as readonly string[]).includes(name)) return name as Indicator;
  return INDICATOR_ALIASES[name] ?? null;
}

/**
 * Turns 目标任务分解表 rows into targets (contract §5): resolves the indicator, the method (empty =
 * 按比例), the 类别 (empty = 扣分 for the 扣分 / 缺额扣分 methods, else 基本) and the year (年度 column,
 * else the sheet name `2025年`, else the file name); splits 责任单位 into `units` (a joint task names
 * several) or marks the zone's own row (`全区`, no points). Rows of one unit's 封顶组 that give
 * different 组封顶分 are warned about; the smallest applies.
 */
export function finishTargets(rows: TargetRow[]): { targets: Target[]; issues: Issue[]; rejectedRows: Set<string> } {
  const targets: Target[] = [];
  const issues: Issue[] = [];
  const rejectedRows = new Set<string>();
  for (const row of rows) {
    const at = { file: row.src.file, sheet: row.src.sheet, row: row.src.row };
    const indicator = resolveIndicator(row.indicator);
    const year = row.year ?? yearIn(row.src.sheet) ?? yearIn(row.src.file);
    const reject = (column: string, value: string, message: string) => {
      issues.push({ severity: 'error', code: 'unknown_indicator', ...at, column, value, message });
      rejectedRows.add(`${row.src.file}\u0000${row.src.sheet}\u0000${row.src.row}`);
    };
    if (indicator === null) {
      reject(
        '指标',
        row.indicator,
        `无法计算指标“${row.indicator}”：请改为以下之一：${INDICATORS.join('、')}（或在 src/normalize/targets.ts 的别名表中登记）`,
      );
      continue;
    }
    if (year === null) {
      reject('年度', '', '无法确定目标所属年度：请增加“年度”列，或把工作表命名为“2025年”');
      continue;
    }
    const zone = row.unit.includes(ZONE_UNIT);
    if (zone && row.unit.length > 1) {
      reject('责任单位', row.unit.join('、'), '“全区”目标不能与单位写在同一行：请把全区目标与各单位目标分行填写');
      continue;
    }
    const { indicator: _raw, year: _y, method: m, category: c, unit, ...rest } = row;
    const method = m ?? '按比例';
    const category = c ?? (method === '扣分' || method === '缺额扣分' ? '扣分' : '基本');
    if (zone && (rest.points !== undefined || rest.perItem !== undefined)) {
      issues.push({
        severity: 'warning',
        code: 'target_zone_points',
        ...at,
        column: '分值',
        value: String(rest.points ?? rest.perItem),
        message: '全区目标只作为全区完成率的基数，不计分，分值已忽略：如要给某单位计分，请另起一行写明责任单位',
      });
    }
    targets.push({
      ...rest,
      unit: unit.join('、'),
      units: zone ? [] : unit,
      zone,
      indicator,
      year,
      method,
      category,
    });
  }
  checkGroupCaps(targets, issues);
  return { targets, issues, rejectedRows };
}

/** Warns when the rows of one unit's 封顶组 give different 组封顶分, or none. */
function checkGroupCaps(targets: readonly Target[], issues: Issue[]): void {
  const groups = new Map<string, Target[]>();
  for (const t of targets) {
    if (t.capGroup === undefined || t.zone) continue;
    for (const u of t.units) {
      const id = `${t.year}\u0000${u}\u0000${t.capGroup}`;
      groups.set(id, [...(groups.get(id) ?? []), t]);
    }
  }
  const warned = new Set<Target>();
  for (const rows of groups.values()) {
    const caps = [...new Set(rows.flatMap((t) => (t.groupCap === undefined ? [] : [t.groupCap])))];
    if (caps.length === 1) continue;
    const first = rows[0]!;
    if (warned.has(first)) continue;
    warned.add(first);
    issues.push({
      severity: 'warning',
      code: 'target_group_cap',
      file: first.src.file,
      sheet: first.src.sheet,
      row: first.src.row,
      column: '组封顶分',
      value: caps.join('、'),
      message:
        caps.length === 0
          ? `封顶组“${first.capGroup}”没有填写组封顶分，本组不封顶：请在本组任一行填写组封顶分`
          : `封顶组“${first.capGroup}”的各行组封顶分不一致（${caps.join('、')}），已按最小值 ${caps.reduce((a, b) => Math.min(a, b))} 计：请统一填写`,
    });
  }
}

/**
 * Turns 人工评分 rows into items with the month they count from (contract §5): 期间 `2025-06`,
 * `2025-Q2` / `2025年二季度` (the quarter's last month), `上半年` (June), `全年` (December); the year
 * comes from 年度, else from 期间, else from the sheet or file name. An unreadable 期间 rejects the row.
 */
export function finishManualScores(rows: ManualScoreRow[]): {
  items: ManualScore[];
  issues: Issue[];
  rejectedRows: Set<string>;
} {
  const items: ManualScore[] = [];
  const issues: Issue[] = [];
  const rejectedRows = new Set<string>();
  for (const row of rows) {
    const year = row.year ?? yearIn(row.period) ?? yearIn(row.src.sheet) ?? yearIn(row.src.file);
    const month = monthOfManualPeriod(row.period);
    if (year === null || month === null) {
      issues.push({
        severity: 'error',
        code: 'invalid_date',
        file: row.src.file,
        sheet: row.src.sheet,
        row: row.src.row,
        column: '期间',
        value: row.period,
        message: `无法识别期间“${row.period}”${year === null ? '所属年度' : ''}：请填写 2025-06、2025-Q2、上半年或全年，并填写“年度”列`,
      });
      rejectedRows.add(`${row.src.file}\u0000${row.src.sheet}\u0000${row.src.row}`);
      continue;
    }
    const { year: _y, ...rest } = row;
    items.push({ ...rest, year, from: `${year}-${String(month).padStart(2, '0')}` });
  }
  return { items, issues, rejectedRows };
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

/**
 * The month a 人工评分 期间 counts from.
 *
 * @example monthOfManualPeriod('2025-Q2') // 6
 * @example monthOfManualPeriod('2025-06') // 6
 * @example monthOfManualPeriod('全年') // 12
 */
export function monthOfManualPeriod(text: string): number | null {
  const t = text.replace(/\s/g, '').toUpperCase();
  if (/下半年/.test(t)) return 12;
  // 半年度 / 2025年度上半年 / 2025年度二季度: 年度 means the whole year only when nothing narrower is said
  if (/半年/.test(t)) return 6;
  const q = /Q([1-4])|([一二三四1-4])季度?/.exec(t);
  if (q) return (CN_DIGITS[q[1] ?? q[2] ?? ''] ?? 0) * 3 || null;
  const m = /^(?:20\d{2}[-./年]?)?(\d{1,2})月?$/.exec(t);
  if (m) {
    const n = Number(m[1]);
    return n >= 1 && n <= 12 ? n : null;
  }
  if (/全年|年度|年终/.test(t)) return 12;
  return null;
}

function yearIn(s: string): number | null {
  const m = /(20\d{2})/.exec(s);
  return m ? Number(m[1]) : null;
}
