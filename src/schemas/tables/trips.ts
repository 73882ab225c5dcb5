import { defineTable, f, req } from './define.ts';

/** 外出招商情况统计表 (contract §4): one row per trip. */
export const tripsTable = defineTable({
  kind: 'trips',
  area: 'ledgers',
  label: '外出招商情况统计表',
  keywords: ['外出'],
  projectKey: false,
  fields: [
    f('departDate', '出发日期', 'date', ['日期', '时间'], req),
    f('returnDate', '返回日期', 'date'),
    f('leader', '带队领导', 'text'),
    f('unit', '单位', 'unit', ['责任单位', '带队单位'], req),
    f('destination', '目的地', 'text', ['地点', '城市']),
    f('companies', '拜访企业', 'text', ['拜访对象']),
    f('visits', '拜访数量', 'int', ['拜访企业数'], { min: 0 }),
    f('outcome', '成效', 'text', ['成果', '备注']),
  ],
});
