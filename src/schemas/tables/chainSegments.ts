import { defineTable, f, req } from './define.ts';

/** 产业链图谱 · 环节 sheet (contract §5): the segments of each chain. */
export const chainSegmentsTable = defineTable({
  kind: 'chainSegments',
  area: 'reference',
  source: 'optional',
  label: '产业链图谱·环节',
  keywords: ['环节'],
  fields: [
    f('chain', '产业链', 'text', [], req),
    f('segment', '环节', 'text', ['链条环节'], req),
    f('position', '位置', 'enum', ['上中下游'], { required: true, values: ['上游', '中游', '下游'] }),
    f('description', '说明', 'text', ['描述']),
    f('strength', '强弱', 'enum', ['现状'], { values: ['强', '弱', '缺', '风险'] }),
    f('order', '排序', 'int', ['序']),
  ],
});
