import { contact, defineTable, f, req } from './define.ts';

/** 招商信息台账 (contract §4): one row per lead a unit reported. */
export const leadsTable = defineTable({
  kind: 'leads',
  area: 'ledgers',
  label: '招商信息台账',
  keywords: ['信息', '线索'],
  fields: [
    f('reportDate', '报送日期', 'date', ['信息日期', '收集日期', '录入日期'], req),
    f('company', '企业名称', 'text', ['投资方']),
    f('name', '项目名称', 'text', ['拟投项目名称', '项目信息'], req),
    f('chain', '产业链', 'text', ['所属产业', '产业类别', '行业']),
    f('investment', '拟投资额', 'amountYi', ['意向投资额', '总投资额'], { record: 'investmentYi' }),
    /** Canonical 单位名称 when resolved, else the name as written. */
    f('unit', '报送单位', 'unit', ['信息来源单位', '提供单位', '责任单位'], req),
    f('verdict', '研判结果', 'enum', ['研判意见'], { values: ['有效', '无效', '待研判'] }),
    ...contact,
    f('remark', '备注', 'text'),
  ],
});
