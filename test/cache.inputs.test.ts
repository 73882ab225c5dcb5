/**
 * Every setting that changes what a ledger row becomes is in the cache key (issue 10): a warm
 * build after such a change gives what a build without cache gives, never the old result.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runDataStage, type DataModel } from '../src/pipeline/dataStage.ts';
import { openCache } from '../src/pipeline/cache.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function zone(settings: object, units = '单位名称,简称,类型\n青川镇,,乡镇\n'): string {
  const dir = mkdtempSync(join(tmpdir(), 'zs-inputs-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'ledgers', '2025-10'), { recursive: true });
  mkdirSync(join(dir, 'reference'), { recursive: true });
  writeFileSync(join(dir, 'reference', '单位名单.csv'), units);
  writeFileSync(
    join(dir, 'ledgers', '2025-10', '签约项目表.csv'),
    '项目编号,项目名称,总投资,签约日期,责任单位\nA,甲项目,1,2025-10-01,青川\nB,乙项目,2,2025-10-02,青川镇\n',
  );
  writeFileSync(join(dir, 'site.json'), JSON.stringify(settings));
  return dir;
}
const outcome = (m: DataModel) => ({
  records: m.snapshots.map((s) => s.records),
  issues: m.issues,
  metrics: m.snapshots.map((s) => s.metrics),
});

const QINGCHUAN_ALIAS = '单位名称,简称,类型\n青川镇,青川,乡镇\n';

test.each([
  [
    'defaultAmountUnit (总投资 written without a unit)',
    [{ defaultAmountUnit: '亿元' }],
    [{ defaultAmountUnit: '万元' }],
  ],
  ['the units table (an alias added)', [{}], [{}, QINGCHUAN_ALIAS]],
] as [string, Parameters<typeof zone>, Parameters<typeof zone>][])(
  'changing %s: the warm build gives the new result',
  async (_name, before, after) => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'zs-inputs-cache-'));
    dirs.push(cacheDir);
    const first = await runDataStage(zone(...before), { log: () => {}, cache: openCache(cacheDir) });
    const changed = zone(...after);
    const cache = openCache(cacheDir);
    const warm = await runDataStage(changed, { log: () => {}, cache });
    const cold = await runDataStage(changed, { log: () => {} });
    expect(cache.stats.misses).toBeGreaterThan(0);
    expect(outcome(warm)).toEqual(outcome(cold));
    // the change does change the records, so the comparison above could fail
    expect(outcome(cold).records).not.toEqual(outcome(first).records);
  },
);
