import { signedRecord } from './helpers/records.ts';
import { describe, expect, test } from 'vitest';
import { publicReference } from '../src/pipeline/writeSiteData.ts';
import type { Reference } from '../src/schemas/siteData.ts';
import { chainMap } from '../src/charts/chainMap.ts';
import type { ChainCompany, ChainSegment, Signed } from '../src/schemas/records.ts';
import { buildChains, chainId, chainKey, chainPage, segmentKey } from '../src/site/chain/chainModel.ts';
import { signedGroupsFromPublic, signedGroupsFromRecords, unmatchedProjects } from '../src/site/chain/chainSigned.ts';
import {
  attractionList,
  chainMapInput,
  chainOverview,
  chainSummary,
  extensionList,
  gapList,
  miniMapInput,
  visionSummary,
} from '../src/site/chain/chainViews.ts';

const seg = (
  chain: string,
  segment: string,
  position: ChainSegment['position'],
  strength?: ChainSegment['strength'],
  order?: number,
  description?: string,
): ChainSegment => ({
  chain,
  segment,
  position,
  ...(strength ? { strength } : {}),
  ...(order !== undefined ? { order } : {}),
  ...(description ? { description } : {}),
});
const co = (
  name: string,
  chain: string,
  segment: string | undefined,
  category: ChainCompany['category'],
  pub = true,
): ChainCompany => ({ name, chain, category, public: pub, ...(segment ? { segment } : {}) });

const SEGMENTS: ChainSegment[] = [
  seg('新能源', '储能系统', '下游', '弱', 3, '应用场景有待拓展'),
  seg('新能源', '锂矿资源', '上游', '缺', 2, '区内无矿产资源'),
  seg('新能源', '正极材料', '上游', '强', 1),
  seg('新能源', '电池 PACK', '中游', '风险'),
  seg('新能源', '电芯制造', '中游'),
  seg('生物医药', '原料药', '上游', '强'),
  seg('生物医药', '生物制品', '中游', '缺'),
];
const COMPANIES: ChainCompany[] = [
  co('星辰新能源', '新能源', '正极材料', '链主'),
  co('同芯新能源', '新能源产业链', '电池pack', '本地'),
  co('同芯新能源', '新能源', '正极材料', '本地'), // same enterprise in two segments
  co('卓越新能源', '新能源', '储能系统', '本地'),
  co('华锐锂业', '新能源', '锂矿资源', '目标', false),
  co('鼎晟锂业', '新能源', '锂矿资源', '目标', true),
  co('朗信储能', '新能源', '储能系统', '目标', true),
  co('朗信储能', '新能源', '储能系统', '目标', true), // listed twice
  co('无环节企业', '新能源', undefined, '本地'),
  co('错环节企业', '新能源', '隔膜', '本地'),
  co('聚能药业', '生物医药', '原料药', '本地'),
  co('远景生物', '新材料', '石墨烯', '目标'), // chain only in the 企业 sheet
];

const signed = (
  name: string,
  chain: string | undefined,
  segment: string | undefined,
  signDate: string,
  extra: Partial<Signed> = {},
): Signed =>
  signedRecord({
    src: { file: 'ledgers/2025-10/签约.xlsx', sheet: 'Sheet1', row: 5 },
    name,
    investmentYi: 2,
    signDate,
    unit: '青川镇',
    public: true,
    ...(chain ? { chain } : {}),
    ...(segment ? { segment } : {}),
    ...extra,
  });

describe('chain ids and keys', () => {
  test('chain names compare without spaces and a trailing 产业链/产业/链', () => {
    expect(chainKey('新能源 产业链')).toBe('新能源');
    expect(chainKey('新能源产业')).toBe('新能源');
    expect(chainKey('新能源链')).toBe('新能源');
    expect(segmentKey(' 电池 PACK ')).toBe(segmentKey('电池pack'));
  });

  test('ids are stable, file-safe and shared by spellings of one chain', () => {
    expect(chainId('新能源')).toMatch(/^c-[0-9a-f]{8}$/);
    expect(chainId('新能源')).toBe(chainId('新能源产业链'));
    expect(chainId('新能源')).not.toBe(chainId('生物医药'));
    expect(chainPage('新能源')).toBe(`chains/${chainId('新能源')}.html`);
  });
});

describe('buildChains', () => {
  const { chains } = buildChains(SEGMENTS, COMPANIES);
  const xny = chains[0]!;

  test('chains in sheet order; a chain named only in the 企业 sheet comes last', () => {
    expect(chains.map((c) => c.name)).toEqual(['新能源', '生物医药', '新材料']);
    expect(chains[2]?.segments).toEqual([]);
    expect(chains[2]?.unplaced.companies.map((c) => c.name)).toEqual(['远景生物']);
  });

  test('segments ordered 上游 → 中游 → 下游, then 排序, then sheet order; anchors follow', () => {
    expect(xny.segments.map((s) => s.segment)).toEqual(['正极材料', '锂矿资源', '电池 PACK', '电芯制造', '储能系统']);
    expect(xny.segments.map((s) => s.anchor)).toEqual(['seg-1', 'seg-2', 'seg-3', 'seg-4', 'seg-5']);
  });

  test('enterprises join by normalised chain and segment; counts are distinct names', () => {
    const by = Object.fromEntries(xny.segments.map((s) => [s.segment, s.counts]));
    expect(by['正极材料']).toEqual({ 链主: 1, 本地: 1, 目标: 0, signed: 0 });
    expect(by['电池 PACK']).toEqual({ 链主: 0, 本地: 1, 目标: 0, signed: 0 });
    expect(by['锂矿资源']).toEqual({ 链主: 0, 本地: 0, 目标: 2, signed: 0 });
    expect(by['储能系统']).toEqual({ 链主: 0, 本地: 1, 目标: 1, signed: 0 });
    expect(xny.unplaced.companies.map((c) => c.name)).toEqual(['无环节企业', '错环节企业']);
    // chain totals count an enterprise once even when it sits in two segments
    expect(xny.totals).toMatchObject({ segments: 5, 链主: 1, 本地: 4, 目标: 3, signed: 0 });
    expect(xny.totals.strength).toEqual({ 强: 1, 弱: 1, 缺: 1, 风险: 1, 未评估: 1 });
  });

  test('signed groups attach by chain and segment; unknown segment → 未标注环节; unknown chain → unmatched', () => {
    const groups = [
      { chain: '新能源产业', segment: '储能系统', count: 2 },
      { chain: ' 新能源 ', segment: '电池pack', count: 1 },
      { chain: '新能源', segment: null, count: 3 },
      { chain: '新能源', segment: '钠电池', count: 1 },
      { chain: '文旅康养', segment: null, count: 4 },
    ];
    const r = buildChains(SEGMENTS, COMPANIES, groups);
    const c = r.chains[0]!;
    expect(c.segments.find((s) => s.segment === '储能系统')?.counts.signed).toBe(2);
    expect(c.segments.find((s) => s.segment === '电池 PACK')?.counts.signed).toBe(1);
    expect(c.unplaced.signed).toBe(4);
    expect(c.totals.signed).toBe(7);
    expect(r.unmatched).toEqual([{ chain: '文旅康养', segment: null, count: 4 }]);
  });
});

describe('signed groups', () => {
  const rows = [
    signed('今年储能项目', '新能源产业', '储能系统', '2025-03-08', { key: 'code:A1', investor: '甲公司' }),
    signed('今年无环节项目', '新能源', undefined, '2025-10-08'),
    signed('去年项目', '新能源', '储能系统', '2024-12-31'),
    signed('无产业链项目', undefined, undefined, '2025-05-01'),
    signed('文旅项目', '文旅康养', undefined, '2025-06-01', { key: 'name:文旅项目' }),
  ];

  test('internal: this year only, grouped as written, with project links', () => {
    const { groups, noChain } = signedGroupsFromRecords(rows, '2025', (key) => `projects/${key.length}.html`);
    expect(noChain).toBe(1);
    expect(groups.map((g) => [g.chain, g.segment, g.count])).toEqual([
      ['新能源产业', '储能系统', 1],
      ['新能源', null, 1],
      ['文旅康养', null, 1],
    ]);
    expect(groups[0]?.projects?.[0]).toMatchObject({
      name: '今年储能项目',
      investor: '甲公司',
      href: 'projects/7.html',
    });
    expect(groups[1]?.projects?.[0]?.href).toBeUndefined();
    const r = buildChains(SEGMENTS, COMPANIES, groups);
    expect(r.chains[0]?.segments.find((s) => s.segment === '储能系统')?.projects.map((p) => p.name)).toEqual([
      '今年储能项目',
    ]);
    expect(unmatchedProjects(r.unmatched).map((p) => p.name)).toEqual(['文旅项目']);
  });

  test('public: the counts of all this year’s projects, the public ones among them by name', () => {
    const groups = signedGroupsFromPublic({
      period: '2025-10',
      chainSigned: [{ chain: '新能源', segment: '储能系统', count: 3 }],
      signed: [
        { name: '公开储能项目', investmentYi: 2, signDate: '2025-03-08', chain: '新能源', segment: '储能系统' },
        { name: '去年储能项目', investmentYi: 1, signDate: '2024-12-01', chain: '新能源', segment: '储能系统' },
        { name: '他链项目', investmentYi: 1, signDate: '2025-05-01', chain: '生物医药', segment: '储能系统' },
      ],
    });
    expect(groups.map((g) => [g.count, g.projects?.map((p) => p.name)])).toEqual([[3, ['公开储能项目']]]);
    const seg = buildChains(SEGMENTS, COMPANIES, groups).chains[0]?.segments.find((s) => s.segment === '储能系统');
    expect(seg?.counts.signed).toBe(3);
    expect(seg?.projects.map((p) => [p.name, p.href])).toEqual([['公开储能项目', undefined]]);
    expect(signedGroupsFromPublic({ chainSigned: [{ chain: '新能源', segment: null, count: 1 }] })).toEqual([
      { chain: '新能源', segment: null, count: 1, projects: [] },
    ]);
  });
});

describe('views', () => {
  const groups = [
    { chain: '新能源', segment: '锂矿资源', count: 2 },
    { chain: '生物医药', segment: null, count: 1 },
  ];
  const { chains } = buildChains(SEGMENTS, COMPANIES, groups);

  test('overview counts per chain', () => {
    expect(chainOverview(chains)).toEqual([
      {
        name: '新能源',
        page: chainPage('新能源'),
        segments: 5,
        强: 1,
        弱: 1,
        缺: 1,
        风险: 1,
        链主: 1,
        本地: 4,
        目标: 3,
        signed: 2,
      },
      {
        name: '生物医药',
        page: chainPage('生物医药'),
        segments: 2,
        强: 1,
        弱: 0,
        缺: 1,
        风险: 0,
        链主: 0,
        本地: 1,
        目标: 0,
        signed: 1,
      },
      {
        name: '新材料',
        page: chainPage('新材料'),
        segments: 0,
        强: 0,
        弱: 0,
        缺: 0,
        风险: 0,
        链主: 0,
        本地: 0,
        目标: 1,
        signed: 0,
      },
    ]);
  });

  test('补链 list: 缺 then 弱 segments with their (distinct) target enterprises', () => {
    const rows = gapList(chains);
    expect(rows.map((r) => [r.chain, r.segment, r.strength, r.targets.map((t) => t.name), r.signed])).toEqual([
      ['新能源', '锂矿资源', '缺', ['华锐锂业', '鼎晟锂业'], 2],
      ['生物医药', '生物制品', '缺', [], 0],
      ['新能源', '储能系统', '弱', ['朗信储能'], 0],
    ]);
    expect(rows[0]?.page).toBe(`${chainPage('新能源')}#seg-2`);
  });

  test('补链 list in the public profile has only published targets', () => {
    const ref: Reference = {
      units: [],
      targets: [],
      manualScores: [],
      chainSegments: SEGMENTS,
      chainCompanies: COMPANIES,
      parks: [],
      assets: [],
    };
    const pub = publicReference(ref);
    const rows = gapList(buildChains(pub.chainSegments, pub.chainCompanies).chains);
    expect(rows[0]?.targets.map((t) => t.name)).toEqual(['鼎晟锂业']);
    expect(JSON.stringify(rows)).not.toContain('华锐锂业');
  });

  test('attraction list: 补链 (缺 with targets) before 强链', () => {
    expect(attractionList(chains[0]!).map((r) => [r.segment, r.action, r.targets.length])).toEqual([
      ['锂矿资源', '补链', 2],
      ['储能系统', '强链', 1],
    ]);
    expect(visionSummary(chains[0]!)).toEqual({ gaps: 1, filled: 1, strengthened: 1, extended: 0, targets: 3 });
    expect(visionSummary(chains[1]!)).toEqual({ gaps: 1, filled: 0, strengthened: 0, extended: 0, targets: 0 });
  });

  test('延链: a target in a segment the map does not have; a 本地 firm there or a target without 环节 is not', () => {
    const extra = [
      ...COMPANIES,
      co('钠电先锋', '新能源', '钠离子电池', '目标'),
      co('钠电后援', '新能源', ' 钠离子 电池', '目标'), // same segment, other spelling
      co('无环节目标', '新能源', undefined, '目标'),
    ];
    const c = buildChains(SEGMENTS, extra).chains[0]!;
    expect(extensionList(c).map((e) => [e.segment, e.targets.map((t) => t.name)])).toEqual([
      ['钠离子电池', ['钠电先锋', '钠电后援']],
    ]);
    const rows = attractionList(c);
    expect(rows.at(-1)).toMatchObject({ anchor: 'seg-none', segment: '钠离子电池', action: '延链' });
    expect(rows.at(-1)?.position).toBeUndefined();
    expect(visionSummary(c).extended).toBe(1);
    const input = chainMapInput(c, '远景', '2025');
    expect(input.extensions).toEqual([
      {
        segment: '钠离子电池',
        companies: [
          { name: '钠电先锋', category: '目标' },
          { name: '钠电后援', category: '目标' },
        ],
        href: '#seg-none',
      },
    ]);
    expect(chainMap(input)).toContain('>延链 2 家</text>');
    // the chain named only in the 企业 sheet: its one target is 延链 too
    expect(extensionList(chains[2]!).map((e) => e.segment)).toEqual(['石墨烯']);
  });

  test('overview mini map: every segment with its strength and signed count, linked into the chain page', () => {
    const m = miniMapInput(chains[0]!, '2025');
    expect(m.year).toBe('2025');
    expect(m.segments[1]).toEqual({
      segment: '锂矿资源',
      position: '上游',
      strength: '缺',
      signed: 2,
      href: `${chainPage('新能源')}#seg-2`,
    });
    expect(m.segments).toHaveLength(5);
  });

  test('远景 map input: same segments and enterprises, the view switched, nodes linked to their sections', () => {
    const now = chainMapInput(chains[0]!, '现状', '2025');
    const vision = chainMapInput(chains[0]!, '远景', '2025');
    expect(vision.view).toBe('远景');
    expect(vision.chain).toBe('新能源');
    expect(vision.year).toBe('2025');
    expect(vision.segments).toEqual(now.segments);
    expect(vision.segments[1]).toEqual({
      segment: '锂矿资源',
      position: '上游',
      strength: '缺',
      order: 2,
      companies: [
        { name: '华锐锂业', category: '目标' },
        { name: '鼎晟锂业', category: '目标' },
      ],
      signed: 2,
      href: '#seg-2',
    });
    // 链主 before 本地 within a segment, as the map lists them
    expect(vision.segments[0]?.companies.map((c) => c.category)).toEqual(['链主', '本地']);
    const svg = chainMap(vision);
    expect(svg).toContain('补链 2 家');
    expect(svg).toContain('强链 1 家');
    expect(svg).toContain('>2025年签约 2 个项目<');
    expect(chainMap(now)).not.toContain('补链 2 家');
  });

  test('summary of a chain from its segments', () => {
    expect(chainSummary(chains[0]!)).toBe(
      '上游：正极材料、锂矿资源；中游：电池 PACK、电芯制造；下游：储能系统。优势环节：正极材料；待补环节：锂矿资源。',
    );
    expect(chainSummary(chains[2]!)).toBe('');
  });
});
