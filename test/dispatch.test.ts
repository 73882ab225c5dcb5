/**
 * The weekly 调度 (contract §11): dated snapshots are read (for the 调度 only) and each dispatch
 * snapshot — every dated folder and every month end — is compared with the one before it. Every
 * expected figure below is worked out by hand from the fixture zone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DataModel, runDataStage } from '../src/pipeline/dataStage.ts';
import type { DispatchSheet } from '../src/schemas/dispatch.ts';
import { openCache } from '../src/pipeline/cache.ts';
import { dispatchDataSchema } from '../src/schemas/dispatch.ts';

const SIGNED = '项目编号,项目名称,总投资（亿元）,签约日期,责任单位,是否认定\n';
const S_A = 'A,甲项目,1,2025-03-01,青川镇,\n';
const S_B = 'B,乙项目,2,2025-09-10,青川镇,\n';
const S_C = 'C,庚项目,3,2025-04-10,白沙镇,\n';
const S_E = 'E,戊项目,5,2025-10-12,青川镇,\n';
const S_F = 'F,子项目,4,2025-10-25,白沙镇,待认定\n';
const STARTED = '项目编号,项目名称,开工日期,责任单位\n';
const PRODUCING = '项目编号,项目名称,投产日期,责任单位\n';
const NEG = '项目名称,责任单位,洽谈阶段,最新进展,更新日期\n';
const N_BING = '丙项目,青川镇,考察,已考察,2025-07-02\n';
const N_GUI = '癸项目,白沙镇,初步接触,电话联系,2025-08-02\n';
const N_REN_A = '壬项目,青川镇,初步接触,A,2025-08-10\n';
const N_REN_B = '壬项目,青川镇,初步接触,B,2025-09-15\n';
const N_DING_1 = '丁项目,白沙镇,初步接触,首次接洽,2025-09-20\n';
const N_DING_2 = '丁项目,白沙镇,初步接触,二次洽谈,2025-10-14\n';
const N_WU_1 = '戊项目,青川镇,实质性洽谈,谈判中,2025-09-25\n';
const N_WU_2 = '戊项目,青川镇,评审,已签约,2025-10-12\n';
const N_JI = '己项目,白沙镇,初步接触,了解,2025-09-28\n';
const LEADS = '报送日期,项目名称,企业名称,报送单位,研判结果\n';
const L1_OPEN = '2025-09-05,线索一,某企业,青川镇,待研判\n';
const L1_OK = '2025-09-05,线索一,某企业,青川镇,有效\n';
const L2 = '2025-10-06,线索二,另一企业,白沙镇,有效\n';
const L3 = '2025-10-20,线索三,第三企业,白沙镇,\n';

let root: string;
let plain: string;
let model: DataModel;
let withoutDated: DataModel;
const sheet = (date: string): DispatchSheet => {
  const s = model.dispatch.find((d) => d.date === date);
  if (!s) throw new Error(`no sheet ${date}`);
  return s;
};

function writeZone(dir: string, dated: boolean): void {
  const put = (folder: string, file: string, body: string) => {
    mkdirSync(join(dir, 'ledgers', folder), { recursive: true });
    writeFileSync(join(dir, 'ledgers', folder, file), body);
  };
  put('2025-08', '在谈项目表.csv', NEG + N_BING + N_GUI + N_REN_A);
  put('2025-09', '签约项目表.csv', SIGNED + S_A + S_C + S_B);
  put('2025-09', '在谈项目表.csv', NEG + N_BING + N_GUI + N_REN_B + N_DING_1 + N_WU_1 + N_JI);
  put('2025-09', '招商信息台账.csv', LEADS + L1_OPEN);
  if (dated) {
    put('2025-10-08', '签约项目表.csv', SIGNED + S_A + S_C + S_B);
    put('2025-10-08', '开工项目表.csv', STARTED + 'A,甲项目,2025-10-05,青川镇\n');
    put('2025-10-08', '在谈项目表.csv', NEG + N_BING + N_GUI + N_REN_B + N_DING_1 + N_WU_1 + N_JI);
    put('2025-10-08', '招商信息台账.csv', LEADS + L1_OK + L2);
    put('2025-10-15', '签约项目表.csv', SIGNED + S_A + S_C + S_B + S_E);
    put('2025-10-15', '开工项目表.csv', STARTED + 'A,甲项目,2025-10-05,青川镇\n');
    put('2025-10-15', '在谈项目表.csv', NEG + N_BING + N_GUI + N_REN_B + N_DING_2 + N_WU_2 + N_JI);
    // a row dated after the folder's date is rejected on the 调度 sheet (not in the monthly report)
    put('2025-10-15', '招商信息台账.csv', LEADS + L1_OK + L2 + '2025-10-20,未来线索,某企业,青川镇,有效\n');
  }
  put('2025-10', '签约项目表.csv', SIGNED + S_A + S_C + S_B + S_E + S_F);
  put('2025-10', '开工项目表.csv', STARTED + 'A,甲项目,2025-10-05,青川镇\nB,乙项目,2025-10-20,青川镇\n');
  put('2025-10', '投产项目表.csv', PRODUCING + 'A,甲项目,2025-10-30,青川镇\n');
  put('2025-10', '在谈项目表.csv', NEG + N_BING + N_GUI + N_REN_B + N_DING_2);
  put('2025-10', '招商信息台账.csv', LEADS + L1_OK + L2 + L3);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dispatch-'));
  plain = mkdtempSync(join(tmpdir(), 'dispatch-plain-'));
  writeZone(root, true);
  writeZone(plain, false);
  model = await runDataStage(root, { log: () => {} });
  withoutDated = await runDataStage(plain, { log: () => {} });
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(plain, { recursive: true, force: true });
});

describe('dispatch snapshots', () => {
  test('every month end and every dated folder, in date order, each against the one before', () => {
    expect(dispatchDataSchema.parse(model.dispatch)).toEqual(model.dispatch);
    expect(model.dispatch.map((d) => [d.date, d.kind, d.folder, d.previous])).toEqual([
      ['2025-08-31', 'month', 'ledgers/2025-08', null],
      ['2025-09-30', 'month', 'ledgers/2025-09', '2025-08-31'],
      ['2025-10-08', 'dated', 'ledgers/2025-10-08', '2025-09-30'],
      ['2025-10-15', 'dated', 'ledgers/2025-10-15', '2025-10-08'],
      ['2025-10-31', 'month', 'ledgers/2025-10', '2025-10-15'],
    ]);
  });

  test('monthly figures, projects and the report do not change because of the dated folders', () => {
    expect(JSON.stringify(model.snapshots)).toBe(JSON.stringify(withoutDated.snapshots));
    expect(JSON.stringify(model.projects)).toBe(JSON.stringify(withoutDated.projects));
    expect(JSON.stringify(model.sheets)).toBe(JSON.stringify(withoutDated.sheets));
    // only the info lines naming the dated folders are added
    expect(model.issues.filter((i) => i.code !== 'snapshot_dated')).toEqual(withoutDated.issues);
  });

  test('the first sheet lists no changes, but its stalled projects', () => {
    const s = sheet('2025-08-31');
    expect([s.leads, s.negotiating, s.signed, s.started, s.producing, s.overdue]).toEqual([[], [], [], [], [], []]);
    // 丙: 更新日期 07-02 → 08-31 = 29 + 31 = 60 days (level 60); 癸: 08-02 → 08-31 = 29 (not listed); 壬: 21
    expect(s.stalled.map((x) => [x.name, x.since, x.days, x.level])).toEqual([['丙项目', '2025-07-02', 60, 60]]);
  });

  test('2025-09-30: new signings, new 在谈 and a progress update, the first overdue project', () => {
    const s = sheet('2025-09-30');
    expect(s.signed.map((x) => [x.name, x.date, x.unit, x.investmentYi])).toEqual([
      ['乙项目', '2025-09-10', '青川镇', 2],
      ['庚项目', '2025-04-10', '白沙镇', 3],
      ['甲项目', '2025-03-01', '青川镇', 1],
    ]);
    // 新增 in code-point order 丁 (4E01) 己 (5DF1) 戊 (620A), then 壬's 最新进展 A → B
    expect(s.negotiating.map((x) => [x.name, x.change])).toEqual([
      ['丁项目', '新增'],
      ['己项目', '新增'],
      ['戊项目', '新增'],
      ['壬项目', '进展更新'],
    ]);
    expect(s.leads.map((x) => [x.name, x.change, x.verdict])).toEqual([['线索一', '新增', '待研判']]);
    // 甲 signed 03-01: 30 + 30 + 31 + 30 + 31 + 31 + 30 = 213 days to 09-30, 33 over 180; 庚 (04-10): 173, not yet
    expect(s.overdue.map((x) => [x.name, x.daysSinceSigned, x.daysOverdue, x.isNew])).toEqual([
      ['甲项目', 213, 33, true],
    ]);
    // 丙 07-02 → 09-30 = 29 + 31 + 30 = 90; 癸 08-02 → 09-30 = 29 + 30 = 59 (level 30); 壬 changed at 09-30 (0)
    expect(s.stalled.map((x) => [x.name, x.days, x.level])).toEqual([
      ['丙项目', 90, 60],
      ['癸项目', 59, 30],
    ]);
  });

  test('2025-10-08 (dated): new lead and a 研判 change, a start, a newly overdue project', () => {
    const s = sheet('2025-10-08');
    expect(s.leads.map((x) => [x.name, x.change, x.fromVerdict ?? null, x.verdict])).toEqual([
      ['线索二', '新增', null, '有效'],
      ['线索一', '研判变化', '待研判', '有效'],
    ]);
    expect(s.negotiating).toEqual([]);
    expect(s.signed).toEqual([]);
    expect(s.started.map((x) => [x.key, x.name, x.date])).toEqual([['code:A', '甲项目', '2025-10-05']]);
    // 甲 started 10-05: off the list. 庚 04-10 → 10-08 = 20 + 31 + 30 + 31 + 31 + 30 + 8 = 181, 1 over, new
    expect(s.overdue.map((x) => [x.name, x.unit, x.daysOverdue, x.isNew])).toEqual([['庚项目', '白沙镇', 1, true]]);
    // 丙 07-02 → 10-08 = 29 + 31 + 30 + 8 = 98; 癸 08-02 → 10-08 = 29 + 30 + 8 = 67
    expect(s.stalled.map((x) => [x.name, x.days, x.level])).toEqual([
      ['丙项目', 98, 60],
      ['癸项目', 67, 60],
    ]);
  });

  test('2025-10-15 (dated): stage and progress changes, a signing from 在谈, its rejected row', () => {
    const s = sheet('2025-10-15');
    expect(s.negotiating.map((x) => [x.name, x.change, x.fromStage ?? null, x.stage, x.progress])).toEqual([
      ['戊项目', '阶段变化', '实质性洽谈', '评审', '已签约'],
      ['丁项目', '进展更新', null, '初步接触', '二次洽谈'],
    ]);
    expect(s.signed.map((x) => [x.key, x.name, x.investmentYi])).toEqual([['code:E', '戊项目', 5]]);
    expect(s.leads).toEqual([]);
    // 庚: 188 days, 8 over; already overdue on 10-08
    expect(s.overdue.map((x) => [x.name, x.daysOverdue, x.isNew])).toEqual([['庚项目', 8, false]]);
    expect(s.issues.filter((i) => i.code === 'future_date').map((i) => [i.file, i.value])).toEqual([
      ['ledgers/2025-10-15/招商信息台账.csv', '2025-10-20'],
    ]);
  });

  test('2025-10-31 (month end): removed from 在谈, start and production, 未认定 signing not counted', () => {
    const s = sheet('2025-10-31');
    // 己 left the 在谈 table unsigned; 戊 left it because it was signed (not listed)
    expect(s.negotiating.map((x) => [x.name, x.change])).toEqual([['己项目', '移出在谈']]);
    expect(s.signed).toEqual([]);
    expect(s.started.map((x) => [x.name, x.date])).toEqual([['乙项目', '2025-10-20']]);
    expect(s.producing.map((x) => [x.name, x.date])).toEqual([['甲项目', '2025-10-30']]);
    expect(s.leads.map((x) => [x.name, x.change, x.verdict ?? null])).toEqual([['线索三', '新增', null]]);
    // 庚 04-10 → 10-31 = 20 + 31 + 30 + 31 + 31 + 30 + 31 = 204, 24 over
    expect(s.overdue.map((x) => [x.name, x.daysSinceSigned, x.daysOverdue])).toEqual([['庚项目', 204, 24]]);
    // 丙 121 (29 + 31 + 30 + 31); 癸 90 (29 + 30 + 31); 壬 last changed at 09-30: 31 days; 丁 changed 10-15: 16
    expect(s.stalled.map((x) => [x.name, x.since, x.days, x.level])).toEqual([
      ['丙项目', '2025-07-02', 121, 60],
      ['癸项目', '2025-08-02', 90, 60],
      ['壬项目', '2025-09-30', 31, 30],
    ]);
    expect(s.issues).toEqual([]);
  });
});

describe('dated folders go through the build cache', () => {
  test('each dated file is stored once, and a second build takes everything from the cache', async () => {
    const withDated = openCache(join(root, '.cache-test'));
    const plainCache = openCache(join(plain, '.cache-test'));
    await runDataStage(plain, { log: () => {}, cache: plainCache });
    await runDataStage(root, { log: () => {}, cache: withDated });
    // 2025-10-08 and 2025-10-15 hold 4 files each: 8 more ledger-file entries, and their 调度 sheets
    // (the month-end sheet after them has other earlier sheets: another entry, not one more)
    expect(withDated.stats.writes - plainCache.stats.writes).toBe(8 + 2);
    const { writes } = withDated.stats;
    const reopened = openCache(join(root, '.cache-test'));
    const again = await runDataStage(root, { log: () => {}, cache: reopened });
    // every entry is taken from the cache, but the row memo (read only before a file is read)
    // and the projects after the second-last month (those after the last one are found first)
    expect(reopened.stats).toMatchObject({ misses: 0, writes: 0, hits: writes - 2 });
    expect(again.dispatch.map((d) => [d.date, d.signed.length, d.stalled.length])).toEqual(
      model.dispatch.map((d) => [d.date, d.signed.length, d.stalled.length]),
    );
  });
});
