import { defineTable, f, req } from './define.ts';

/** 到位资金台账 (contract §4): one row per payment of funds received. */
export const fundsTable = defineTable({
  kind: 'funds',
  area: 'ledgers',
  label: '到位资金台账',
  keywords: ['到位', '资金'],
  fields: [
    f('code', '项目编号', 'code', ['编号']),
    f('name', '项目名称', 'text', [], req),
    f('fundDate', '到位日期', 'date', ['到位月份', '日期'], req),
    f('amount', '到位金额', 'amountYi', ['到位资金', '实际到位资金'], { ...req, record: 'amountYi' }),
    f('source', '资金来源', 'enum', [], { values: ['省外', '市外', '境外'] }),
    f('foreignUsd', '外资到位', 'amountUsd', ['外资到位金额']),
    f('unit', '责任单位', 'unit'),
  ],
});
