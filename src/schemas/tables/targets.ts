import { defineTable, f, req } from './define.ts';

/** 目标任务分解表 (contract §5): one row per unit and indicator, with scoring and filters. */
export const targetsTable = defineTable({
  kind: 'targets',
  area: 'reference',
  label: '目标任务分解表',
  keywords: ['目标', '任务'],
  emptyYesNo: 'none',
  fields: [
    f('year', '年度', 'int', ['年份']),
    f('unit', '责任单位', 'unit', ['单位'], req),
    f('indicator', '指标', 'text', ['指标名称', '考核指标'], req),
    f('target', '目标值', 'number', ['目标', '年度目标'], req),
    /** 分值: full points for 按比例/达标; default cap for 按件. */
    f('points', '分值', 'number', ['权重']),
    f('method', '计分方式', 'enum', ['计分办法'], { values: ['按比例', '达标', '按件', '扣分'] }),
    f('perItem', '单项分值', 'number', ['每项分值', '每件分值']),
    f('cap', '封顶分', 'number', ['封顶分值', '最高分']),
    /** 封顶倍数 for 按比例, default 1. */
    f('capRatio', '封顶倍数', 'number'),
    f('chain', '产业链', 'text'),
    f('minInvestment', '投资下限', 'number', ['投资额下限'], { record: 'minInvestmentYi' }),
    f('foreign', '是否外资', 'yesno'),
    f('provincial', '是否列入省台账', 'yesno'),
    f('fundSource', '资金来源', 'text'),
  ],
});
