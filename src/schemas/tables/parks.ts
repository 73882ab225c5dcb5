import { defineTable, f, req } from './define.ts';

/** 园区载体表 (contract §5): parks and carriers. */
export const parksTable = defineTable({
  kind: 'parks',
  area: 'reference',
  source: 'optional',
  label: '园区载体表',
  keywords: ['园区', '载体'],
  fields: [
    f('name', '名称', 'text', ['园区名称', '载体名称'], req),
    f('area', '面积', 'text', ['规划面积']),
    f('industries', '主导产业', 'text'),
    f('intro', '简介', 'text', ['介绍']),
    f('address', '地址', 'text', ['位置']),
  ],
});
