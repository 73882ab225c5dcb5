import type { PublicSigned } from '../../schemas/siteData.ts';
import type { Asset, ChainCompany, Park, Unit } from '../../schemas/records.ts';
import { unitPage } from '../data.ts';
import type { Column } from '../table.ts';

/** Reference tables and public lists. Columns marked public never carry contacts (contract §10). */

/** Units table (internal only). */
export const unitColumns: Column<Unit>[] = [
  { key: 'name', label: '单位名称', link: (u) => unitPage(u.name) },
  { key: 'aliases', label: '简称', value: (u) => u.aliases.join('、') },
  { key: 'type', label: '类型' },
  { key: 'group', label: '分组' },
  { key: 'ranked', label: '参与排名' },
];

/** Parks (both profiles). */
export const parkColumns: Column<Park>[] = [
  { key: 'name', label: '园区名称' },
  { key: 'area', label: '面积' },
  { key: 'industries', label: '主导产业' },
  { key: 'intro', label: '简介' },
  { key: 'address', label: '地址' },
];

/** Idle assets as the public sees them (the public reference.json has only public ones). */
export const publicAssetColumns: Column<Asset>[] = [
  { key: 'name', label: '名称' },
  { key: 'type', label: '类型' },
  { key: 'area', label: '面积' },
  { key: 'location', label: '位置' },
  { key: 'status', label: '状态' },
  { key: 'contactUnit', label: '联系单位' },
];

/** Idle assets with contacts and the public flag (internal only). */
export const assetColumns: Column<Asset>[] = [
  ...publicAssetColumns,
  { key: 'contact', label: '联系人' },
  { key: 'phone', label: '联系电话' },
  { key: 'public', label: '是否公开' },
];

/** Chain enterprises (the public reference.json has no unpublished 目标 enterprises). */
export const chainCompanyColumns: Column<ChainCompany>[] = [
  { key: 'name', label: '企业名称' },
  { key: 'chain', label: '产业链' },
  { key: 'segment', label: '环节' },
  { key: 'category', label: '类别' },
  { key: 'location', label: '所在地' },
  { key: 'products', label: '主要产品' },
];

/** Public signed projects (public.json). */
export const publicSignedColumns: Column<PublicSigned>[] = [
  { key: 'name', label: '项目名称' },
  { key: 'investor', label: '投资方' },
  { key: 'chain', label: '产业链' },
  { key: 'segment', label: '环节' },
  { key: 'investmentYi', label: '总投资（亿元）', format: 'yi' },
  { key: 'signDate', label: '签约日期', format: 'date' },
  { key: 'park', label: '落户园区' },
  { key: 'projectType', label: '项目类型' },
];
