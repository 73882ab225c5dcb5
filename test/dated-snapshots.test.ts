/**
 * Dated snapshots (contract §1): `ledgers/2025-10-15/` beside `ledgers/2025-10/` feeds the weekly
 * 调度 only; a month held only by dated folders is a period ending on its latest folder's date.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dateOfFolder } from '../src/ingest/classify.ts';
import { type DataModel, runDataStage } from '../src/pipeline/dataStage.ts';
import { scanDataFolder } from '../src/pipeline/scanDataFolder.ts';

const SIGNED = '项目编号,项目名称,总投资（亿元）,签约日期,责任单位\n';
let root: string;
let model: DataModel;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dated-'));
  const put = (folder: string, body: string) => {
    mkdirSync(join(root, 'ledgers', folder), { recursive: true });
    writeFileSync(join(root, 'ledgers', folder, '签约项目表.csv'), SIGNED + body);
  };
  put('2025-10-15', 'A,甲项目,1,2025-10-01,青川镇\n');
  put('2025-10', 'A,甲项目,1,2025-10-01,青川镇\nB,乙项目,2,2025-10-20,青川镇\n');
  // November is held only by two dated folders: the later one (11-15) is November's snapshot
  put('2025-11-08', 'A,甲项目,1,2025-10-01,青川镇\n');
  // 丁项目 signed 2025-05-18: 13 + 30 + 31 + 31 + 30 + 31 + 15 = 181 days to 11-15, so 1 day over
  // 180 (to the month end 11-30 it would be 196 days, 16 over)
  put(
    '2025.11.15',
    'A,甲项目,1,2025-10-01,青川镇\nB,乙项目,2,2025-10-20,青川镇\nC,丙项目,3,2025-11-20,青川镇\nD,丁项目,4,2025-05-18,青川镇\n',
  );
  put('2025-12', 'A,甲项目,1,2025-10-01,青川镇\n');
  model = await runDataStage(root, { log: () => {} });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('dated snapshot folders', () => {
  test('folder names', () => {
    expect(['2025-10-20', '2025.1.5', '20251020', '2025年10月20日', '2025-02-30', '2025-10'].map(dateOfFolder)).toEqual(
      ['2025-10-20', '2025-01-05', '2025-10-20', '2025-10-20', null, null],
    );
  });

  test('the month’s folder, else its latest dated folder, is the month’s snapshot; the others are for 调度', () => {
    const f = scanDataFolder(root);
    expect(f.snapshots.map((s) => [s.period, s.asOf ?? null, s.files])).toEqual([
      ['2025-10', null, ['ledgers/2025-10/签约项目表.csv']],
      ['2025-11', '2025-11-15', ['ledgers/2025.11.15/签约项目表.csv']],
      ['2025-12', null, ['ledgers/2025-12/签约项目表.csv']],
    ]);
    expect(f.dated.map((d) => d.date)).toEqual(['2025-10-15', '2025-11-08']);
    expect(f.issues.filter((i) => i.code === 'snapshot_dated').map((i) => i.file)).toEqual([
      'ledgers/2025-10-15',
      'ledgers/2025-11-08',
    ]);
  });

  test('a dated-only month ends on its date: later rows are future dates, overdue days count to it', () => {
    expect(model.snapshots.map((s) => s.period)).toEqual(['2025-10', '2025-11', '2025-12']);
    const nov = model.snapshots[1]!;
    expect(nov.metrics.periodEnd).toBe('2025-11-15');
    // 丙项目 signed 11-20 is after 11-15: rejected; 甲, 乙 and 丁 count
    expect(model.issues.filter((i) => i.code === 'future_date').map((i) => [i.file, i.value])).toEqual([
      ['ledgers/2025.11.15/签约项目表.csv', '2025-11-20'],
    ]);
    expect(nov.metrics.ytd.signed.count).toBe(3);
    expect(nov.metrics.overdue.map((o) => [o.name, o.daysSinceSigned, o.daysOverdue])).toEqual([['丁项目', 181, 1]]);
    // the October figures come from ledgers/2025-10/, not from the mid-month folder
    expect(model.snapshots[0]?.metrics.ytd.signed.count).toBe(2);
  });
});
