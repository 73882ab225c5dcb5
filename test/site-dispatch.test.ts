/**
 * The 调度 sheet as shown and as a Word table (`dispatchView`, `unitSummary`, `dispatchDocx`), and
 * the brief bulletin's body pieces (`bulletinBrief`). Expected texts are written out by hand.
 */
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { dispatchDocx } from '../src/documents/dispatchDocx.ts';
import type { DispatchSheet } from '../src/schemas/dispatch.ts';
import { dispatchSheetSchema } from '../src/schemas/dispatch.ts';
import { bulletinView } from '../src/site/bulletin/bulletin.ts';
import { bulletinBrief } from '../src/site/bulletin/bulletinBrief.ts';
import { dispatchIndex, dispatchView, sectionColumns, unitSummary } from '../src/site/dispatch/dispatchView.ts';
import { periodData } from './site-bulletin.fixture.ts';

const src = { file: 'ledgers/2025-10/签约.xlsx', sheet: 'Sheet1', row: 3 };
const SHEET: DispatchSheet = dispatchSheetSchema.parse({
  date: '2025-10-15',
  kind: 'dated',
  period: '2025-10',
  folder: 'ledgers/2025-10-15',
  previous: '2025-10-08',
  leads: [
    { key: 'name:线索二', name: '线索二', unit: '白沙镇', reportDate: '2025-10-06', verdict: '有效', change: '新增' },
    { key: 'name:线索四', name: '线索四', unit: '白沙镇', reportDate: '2025-10-09', change: '新增' },
    { key: 'name:线索五', name: '线索五', unit: '青川镇', reportDate: '2025-10-10', verdict: '无效', change: '新增' },
    {
      key: 'name:线索一',
      name: '线索一',
      unit: '青川镇',
      reportDate: '2025-09-05',
      verdict: '有效',
      fromVerdict: '待研判',
      change: '研判变化',
    },
  ],
  negotiating: [
    { key: 'code:E', name: '戊项目', unit: '青川镇', change: '阶段变化', fromStage: '实质性洽谈', stage: '评审' },
    { key: 'name:丁项目', name: '丁项目', unit: '白沙镇', change: '进展更新', stage: '初步接触', progress: '二次洽谈' },
  ],
  signed: [{ key: 'code:E', name: '戊项目', unit: '青川镇', date: '2025-10-12', investmentYi: 5 }],
  started: [{ key: 'code:A', name: '甲项目', unit: '青川镇', date: '2025-10-05', investmentYi: 1 }],
  producing: [],
  stalled: [
    { key: 'name:丙项目', name: '丙项目', unit: '青川镇', since: '2025-07-02', days: 105, level: 60 },
    { key: 'name:癸项目', name: '癸项目', unit: '白沙镇', since: '2025-09-10', days: 35, level: 30 },
  ],
  overdue: [
    {
      key: 'code:C',
      name: '庚项目',
      unit: '白沙镇',
      claimUnits: null,
      signDate: '2025-04-10',
      investmentYi: 3,
      daysSinceSigned: 188,
      daysOverdue: 8,
      src,
      isNew: true,
    },
  ],
  overdueDays: 180,
  issues: [],
});
const pages = new Map([
  ['code:E', 'projects/p-e.html'],
  ['code:A', 'projects/p-a.html'],
]);
const v = dispatchView(SHEET, (k) => pages.get(k) ?? null, { zoneName: '青川经济开发区', units: ['青川镇', '白沙镇'] });

describe('dispatchView', () => {
  test('title, comparison and headline counts', () => {
    expect(v.title).toBe('青川经济开发区招商引资项目调度表（2025年10月15日）');
    expect(v.compareText).toBe('与2025年10月8日快照相比');
    expect(v.kindText).toBe('周调度（月中快照）');
    expect(v.page).toBe('dispatch/2025-10-15.html');
    expect(v.docx).toBe('dispatch/2025-10-15.docx');
    expect(Object.fromEntries(v.summary.map((s) => [s.label, s.count]))).toEqual({
      新签约: 1,
      新开工: 1,
      新投产: 0,
      新增信息: 3,
      在谈变化: 2,
      停滞60天以上: 1,
      停滞30天以上: 2,
      超期未开工: 1,
      其中新增督办: 1,
    });
  });

  test('each list’s cells, the project name linked to its page when it has one', () => {
    const s = Object.fromEntries(v.sections.map((x) => [x.id, x]));
    expect(s.milestones!.rows).toEqual([
      { cells: ['新签约', '戊项目', '青川镇', '2025-10-12', '5.00'], link: 'projects/p-e.html' },
      { cells: ['新开工', '甲项目', '青川镇', '2025-10-05', '1.00'], link: 'projects/p-a.html' },
    ]);
    expect(s.leads!.rows.map((r) => r.cells[5])).toEqual(['有效', '待研判', '无效', '待研判→有效']);
    expect(s.leads!.rows.every((r) => r.link === null)).toBe(true);
    expect(s.negotiating!.rows.map((r) => r.cells[3])).toEqual(['实质性洽谈→评审', '初步接触']);
    expect(s.stalled!.rows.map((r) => [r.cells[0], r.cells[1], r.cells[5], r.cells[6]])).toEqual([
      ['60天以上', '丙项目', '2025-07-02', '105'],
      ['30天以上', '癸项目', '2025-09-10', '35'],
    ]);
    expect(s.overdue!.rows).toEqual([{ cells: ['新增', '庚项目', '白沙镇', '2025-04-10', '3.00', '8'], link: null }]);
    const cols = sectionColumns(s.milestones!);
    expect(cols[1]!.link?.(s.milestones!.rows[0]!)).toBe('projects/p-e.html');
    expect(cols[0]!.link).toBeUndefined();
  });

  test('the per-unit table, in the units table’s order, with 合计', () => {
    expect(unitSummary(SHEET, ['青川镇', '白沙镇']).rows.map((r) => r.cells)).toEqual([
      // 青川镇: 戊 signed, 甲 started, new lead 线索五 无效 (线索一 only changed its 研判), 戊 stage move, 丙 stalled 60
      [
        '青川镇',
        '1：戊项目',
        '1：甲项目',
        '—',
        '1（有效0，待研判0，无效1）',
        '1（阶段推进1）',
        '1（60天以上：丙项目）',
        '—',
      ],
      // 白沙镇: 线索二 有效 + 线索四 未研判, 丁 progress, 癸 stalled 30, 庚 newly overdue
      ['白沙镇', '—', '—', '—', '2（有效1，待研判1）', '1', '1', '1（新增：庚项目）'],
      ['合计', '1', '1', '—', '3（有效1，待研判1，无效1）', '2（阶段推进1）', '2（60天以上1）', '1（新增1）'],
    ]);
    // without an order: by name (白 U+767D before 青 U+9752)
    expect(unitSummary(SHEET).rows.map((r) => r.cells[0])).toEqual(['白沙镇', '青川镇', '合计']);
  });

  test('the index, newest first', () => {
    const older = { ...SHEET, date: '2025-10-08', previous: null, signed: [], started: [] };
    expect(dispatchIndex([older, SHEET]).map((r) => [r.dateText, r.kindText, r.counts.signed, r.page])).toEqual([
      ['2025年10月15日', '月中快照', 1, 'dispatch/2025-10-15.html'],
      ['2025年10月8日', '月中快照', 0, 'dispatch/2025-10-08.html'],
    ]);
  });
});

describe('dispatchDocx', () => {
  test('reproducible bytes: the per-unit table as a real Word table, no 三号 grid, fixed dates', async () => {
    const a = await dispatchDocx(v);
    const b = await dispatchDocx(v);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const zip = await JSZip.loadAsync(a);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      '青川经济开发区招商引资项目调度表',
      '（2025年10月15日，周调度（月中快照））',
      '1（新增：庚项目）',
      '合计',
    ])
      expect(text).toContain(s);
    expect(xml.match(/<w:tbl>/g)?.length).toBe(1);
    // header + 青川镇 + 白沙镇 + 合计
    expect(xml.match(/<w:tr[ >]/g)?.length).toBe(4);
    expect(xml).not.toContain('w:type="linesAndChars"');
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('2025-10-15T00:00:00Z');
  });
});

describe('bulletinBrief', () => {
  const { data, prev } = periodData();
  const bv = bulletinView(data, { zoneName: '青川经济开发区', office: null, periods: ['2025-09', '2025-10'] }, prev);
  const brief = bulletinBrief(bv, {
    redList: [{ group: '乡镇', unit: '甲镇', rank: 1 }],
    blackList: [],
    redBlackSize: 3,
  });

  test('one row per unit: ranked first, then the unranked; 超进度 / 欠进度 counts', () => {
    expect(brief.units.map((r) => r.unit)).toEqual(['甲镇', '乙局', '丙办']);
    // 甲镇 (site-bulletin.test.ts 四): 签约金额 128.0% ahead; 签约项目数 66.7% and 开工项目数 50.0% behind 83.3%
    expect(brief.units[0]).toMatchObject({
      rank: '1',
      score: '31.67 / 40.00',
      ahead: 1,
      behind: 2,
      behindItems: '签约项目数、开工项目数',
    });
    // 乙局's 扣分 row has no progress: only 签约金额 is counted
    expect(brief.units[1]!.ahead + brief.units[1]!.behind).toBe(1);
    expect(brief.units[2]!.rank).toBe('—');
  });

  test('红黑榜 in words, five 附件', () => {
    expect(brief.red).toBe('甲镇（乡镇第1名）');
    expect(brief.black).toBeNull();
    expect(brief.annexes.map((a) => `附件${a.n} ${a.title}`)).toEqual([
      '附件1 各单位目标任务完成情况明细',
      '附件2 本月新签约、新开工、新投产项目',
      '附件3 本月外出招商情况',
      '附件4 签约超期未开工项目清单',
      '附件5 较上期台账变动',
    ]);
  });
});
