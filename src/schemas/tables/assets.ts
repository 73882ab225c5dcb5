import { contact, defineTable, f, req } from './define.ts';

/** 存量资产表 (contract §5): idle land, plants and buildings. */
export const assetsTable = defineTable({
  kind: 'assets',
  area: 'reference',
  source: 'optional',
  label: '存量资产表',
  keywords: ['存量', '闲置'],
  fields: [
    f('name', '名称', 'text', ['资产名称'], req),
    f('type', '类型', 'enum', ['资产类型'], { values: ['土地', '厂房', '楼宇'] }),
    f('area', '面积', 'text'),
    f('location', '位置', 'text', ['地址']),
    f('status', '状态', 'text'),
    f('contactUnit', '联系单位', 'text'),
    ...contact,
    f('public', '是否公开', 'yesno'),
  ],
});
