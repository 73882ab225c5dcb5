import { defineTable, f, req } from './define.ts';

/** 产业链图谱 · 企业 sheet (contract §5): 链主, local and target enterprises. */
export const chainCompaniesTable = defineTable({
  kind: 'chainCompanies',
  area: 'reference',
  source: 'optional',
  label: '产业链图谱·企业',
  keywords: ['企业'],
  fields: [
    f('name', '企业名称', 'text', [], req),
    f('chain', '产业链', 'text', [], req),
    f('segment', '环节', 'text'),
    f('category', '类别', 'enum', ['企业类别'], { required: true, values: ['本地', '链主', '目标'] }),
    f('location', '所在地', 'text', ['地区']),
    f('products', '主要产品', 'text', ['产品']),
    f('public', '是否公开', 'yesno'),
  ],
});
