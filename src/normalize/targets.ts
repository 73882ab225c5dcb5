import type { Issue } from '../schemas/issue.ts';
import type { Indicator, Target } from '../schemas/records.ts';
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
 * Turns 目标任务分解表 rows into targets: resolves the indicator, the method (empty = 按比例) and
 * the year (年度 column, else the sheet name `2025年`, else the file name).
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
        `无法计算指标“${row.indicator}”：请改为以下之一：${INDICATORS.join('、')}（或在 src/build/targets.ts 的别名表中登记）`,
      );
      continue;
    }
    if (year === null) {
      reject('年度', '', '无法确定目标所属年度：请增加“年度”列，或把工作表命名为“2025年”');
      continue;
    }
    const { indicator: _raw, year: _y, method, ...rest } = row;
    targets.push({ ...rest, indicator, year, method: method ?? '按比例' });
  }
  return { targets, issues, rejectedRows };
}

function yearIn(s: string): number | null {
  const m = /(20\d{2})/.exec(s);
  return m ? Number(m[1]) : null;
}
