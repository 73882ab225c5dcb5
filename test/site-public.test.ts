import { describe, expect, test } from 'vitest';
import type { PublicData } from '../src/schemas/siteData.ts';
import type { Asset, ChainCompany, ChainSegment, Park } from '../src/schemas/records.ts';
import { buildChains, chainPage } from '../src/site/chain/chainModel.ts';
import { publicHomeView } from '../src/site/public/publicHome.ts';
import {
  assetsView,
  industriesView,
  industryTags,
  parseArea,
  parksView,
  resultsView,
  splitIndustries,
} from '../src/site/public/publicViews.ts';

const SEGMENTS: ChainSegment[] = [
  { chain: '新能源', segment: '正极材料', position: '上游', strength: '强' },
  { chain: '新能源', segment: '隔膜', position: '上游', strength: '缺' },
  { chain: '生物医药', segment: '原料药', position: '上游' },
];
const COMPANIES: ChainCompany[] = [
  { name: '星辰新能源', chain: '新能源', segment: '正极材料', category: '链主', products: '磷酸铁锂', public: true },
  { name: '星辰新能源', chain: '新能源产业', segment: '隔膜', category: '链主', public: true },
  { name: '聚能药业', chain: '生物医药', category: '链主', public: true },
  { name: '本地企业', chain: '生物医药', category: '本地', public: true },
];
const { chains } = buildChains(SEGMENTS, COMPANIES);
const PARKS: Park[] = [
  {
    name: '高新产业园',
    area: '12.6平方公里',
    industries: '电子信息、新能源产业',
    intro: '核心园区',
    address: '科创大道88号',
  },
  { name: '生物医药产业园', industries: '生物医药，医疗器械' },
];
const asset = (
  name: string,
  type: Asset['type'] | undefined,
  area: string | undefined,
  pub: boolean,
  extra: Partial<Asset> = {},
): Asset => ({
  name,
  public: pub,
  contact: '周明',
  phone: '0000-1234501',
  ...(type ? { type } : {}),
  ...(area ? { area } : {}),
  ...extra,
});
const ASSETS: Asset[] = [
  asset('北侧工业用地', '土地', '120亩', true, {
    location: '高新产业园科创大道北侧',
    contactUnit: '高新产业园',
    status: '具备供地条件',
  }),
  asset('港城路地块', '土地', '86 亩', true),
  asset('未公开地块', '土地', '45亩', false),
  asset('闲置厂房', '厂房', '8,000㎡', true, { contactUnit: '生物医药产业园' }),
  asset('冷链仓库', '厂房', '约1.2万平方米', true),
  asset('老粮站', undefined, undefined, true),
];

describe('主导产业', () => {
  test('tags split a 主导产业 cell and link the ones naming a chain', () => {
    expect(splitIndustries('电子信息、新能源产业， 轻工/食品')).toEqual(['电子信息', '新能源产业', '轻工', '食品']);
    expect(industryTags('电子信息、新能源产业', chains)).toEqual([
      { label: '电子信息', page: null },
      { label: '新能源产业', page: chainPage('新能源') },
    ]);
  });

  test('each chain with its summary, distinct 链主 and host parks', () => {
    const v = industriesView(chains, PARKS);
    expect(v.map((i) => [i.name, i.leaders.map((l) => l.name), i.parks])).toEqual([
      ['新能源', ['星辰新能源'], ['高新产业园']],
      ['生物医药', ['聚能药业'], ['生物医药产业园']],
    ]);
    expect(v[0]?.summary).toBe('上游：正极材料、隔膜。优势环节：正极材料；待补环节：隔膜。');
    expect(v[0]?.page).toBe(chainPage('新能源'));
  });
});

describe('存量资产', () => {
  const v = assetsView(ASSETS);

  test('only published assets, by type, never a contact person or phone', () => {
    expect(v.total).toBe(5);
    expect(v.groups.map((g) => [g.type, g.rows.map((r) => r.name)])).toEqual([
      ['土地', ['北侧工业用地', '港城路地块']],
      ['厂房', ['闲置厂房', '冷链仓库']],
      ['其他', ['老粮站']],
    ]);
    const text = JSON.stringify(v);
    expect(text).not.toContain('未公开地块');
    expect(text).not.toContain('周明');
    expect(text).not.toContain('0000-1234501');
    expect(Object.keys(v.groups[0]!.rows[0]!).sort()).toEqual([
      'anchor',
      'area',
      'contactUnit',
      'location',
      'name',
      'status',
      'type',
    ]);
  });

  test('areas add up only when every cell reads in one unit', () => {
    expect(parseArea('8,000㎡')).toEqual({ value: 8000, unit: '㎡' });
    expect(parseArea('约5亩')).toEqual({ value: 5, unit: '亩' });
    expect(parseArea('1.2万平方米')).toBeNull();
    expect(v.groups[0]?.totalArea).toBe('206亩');
    expect(v.groups[1]?.totalArea).toBeNull();
  });
});

describe('园区载体', () => {
  test('parks keep their own fields, tag industries and list the assets in them', () => {
    const rows = assetsView(ASSETS).groups.flatMap((g) => g.rows);
    const v = parksView(PARKS, chains, rows);
    expect(v[0]).toMatchObject({
      name: '高新产业园',
      area: '12.6平方公里',
      anchor: 'park-1',
      assets: [{ name: '北侧工业用地', anchor: 'asset-1' }],
    });
    expect(v[1]?.assets.map((a) => a.name)).toEqual(['闲置厂房']);
    expect(v[1]?.industries.map((t) => t.page)).toEqual([chainPage('生物医药'), null]);
  });
});

describe('招商成果', () => {
  const pub: PublicData = {
    period: '2025-10',
    signed: [
      {
        name: '甲项目',
        investmentYi: 12.5,
        signDate: '2025-03-18',
        investor: '甲公司',
        chain: '新能源',
        park: '高新产业园',
        segment: '正极材料',
        projectType: '新建',
      },
      { name: '乙项目', investmentYi: 0.8, signDate: '2025-09-01' },
      { name: '丙项目', investmentYi: 3, signDate: '2024-12-01', chain: '生物医药' },
    ],
    headline: { signedCount: 9, signedYi: 40.25, startedCount: 3, producingCount: 1 },
    chainSigned: [],
  };

  test('public signed projects by year, latest first, with totals', () => {
    const v = resultsView(pub);
    expect(v.years.map((y) => [y.year, y.count, y.investmentYi, y.rows.map((r) => r.name)])).toEqual([
      ['2025', 2, 13.3, ['乙项目', '甲项目']],
      ['2024', 1, 3, ['丙项目']],
    ]);
    expect(v.years[0]?.rows[1]).toEqual({
      name: '甲项目',
      investor: '甲公司',
      investmentYi: 12.5,
      chain: '新能源',
      park: '高新产业园',
      signDate: '2025-03-18',
    });
    expect(v.headline).toEqual(pub.headline);
  });

  test('no headline when publicFigures is off', () => {
    expect(resultsView({ ...pub, headline: null }).headline).toBeNull();
  });

  test('public home: span, industries, counts and the latest projects', () => {
    const h = publicHomeView(pub, chains, PARKS, ASSETS, 2);
    expect(h.span).toBe('2025年1—10月');
    expect(h.industries.map((i) => [i.name, i.segments, i.leaders])).toEqual([
      ['新能源', 2, 1],
      ['生物医药', 1, 1],
    ]);
    expect([h.parks, h.assets, h.publicSigned]).toEqual([2, 5, 3]);
    expect(h.latest.map((s) => s.name)).toEqual(['甲项目', '乙项目']);
  });
});
