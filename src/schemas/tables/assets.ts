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
    // map position (存量资产地图): 经度 + 纬度, or one 坐标 cell "经度,纬度"; read as text and
    // parsed by src/pipeline/finishAssets.ts, so an unreadable one is a warning, never a rejected row
    f('lngText', '经度', 'text', ['东经']),
    f('latText', '纬度', 'text', ['北纬']),
    f('coordText', '坐标', 'text', ['经纬度', '经纬度坐标', '坐标经纬度', '位置坐标']),
  ],
});
