import { contact, defineTable, f, req } from './define.ts';

/** What a 是否认定 cell may say; `是`, `已认定`, `认定` count, the others do not (`isRecognised`). */
export const RECOGNITION_VALUES = ['已认定', '认定', '是', '未认定', '待认定', '否'] as const;

/** 签约项目表: one row per signed project (contract §4). The project key joins it to 开工/投产/到位 rows. */
export const signedTable = defineTable({
  kind: 'signed',
  area: 'ledgers',
  label: '签约项目表',
  keywords: ['签约'],
  fields: [
    f('code', '项目编号', 'code', ['编号']),
    f('name', '项目名称', 'text', [], req),
    f('investor', '投资方', 'text', ['签约企业', '外来投资方']),
    /** 总投资 in 亿元, e.g. `12.5`. */
    f('investment', '总投资', 'amountYi', ['协议投资', '合同投资', '总投资额', '计划总投资'], {
      ...req,
      record: 'investmentYi',
    }),
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
    /** 是否认定 (contract §4): 否 / 未认定 / 待认定 = listed but counted nowhere; empty = 认定. */
    f('recognition', '是否认定', 'enum', ['认定状态', '认定情况', '是否已认定'], { values: RECOGNITION_VALUES }),
    f('public', '是否公开', 'yesno'),
    ...contact,
    f('remark', '备注', 'text'),
  ],
});
