import { defineTable, f, req } from './define.ts';

/**
 * 人工评分 (contract §5): points no ledger records (举行签约活动, 完成招商图谱绘制, 领导小组认定加分,
 * 弄虚作假扣分). A sheet 人工评分 in the targets workbook, or `reference/人工评分*.xlsx`.
 */
export const manualScoresTable = defineTable({
  kind: 'manualScores',
  area: 'reference',
  label: '人工评分表',
  keywords: ['人工评分', '加减分'],
  fields: [
    f('year', '年度', 'int', ['年份']),
    /** `2025-06`, `2025-Q2` / `2季度` (from the quarter's last month), `全年` (December), `上半年` (June). */
    f('period', '期间', 'text', ['考核期间', '月份', '时间'], req),
    f('unit', '责任单位', 'unit', ['单位'], req),
    f('item', '事项', 'text', ['评分事项', '加减分事项', '内容'], req),
    /** Signed: positive = 加分, negative = 扣分. */
    f('points', '分值', 'number', ['得分', '加减分'], req),
    f('basis', '依据', 'text', ['评分依据', '文件依据', '说明']),
  ],
});
