/**
 * `data/README.md`: what the sample zone is, which messy shapes it contains from which month, and
 * the exact file / sheet / row of every deliberate bad row in the latest snapshot written.
 */
import type { BadRow } from './ledgers/common.ts';
import type { PeriodSummary } from './generate.ts';
import type { Scenario } from './scenario.ts';
import type { Specials } from './specials.ts';
import { rulesSection } from './rules.ts';
import {
  ASSETS,
  CHAINS,
  EXTENSION_SEGMENTS,
  OFFICE,
  PARKS,
  UNITS,
  UNKNOWN_CHAINS,
  UNKNOWN_UNIT,
  ZONE_NAME,
} from './zone.ts';
import { ASSET_SPOTS, DMS_ASSET } from './geography.ts';

const esc = (s: string): string => s.replaceAll('|', '\\|');

function markKey(m: BadRow): string {
  return `${m.severity}|${m.id}`;
}

function marksTable(latest: PeriodSummary, periods: PeriodSummary[], severity: BadRow['severity']): string {
  const since = (m: BadRow): string =>
    periods.find((p) => p.marks.some((x) => markKey(x) === markKey(m)))?.period ?? latest.period;
  const rows = latest.marks
    .filter((m) => m.severity === severity)
    .map(
      (m) =>
        `| ${esc(m.file)} | ${esc(m.sheet)} | ${m.row} | ${esc(m.column)} | ${m.value === '' ? '（空）' : esc(m.value)} | ${esc(m.problem)} | ${since(m)} |`,
    );
  if (rows.length === 0) return '（无 / none）\n';
  return (
    [
      '| 文件 file | 工作表 sheet | 行 row | 列 column | 值 value | 问题 problem | 首次出现 since |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n') + '\n'
  );
}

function stats(s: Scenario): string {
  const signed = (y: string): number =>
    s.projects.filter((p) => p.signDate?.startsWith(y) && p.cancelMonth === undefined).length;
  const leads = (y: string): number => s.leads.filter((l) => l.date.startsWith(y)).length;
  const trips = (y: string): number => s.trips.filter((t) => t.depart.startsWith(y)).length;
  const started = (y: string): number => s.projects.filter((p) => p.startDate?.startsWith(y)).length;
  return [
    '| 年度 year | 签约 signed | 开工 started | 招商信息 leads | 外出招商 trips |',
    '| --- | --- | --- | --- | --- |',
    `| 2023（仅签约表 2023年 工作表） | ${signed('2023')} | ${started('2023')} | — | — |`,
    `| 2024 | ${signed('2024')} | ${started('2024')} | ${leads('2024')} | ${trips('2024')} |`,
    `| 2025（1–10月） | ${signed('2025')} | ${started('2025')} | ${leads('2025')} | ${trips('2025')} |`,
  ].join('\n');
}

function corrections(s: Scenario): string {
  const cap = (lines: string[], what: string): string[] =>
    lines.length > 12 ? [...lines.slice(0, 12), `- ……另有 ${lines.length - 12} 项${what}`] : lines;
  const removed = s.projects
    .filter((p) => p.cancelMonth !== undefined && p.signDate !== undefined)
    .map(
      (p) =>
        `- 撤销签约 removed: ${p.code ?? ''} ${p.name}（${(p.signDate ?? '').slice(0, 7)} 签约，自 ${p.cancelMonth ?? ''} 快照起删除该行）`,
    );
  const revised = s.projects.flatMap((p) =>
    p.revisions.map(
      (r) =>
        `- 更正总投资 amount corrected: ${p.code ?? ''} ${p.name}：${p.investmentYi} → ${r.value} 亿元（自 ${r.month} 快照起）`,
    ),
  );
  const tranches = s.projects.reduce((n, p) => n + p.tranches.filter((t) => t.revised !== undefined).length, 0);
  return [
    ...cap(removed, '撤销签约'),
    ...cap(revised, '总投资更正'),
    `- 到位金额更正 funds corrected: ${tranches} 笔（前后两个快照金额不同）`,
    '- 研判结果 verdicts: 多数线索先记“待研判”，一至三个月后改为“有效”或“无效”',
    '- 洽谈阶段 stages: 在谈项目逐月推进（初步接触 → 考察 → 实质性洽谈 → 评审），签约后从在谈表移除',
  ].join('\n');
}

function maps(): string {
  const located = ASSETS.filter((a) => ASSET_SPOTS[a.name]);
  const without = ASSETS.filter((a) => !ASSET_SPOTS[a.name]);
  const name = (a: (typeof ASSETS)[number]) => `\`${a.name}\`${a.public === '是' ? '' : '（不公开）'}`;
  return `## 招商图谱与存量资产地图 / Chain map and idle-asset map

- \`reference/产业链图谱.xlsx\`：${CHAINS.length} 条产业链、${CHAINS.reduce((n, c) => n + c.segments.length, 0)} 个环节。企业按环节强弱分布：
  “强”环节有 3–6 家本地企业，“弱”1–2 家，“风险”1 家，“缺”没有本地企业；链主在“强”环节；目标企业多在“缺”“弱”环节，
  每条产业链另有 1 家目标企业填的是图谱外的新环节（延链：${Object.values(EXTENSION_SEGMENTS)
    .map((e) => e.segment)
    .join('、')}）。目标企业隔一家不公开（是否公开 = 否）。
- \`reference/边界.geojson\`：开发区边界与 ${PARKS.length} 个园区（多边形，RFC 7946 逆时针）；\`青川镇工业集中区\` 没有“类型”属性，
  按园区载体表中的名称识别为园区。
- \`reference/存量资产.xlsx\`：经度、纬度两列。${located.length} 处有坐标（\`${DMS_ASSET}\` 的经度写成度分秒），
  ${without.length} 处没有坐标：${without.map(name).join('、')}，在地图下方按园区示意。所有坐标都在边界之内（不产生警告）。`;
}

const QUIRKS = `
| 形态 shape | 位置 where | 起始 since |
| --- | --- | --- |
| 合并标题行、填报单位/统计截止日期行、空行 merged title, 填报单位 line, blank row | 签约、到位资金、在谈 | 2024-01 |
| 两行表头，\`投资额\` 合并在 \`总投资（亿元）\`/\`其中：一期（亿元）\` 之上 two-row header | 签约（当年工作表） | 2024-01 |
| 序号列 | 所有 xlsx 台账 | 2024-01 |
| 合计行（SUM 公式+缓存结果，金额正确） correct 合计 | 签约每个年度表、在谈（SUBTOTAL）、投产 CSV、外出 CSV | 2024-01 |
| **合计错误**（SUM 范围漏掉最后 2 行；最后两行有境外资金时“外资到位”合计也不符） wrong 合计 | 到位资金台账 | 2024-03 |
| 小计行（每个单位一行，SUBTOTAL） | 在谈项目表 | 2024-01 |
| 表下注释：\`注：\`、\`填报人：\`、\`审核人：\`、\`联系电话：\` | 签约、到位资金、在谈 | 2024-01 |
| 责任单位纵向合并 vertical merge | 在谈项目表（跟踪单位/责任单位）；目标任务分解表 | 2024-01 |
| 富文本 rich text | 签约当年表：第一个 5 亿元以上项目的项目名称 | 2024-01 |
| 超链接 hyperlink | 签约当年表：第一行的投资方/签约企业 | 2024-01 |
| 隐藏列 hidden column | 签约各年度表：联系电话 | 2024-01 |
| 隐藏行 hidden row | 开工项目表：第二个项目行 | 2024-01 |
| 多工作表 + \`填表说明\` several sheets | 签约：2024 年为 \`2024年\`+\`2023年\`+\`填表说明\`；2025 年为 \`填表说明\`+\`2025年\`+\`2024年\`+\`2023年\` | 2024-01 |
| 1904 日期系统 date1904 | 开工项目表 | 2024-07 |
| 表头内重复表头 repeated header row | 招商信息台账（2025 年数据块前） | 2025-01 |
| 金额文本 \`5亿\` \`0.5亿元\` \`8000万元\` \`1亿8千万元\` \`1亿2000万\` \`约3亿\` | 签约总投资（亿元列）、开工总投资、招商信息意向投资额 | 2024-01 |
| \`1,200\`、全角 \`１２００\`（万元列） | 到位资金 | 2024-01 |
| 无单位金额列（按 site.json 默认万元，应有一次警告） amount column with no unit | 招商信息台账 \`意向投资额\` | 2024-01 |
| 表头单位 \`（亿元）\` \`(万元)\` \`（万美元）\` | 签约、开工、到位资金、投产 CSV | 2024-01 |
| 日期：Excel 日期及 \`2025-10-08\` \`2025/10/8\` \`2025.10.8\` \`2025年10月8日\` \`20251008\` | 签约、开工、招商信息、外出、投产 | 2024-01 |
| 月份日期 \`2025年10月\` \`2025.10\` \`202510\` | 到位资金（到位月份）、在谈（首次接触日期） | 2024-01（到位资金为 2025-01） |
| 是/否、Y/N、√/×、1/0、空 | 签约（是否外资、是否列入省台账、是否公开）、开工（是否入库） | 2024-01 |
| 项目编号为长数字文本 \`3601232024001\`（2024 年），\`QC-2025-001\`（2025 年） | 签约、开工、投产、到位资金 | 2024-01 |
| 单位简称 aliases | 所有台账（约 15–30% 的行） | 2024-01 |
| 表头别名随年度模板变化（\`签约日期\`→\`签约时间\` 等） header aliases | 所有台账：2024 年与 2025 年模板不同 | 2025-01 |
| GB18030 无 BOM CSV | 外出招商情况统计表 | 2024-01 |
| UTF-8 带 BOM CSV | 竣工投产项目表 | 2024-01 |
| 按名称（无编号）引用项目，部分去掉末尾“项目” name-only references | 开工、投产、到位资金（约 20%） | 2024-01 |
`;

export function renderReadme(s: Scenario, periods: PeriodSummary[], sp?: Specials): string {
  const latest = periods[periods.length - 1];
  const first = periods[0];
  const head = `# 示例数据：${ZONE_NAME}（虚构） / Sample zone (fictional)

本目录是一个**虚构**开发区的全套数据，由 \`scripts/generate-sample.ts\` 以固定随机种子生成（同样参数两次生成的文件逐字节相同）。
单位、企业、项目、人名、电话均为虚构（电话号码使用 0000- 和 100 开头的不存在号段）。请勿手工修改：改生成器后重新运行
\`npx node scripts/generate-sample.ts\`。

This folder is a complete, **fictional** data folder for ${OFFICE}, generated by \`scripts/generate-sample.ts\`
from a fixed seed (scale ${s.scale}; two runs give byte-identical files). It follows \`ledger-contract.md\`: monthly
cumulative snapshots under \`ledgers/<YYYY-MM>/\` (each holds every row dated since 2023-01 up to that month end — the 签约 ledger keeps a \`2023年\` sheet for
the year before the first snapshot, whose 开工, 投产 and 到位 fall in 2024 — so
year-to-date figures come from dates), reference tables under \`reference/\`, prose pages under \`content/\`, and \`site.json\`.

## 规模 / Size

${stats(s)}

快照 snapshots: ${first?.period ?? ''} … ${latest?.period ?? ''}（${periods.length} 个），台账数据行合计 ${periods.reduce((n, p) => n + p.rows, 0)} 行（各快照累加）。
单位 ${UNITS.length} 个（其中“综合协调办”不参与排名）；未知单位名 \`${UNKNOWN_UNIT}\` 与产业链图谱之外的产业链 \`${UNKNOWN_CHAINS.join('、')}\` 有意出现。

## 每个快照的文件 / Files of a snapshot

| 台账 kind | 文件 file | 说明 |
| --- | --- | --- |
| signed 签约 | \`2024年签约项目台账.xlsx\` / \`2025年签约项目台账（定稿）.xlsx\` | 每年一个工作表 + 填表说明；2025 年表有认定状态列 |
| signed 签约（单位报送） | \`白沙镇2025年签约项目报送表.xlsx\` | 2025-08 起；总投资（万元）；与汇总表合并统计 |
| started 开工 | \`开工项目表 2025年10月.xlsx\` | 文件名含空格 |
| producing 投产 | \`竣工投产项目表（2025年10月）.csv\` | UTF-8 带 BOM |
| funds 到位资金 | \`到位资金台账（2025年1-10月）.xlsx\` | 合计有误 |
| leads 招商信息 | \`招商信息台账（2025年10月更新）.xlsx\` | |
| negotiating 在谈 | \`在谈项目表（2025.10）.xlsx\` | 当前在谈清单（非累计） |
| trips 外出招商 | \`外出招商情况统计表（2025年10月）.csv\` | GB18030 |
| （不可读） | \`外出招商补充表（旧版）.xls\` | 仅最新快照：OLE2 文件头加随机字节（损坏的旧版 .xls），应报 file_unreadable |

${maps()}

${sp !== undefined ? rulesSection(s, sp) : ''}`;
  if (latest === undefined) return head;
  const errors = latest.marks.filter((m) => m.severity === 'error').length;
  return `${head}
## 故意设置的错误行（${latest.period} 快照）/ Deliberate bad rows in ${latest.period}

以下 ${errors} 行应被拒绝（rejected），其余行全部应被接受或跳过。行号为 Excel 中看到的行号（CSV 为行号）。
These ${errors} rows must be rejected; every other data row must be accepted (or skipped as 合计/小计/注释/重复表头).

${marksTable(latest, periods, 'error')}
${latest.unreadable.map((f) => `另有整文件不可读 / plus one unreadable file: \`${f}\`（D0 CF 11 E0 A1 B1 1A E1 + 随机字节）。`).join('\n')}

## 应出现的警告 / Expected warnings in ${latest.period}

${marksTable(latest, periods, 'warning')}
此外 also: \`意向投资额\` 列无单位（unit_assumed，每列一次）；产业链 \`${UNKNOWN_CHAINS.join('、')}\` 不在图谱中（unknown_chain）。
合计口径：签约表“合计”按所有可识别的总投资相加（含项目名称为空的那一行，不含“待定”），与 Excel SUM 公式一致。
The 签约 合计 adds every readable 总投资 (including the row with an empty name, excluding 待定), as the SUM formula does.

## 各快照错误行数 / Rejected rows per snapshot

| 快照 | ${periods.map((p) => p.period.slice(2)).join(' | ')} |
| --- | ${periods.map(() => '---').join(' | ')} |
| 错误 errors | ${periods.map((p) => p.marks.filter((m) => m.severity === 'error').length).join(' | ')} |

## 快照之间的更正 / Corrections between snapshots

${corrections(s)}

## 杂乱形态一览 / Messy shapes and where they start
${QUIRKS}`;
}
