import { defineTable, f, req } from './define.ts';

/** 开工项目表 (contract §4): one row per project started. */
export const startedTable = defineTable({
  kind: 'started',
  area: 'ledgers',
  label: '开工项目表',
  keywords: ['开工'],
  fields: [
    f('code', '项目编号', 'code', ['编号']),
    f('name', '项目名称', 'text', [], req),
    f('startDate', '开工日期', 'date', ['开工时间'], req),
    f('investment', '总投资', 'amountYi', ['计划总投资'], { record: 'investmentYi' }),
    f('yearPlan', '本年计划投资', 'amountYi', ['年度计划投资'], { record: 'yearPlanYi' }),
    /** Falls back to the matching 签约 row's unit when the ledger leaves it empty. */
    f('unit', '责任单位', 'unit'),
    f('inStats', '是否入库', 'yesno'),
  ],
});
