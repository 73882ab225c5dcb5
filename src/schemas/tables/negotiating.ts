import { contact, defineTable, f, req } from './define.ts';

/** 在谈项目表 (contract §4): projects under negotiation, as each snapshot saw them. */
export const negotiatingTable = defineTable({
  kind: 'negotiating',
  area: 'ledgers',
  label: '在谈项目表',
  keywords: ['在谈', '洽谈'],
  fields: [
    f('name', '项目名称', 'text', [], req),
    f('investor', '投资方', 'text', ['企业名称']),
    f('investment', '计划总投资', 'amountYi', ['拟投资额', '总投资'], { record: 'investmentYi' }),
    f('chain', '产业链', 'text', ['所属产业', '产业类别']),
    f('unit', '责任单位', 'unit', ['跟踪单位'], req),
    f('stage', '洽谈阶段', 'enum', ['阶段'], { values: ['初步接触', '考察', '实质性洽谈', '评审'] }),
    f('progress', '最新进展', 'text', ['进展情况']),
    f('updatedDate', '更新日期', 'date', ['最近跟进日期']),
    f('firstContactDate', '首次接触日期', 'date'),
    ...contact,
  ],
});
