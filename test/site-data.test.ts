import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { projectId } from '../src/metrics/projects.ts';
import { publicReference } from '../src/pipeline/writeSiteData.ts';
import {
  asOfLabel,
  clearSiteDataCache,
  contentDir,
  loadMeta,
  loadPeriod,
  loadProjects,
  loadQuality,
  loadReference,
  periodLabel,
  unitId,
  unitPage,
} from '../src/site/data.ts';
import { downloadPath, downloadTable, downloadTables } from '../src/site/downloads.ts';
import { navItems } from '../src/site/nav.ts';
import { buildSearchIndex, embedJson, foldText } from '../src/site/searchIndex.ts';
import { toCsv } from '../src/site/tableExport.ts';

const INTERNAL = fileURLToPath(new URL('./fixtures/site-data/', import.meta.url));
const PUBLIC = fileURLToPath(new URL('./fixtures/site-data-public/', import.meta.url));
const CONTENT = [{ slug: 'about', title: '区位优势', page: 'pages/about.html' }];
/** Strings of the internal fixture that contract §10 keeps out of the public site. */
const SECRET = [
  '张三',
  '13600000003',
  '内部备注A',
  '李四',
  '精密模具',
  '某目标储能集团',
  '老粮站地块',
  '王五',
  '13900000000',
  '钱七',
  '已考察两次',
  '储能电站项目',
  '经济合作局',
  '经合局',
  '待定',
];

const use = (dir: string) => {
  process.env.ZS_SITE_DATA = dir;
  clearSiteDataCache();
};
const saved = process.env.ZS_SITE_DATA;
afterEach(() => {
  if (saved === undefined) delete process.env.ZS_SITE_DATA;
  else process.env.ZS_SITE_DATA = saved;
  clearSiteDataCache();
});

describe('loaders (internal fixture)', () => {
  beforeEach(() => use(INTERNAL));

  test('read the contract files, once', () => {
    expect(loadMeta().zoneName).toBe('青川经济开发区');
    expect(loadMeta()).toBe(loadMeta());
    expect(loadPeriod('2025-10').period).toBe('2025-10');
    expect(loadProjects()).toHaveLength(2);
    expect(loadQuality().issues[0]?.code).toBe('invalid_amount');
    expect(loadReference().units.map((u) => u.name)).toEqual(['经济合作局', '青溪镇', '驻深招商组']);
  });

  test('a relative contentDir is taken from the site data folder', () => {
    expect(contentDir()).toBe(`${INTERNAL}content`);
  });

  test('refuse a bad period and explain a missing ZS_SITE_DATA', () => {
    expect(() => loadPeriod('2025-13')).toThrow(/invalid period/);
    delete process.env.ZS_SITE_DATA;
    clearSiteDataCache();
    expect(() => loadMeta()).toThrow(/ZS_SITE_DATA is not set/);
  });
});

describe('ids and labels', () => {
  test('unitId is stable, short and file-safe', () => {
    expect(unitId('经济合作局')).toMatch(/^u-[0-9a-f]{8}$/);
    expect(unitId('经济合作局')).toBe(unitId('经济合作局'));
    expect(unitId('经济合作局')).not.toBe(unitId('青溪镇'));
    expect(unitPage('青溪镇')).toBe(`units/${unitId('青溪镇')}.html`);
  });

  test('period labels', () => {
    expect(periodLabel('2025-03')).toBe('2025年3月');
    expect(asOfLabel('2025-10')).toBe('数据截至2025年10月底');
  });

  test('nav per profile', () => {
    expect(navItems('internal').map((i) => i.label)).toEqual([
      '首页',
      '月度通报',
      '周调度',
      '排名',
      '目标',
      '项目',
      '单位',
      '招商图谱',
      '年度报告',
      '数据质量',
      '下载',
      '搜索',
    ]);
    expect(navItems('public', [{ slug: 'about', title: '区位优势' }]).map((i) => i.label)).toEqual([
      '首页',
      '主导产业',
      '招商图谱',
      '园区载体',
      '存量资产',
      '招商成果',
      '区位优势',
      '下载',
      '搜索',
    ]);
  });
});

describe('downloads registry', () => {
  test('internal tables', () => {
    use(INTERNAL);
    // Reference tables, then the per-period tables of the bulletins, rankings, targets and units (fixture: 2025-09, 2025-10).
    expect(downloadTables().map((t) => t.id)).toEqual([
      'projects',
      'units',
      'assets',
      'quality-issues',
      'quality-sheets',
      'unknown-units',
      'parks',
      'chain-companies',
      'bulletin-2025-10-units',
      'bulletin-2025-10-ranking',
      'bulletin-2025-09-units',
      'bulletin-2025-09-ranking',
      'ranking-2025-10',
      'scores-2025-10',
      'ranking-2025-09',
      'scores-2025-09',
      'targets-2025',
      'unit-overview',
    ]);
    const csv = toCsv(downloadTable('projects').columns, downloadTable('projects').rows());
    expect(csv).toContain("'=精密模具项目");
    expect(downloadPath('projects', 'xlsx')).toBe('downloads/projects.xlsx');
  });

  test('public tables carry none of the internal strings', () => {
    use(PUBLIC);
    const tables = downloadTables();
    expect(tables.map((t) => t.id)).toEqual(['signed-public', 'parks', 'assets', 'chain-companies']);
    expect(() => downloadTable('projects')).toThrow(/no download table/);
    const all = tables.map((t) => toCsv(t.columns, t.rows())).join('\n');
    for (const s of [...SECRET, '联系人', '联系电话']) expect(all).not.toContain(s);
    expect(all).toContain('年产10万吨锂电池材料项目');
  });

  test('the public fixture is up to date with publicReference() (rerun regenerate.ts)', () => {
    const internal = JSON.parse(readFileSync(`${INTERNAL}reference.json`, 'utf8'));
    const pub = JSON.parse(readFileSync(`${PUBLIC}reference.json`, 'utf8'));
    expect(publicReference(internal)).toEqual(pub);
  });
});

describe('search index', () => {
  test('internal: pages, bulletins, projects and units with relative hrefs', () => {
    use(INTERNAL);
    const index = buildSearchIndex('internal', CONTENT);
    const project = index.find((e) => e[0] === '项目' && e[1].startsWith('年产'));
    expect(project).toEqual([
      '项目',
      '年产10万吨锂电池材料项目',
      '经济合作局 · 开工 · 12.50亿元',
      `projects/${projectId('code:QC-2025-001')}.html`,
      '青川锂业有限公司 · 新能源 · 电池材料 · QC-2025-001',
    ]);
    expect(index.find((e) => e[1] === '驻深招商组')?.[4]).toBe('深圳组');
    expect(index.some((e) => e[3] === 'bulletins/2025-09.html')).toBe(true);
    expect(index.some((e) => e[3] === 'pages/about.html')).toBe(true);
    for (const e of index) expect(e[3]).not.toMatch(/^(\/|[a-z]+:)/i);
  });

  test('public: only public data', () => {
    use(PUBLIC);
    const json = embedJson(buildSearchIndex('public', CONTENT));
    for (const s of SECRET) expect(json).not.toContain(s);
    const index = JSON.parse(json) as string[][];
    expect(index.map((e) => e[0])).toEqual(
      expect.arrayContaining(['签约项目', '产业链', '企业', '园区', '存量资产', '栏目']),
    );
  });

  test('folding matches full-width and case', () => {
    expect(foldText('ＱＣ－２０２５ Ab')).toBe('qc-2025ab');
  });

  test('embedded JSON cannot close its <script>', () => {
    const s = embedJson([['项目', '</script><script>alert(1)</script>', '<!--', 'a&b', '\u2028']]);
    expect(s).not.toMatch(/<|>|&/);
    expect(JSON.parse(s)).toEqual([['项目', '</script><script>alert(1)</script>', '<!--', 'a&b', '\u2028']]);
  });
});
