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
    /** One unit, several (a joint task: `党政办、规划建设局`), or the zone (`全区`): `['全区']`. */
    f('unit', '责任单位', 'units', ['单位'], req),
    f('indicator', '指标', 'text', ['指标名称', '考核指标'], req),
    f('target', '目标值', 'number', ['目标', '年度目标'], req),
    /** 分值: full points for 按比例/达标; default cap for 按件. */
    f('points', '分值', 'number', ['权重']),
    f('method', '计分方式', 'enum', ['计分办法'], { values: ['按比例', '达标', '按件', '扣分', '缺额扣分'] }),
    /** 基本 (default), 加分 or 扣分: 满分 is the sum of 分值 over basic rows. */
    f('category', '类别', 'enum', ['指标类别', '考核类别'], { values: ['基本', '加分', '扣分'] }),
    /** Rows of one unit with the same 封顶组 share the cap 组封顶分. */
    f('capGroup', '封顶组', 'text', ['封顶分组']),
    f('groupCap', '组封顶分', 'number', ['组封顶分值', '组最高分']),
    f('perItem', '单项分值', 'number', ['每项分值', '每件分值']),
    f('cap', '封顶分', 'number', ['封顶分值', '最高分']),
    /** 封顶倍数 for 按比例, default 1. */
    f('capRatio', '封顶倍数', 'number'),
    f('chain', '产业链', 'text'),
    /** Inclusive, 亿元: a band 10–50亿 is 下限 10, 上限 50. */
    f('minInvestment', '投资下限', 'number', ['投资额下限'], { record: 'minInvestmentYi' }),
    /** Exclusive, 亿元. */
    f('maxInvestment', '投资上限', 'number', ['投资额上限'], { record: 'maxInvestmentYi' }),
    f('foreign', '是否外资', 'yesno'),
    f('provincial', '是否列入省台账', 'yesno'),
    f('fundSource', '资金来源', 'text'),
    f('park', '落户园区', 'text'),
    f('projectType', '项目类型', 'text'),
  ],
});
