import { defineTable, f, req } from './define.ts';

/** 单位表 (contract §5): the units being ranked, with aliases. */
export const unitsTable = defineTable({
  kind: 'units',
  area: 'reference',
  source: 'optional',
  label: '单位表',
  keywords: ['单位'],
  fields: [
    f('name', '单位名称', 'text', ['单位', '名称'], req),
    f('aliases', '简称', 'list', ['别名', '简称/别名', '简称别名']),
    f('type', '类型', 'text', ['单位类型']),
    f('group', '分组', 'text', ['排名分组']),
    /** 是否参与排名: empty = 是. */
    f('ranked', '是否参与排名', 'yesno', ['参与排名'], { empty: true }),
    /** 人数 (headcount): the ranking shows 分值池 = raw score × 人数. */
    f('headcount', '人数', 'int', ['人员数', '编制人数', '在编人数'], { min: 0 }),
  ],
});
