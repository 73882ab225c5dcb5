import { defineTable, f, req } from './define.ts';

/** 投产项目表 (contract §4): one row per project in production (竣工投产). */
export const producingTable = defineTable({
  kind: 'producing',
  area: 'ledgers',
  label: '投产项目表',
  keywords: ['投产', '竣工'],
  fields: [
    f('code', '项目编号', 'code', ['编号']),
    f('name', '项目名称', 'text', [], req),
    f('produceDate', '投产日期', 'date', ['竣工日期', '竣工投产日期'], req),
    f('investment', '总投资', 'amountYi', [], { record: 'investmentYi' }),
    f('unit', '责任单位', 'unit'),
  ],
});
