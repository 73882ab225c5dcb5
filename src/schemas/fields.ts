/**
 * The one table of ledger kinds, their fields and header aliases (contract §4–5).
 *
 * To add an alias, append it to `aliases`; a user may also add aliases in `site.json`
 * (`"aliases": {"signed": {"investment": ["协议总投资"]}}`). Headers are compared after
 * `normalizeHeader()` (no spaces, no bracketed units, half-width), so list aliases without units.
 */

export const LEDGER_KINDS = ['leads', 'negotiating', 'signed', 'started', 'producing', 'funds', 'trips'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const REFERENCE_KINDS = ['units', 'targets', 'chainSegments', 'chainCompanies', 'parks', 'assets'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export type TableKind = LedgerKind | ReferenceKind;

/**
 * How a cell is read:
 * - `text` trimmed and folded; `code` text that must never become a number (项目编号);
 * - `amountYi` money in 元 held as 亿元; `amountUsd` foreign money held as 万美元;
 * - `number`, `int` plain numbers; `date` `YYYY-MM-DD`; `yesno` boolean;
 * - `unit` a 责任单位 name, resolved through the units table; `list` text split on 、,，;
 * - `enum` one of `values` (after trimming).
 */
export type FieldType =
  'text' | 'code' | 'amountYi' | 'amountUsd' | 'number' | 'int' | 'date' | 'yesno' | 'unit' | 'list' | 'enum';

export interface FieldSpec {
  /** Canonical English key used in JSON, e.g. `investment`. */
  key: string;
  /** Canonical Chinese header, e.g. `总投资`; used in messages when the file's header is unknown. */
  label: string;
  /** Other headers meaning the same field (without units). */
  aliases: readonly string[];
  type: FieldType;
  /** A row without this value is rejected. */
  required?: boolean;
  /** For `enum`. */
  values?: readonly string[];
}

const f = (
  key: string,
  label: string,
  type: FieldType,
  aliases: readonly string[] = [],
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({
  key,
  label,
  type,
  aliases,
  ...extra,
});
const req = { required: true } as const;

const contact = [f('contact', '联系人', 'text'), f('phone', '联系电话', 'code', ['电话', '手机'])];

export const FIELDS: Record<TableKind, readonly FieldSpec[]> = {
  leads: [
    f('reportDate', '报送日期', 'date', ['信息日期', '收集日期', '录入日期'], req),
    f('company', '企业名称', 'text', ['投资方']),
    f('name', '项目名称', 'text', ['拟投项目名称', '项目信息'], req),
    f('chain', '产业链', 'text', ['所属产业', '产业类别', '行业']),
    f('investment', '拟投资额', 'amountYi', ['意向投资额', '总投资额']),
    f('unit', '报送单位', 'unit', ['信息来源单位', '提供单位', '责任单位'], req),
    f('verdict', '研判结果', 'enum', ['研判意见'], { values: ['有效', '无效', '待研判'] }),
    ...contact,
    f('remark', '备注', 'text'),
  ],
  negotiating: [
    f('name', '项目名称', 'text', [], req),
    f('investor', '投资方', 'text', ['企业名称']),
    f('investment', '计划总投资', 'amountYi', ['拟投资额', '总投资']),
    f('chain', '产业链', 'text', ['所属产业', '产业类别']),
    f('unit', '责任单位', 'unit', ['跟踪单位'], req),
    f('stage', '洽谈阶段', 'enum', ['阶段'], { values: ['初步接触', '考察', '实质性洽谈', '评审'] }),
    f('progress', '最新进展', 'text', ['进展情况']),
    f('updatedDate', '更新日期', 'date', ['最近跟进日期']),
    f('firstContactDate', '首次接触日期', 'date'),
    ...contact,
  ],
  signed: [
    f('code', '项目编号', 'code', ['编号']),
    f('name', '项目名称', 'text', [], req),
    f('investor', '投资方', 'text', ['签约企业', '外来投资方']),
    f('investment', '总投资', 'amountYi', ['协议投资', '合同投资', '总投资额', '计划总投资'], req),
    f('chain', '产业链', 'text', ['产业类别', '所属产业']),
    f('segment', '环节', 'text', ['产业链环节']),
    f('signDate', '签约日期', 'date', ['签约时间'], req),
    f('unit', '责任单位', 'unit', [], req),
    f('referrer', '引荐单位', 'unit', ['信息提供单位', '项目引荐单位']),
    f('park', '落户园区', 'text', ['拟落户地', '建设地点']),
    f('projectType', '项目类型', 'text'),
    f('foreign', '是否外资', 'yesno'),
    f('foreignUsd', '外资金额', 'amountUsd'),
    f('provincial', '是否列入省台账', 'yesno', ['省台账']),
    f('public', '是否公开', 'yesno'),
    ...contact,
    f('remark', '备注', 'text'),
  ],
  started: [
    f('code', '项目编号', 'code', ['编号']),
    f('name', '项目名称', 'text', [], req),
    f('startDate', '开工日期', 'date', ['开工时间'], req),
    f('investment', '总投资', 'amountYi', ['计划总投资']),
    f('yearPlan', '本年计划投资', 'amountYi', ['年度计划投资']),
    f('unit', '责任单位', 'unit'),
    f('inStats', '是否入库', 'yesno'),
  ],
  producing: [
    f('code', '项目编号', 'code', ['编号']),
    f('name', '项目名称', 'text', [], req),
    f('produceDate', '投产日期', 'date', ['竣工日期', '竣工投产日期'], req),
    f('investment', '总投资', 'amountYi'),
    f('unit', '责任单位', 'unit'),
  ],
  funds: [
    f('code', '项目编号', 'code', ['编号']),
    f('name', '项目名称', 'text', [], req),
    f('fundDate', '到位日期', 'date', ['到位月份', '日期'], req),
    f('amount', '到位金额', 'amountYi', ['到位资金', '实际到位资金'], req),
    f('source', '资金来源', 'enum', [], { values: ['省外', '市外', '境外'] }),
    f('foreignUsd', '外资到位', 'amountUsd', ['外资到位金额']),
    f('unit', '责任单位', 'unit'),
  ],
  trips: [
    f('departDate', '出发日期', 'date', ['日期', '时间'], req),
    f('returnDate', '返回日期', 'date'),
    f('leader', '带队领导', 'text'),
    f('unit', '单位', 'unit', ['责任单位', '带队单位'], req),
    f('destination', '目的地', 'text', ['地点', '城市']),
    f('companies', '拜访企业', 'text', ['拜访对象']),
    f('visits', '拜访数量', 'int', ['拜访企业数']),
    f('outcome', '成效', 'text', ['成果', '备注']),
  ],
  units: [
    f('name', '单位名称', 'text', ['单位', '名称'], req),
    f('aliases', '简称', 'list', ['别名', '简称/别名', '简称别名']),
    f('type', '类型', 'text', ['单位类型']),
    f('group', '分组', 'text', ['排名分组']),
    f('ranked', '是否参与排名', 'yesno', ['参与排名']),
  ],
  targets: [
    f('year', '年度', 'int', ['年份']),
    f('unit', '责任单位', 'unit', ['单位'], req),
    f('indicator', '指标', 'text', ['指标名称', '考核指标'], req),
    f('target', '目标值', 'number', ['目标', '年度目标'], req),
    f('points', '分值', 'number', ['权重']),
    f('method', '计分方式', 'enum', ['计分办法'], { values: ['按比例', '达标', '按件', '扣分'] }),
    f('perItem', '单项分值', 'number', ['每项分值', '每件分值']),
    f('cap', '封顶分', 'number', ['封顶分值', '最高分']),
    f('capRatio', '封顶倍数', 'number'),
    f('chain', '产业链', 'text'),
    f('minInvestment', '投资下限', 'number', ['投资额下限']),
    f('foreign', '是否外资', 'yesno'),
    f('provincial', '是否列入省台账', 'yesno'),
    f('fundSource', '资金来源', 'text'),
  ],
  chainSegments: [
    f('chain', '产业链', 'text', [], req),
    f('segment', '环节', 'text', ['链条环节'], req),
    f('position', '位置', 'enum', ['上中下游'], { required: true, values: ['上游', '中游', '下游'] }),
    f('description', '说明', 'text', ['描述']),
    f('strength', '强弱', 'enum', ['现状'], { values: ['强', '弱', '缺', '风险'] }),
    f('order', '排序', 'int', ['序']),
  ],
  chainCompanies: [
    f('name', '企业名称', 'text', [], req),
    f('chain', '产业链', 'text', [], req),
    f('segment', '环节', 'text'),
    f('category', '类别', 'enum', ['企业类别'], { required: true, values: ['本地', '链主', '目标'] }),
    f('location', '所在地', 'text', ['地区']),
    f('products', '主要产品', 'text', ['产品']),
    f('public', '是否公开', 'yesno'),
  ],
  parks: [
    f('name', '名称', 'text', ['园区名称', '载体名称'], req),
    f('area', '面积', 'text', ['规划面积']),
    f('industries', '主导产业', 'text'),
    f('intro', '简介', 'text', ['介绍']),
    f('address', '地址', 'text', ['位置']),
  ],
  assets: [
    f('name', '名称', 'text', ['资产名称'], req),
    f('type', '类型', 'enum', ['资产类型'], { values: ['土地', '厂房', '楼宇'] }),
    f('area', '面积', 'text'),
    f('location', '位置', 'text', ['地址']),
    f('status', '状态', 'text'),
    f('contactUnit', '联系单位', 'text'),
    ...contact,
    f('public', '是否公开', 'yesno'),
    // map position (存量资产地图): 经度 + 纬度, or one 坐标 cell "经度,纬度"; read as text and
    // parsed by src/build/finishAssets.ts, so an unreadable one is a warning, never a rejected row
    f('lngText', '经度', 'text', ['东经']),
    f('latText', '纬度', 'text', ['北纬']),
    f('coordText', '坐标', 'text', ['经纬度', '经纬度坐标', '坐标经纬度', '位置坐标']),
  ],
};

/**
 * Keywords in a file or sheet name that tell its kind (contract §1). Order matters only for
 * readability: a name that matches two kinds is an error (`sheet_ambiguous_kind`).
 */
export const KIND_KEYWORDS: Record<TableKind, readonly string[]> = {
  leads: ['信息', '线索'],
  negotiating: ['在谈', '洽谈'],
  signed: ['签约'],
  started: ['开工'],
  producing: ['投产', '竣工'],
  funds: ['到位', '资金'],
  trips: ['外出'],
  units: ['单位'], // only under reference/: ledger sheets are never units
  targets: ['目标', '任务'],
  // 产业链图谱 workbooks (file name 产业链*/图谱*) hold two sheets told apart by these names or,
  // failing that, by their headers (位置 → segments, 类别 → enterprises).
  chainSegments: ['环节'],
  chainCompanies: ['企业'],
  parks: ['园区', '载体'],
  assets: ['存量', '闲置'],
};

/** Chinese names for messages and pages. */
export const KIND_LABELS: Record<TableKind, string> = {
  leads: '招商信息台账',
  negotiating: '在谈项目表',
  signed: '签约项目表',
  started: '开工项目表',
  producing: '投产项目表',
  funds: '到位资金台账',
  trips: '外出招商情况统计表',
  units: '单位表',
  targets: '目标任务分解表',
  chainSegments: '产业链图谱·环节',
  chainCompanies: '产业链图谱·企业',
  parks: '园区载体表',
  assets: '存量资产表',
};

/** File-name keywords of a 产业链图谱 workbook (contract §1). */
export const CHAIN_FILE_KEYWORDS: readonly string[] = ['产业链', '图谱'];
