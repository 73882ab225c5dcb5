import { describe, expect, test } from 'vitest';
import { drillView, jsonForScript, ranges } from '../src/site/bulletin/bulletinDrill.ts';
import { unitId } from '../src/site/data.ts';
import { drillHref, figureAnchor, figureRefs, periodFigures, refKey } from '../src/site/drill.ts';
import { computePeriodMetrics } from '../src/metrics/periodMetrics.ts';
import { TARGETS, UNITS, periodData, records2025_10 } from './site-bulletin.fixture.ts';
import { signedRecord } from './helpers/records.ts';

const { data } = periodData();
const { metrics, records } = data;
const jia = unitId('甲镇');
const yi = unitId('乙局');
const bing = unitId('丙办');
const rows = (refs: { row: number }[] | undefined) => (refs ?? []).map((r) => r.row).sort((a, b) => a - b);

describe('figureRefs', () => {
  const refs = figureRefs(metrics, records);

  test('zone, month and unit figures', () => {
    expect(rows(refs.get('ytd.signed'))).toEqual([4, 5, 6, 8]); // the 2024 row (7) is not in 2025 累计
    expect(rows(refs.get('month.signed'))).toEqual([5, 6]);
    expect(rows(refs.get(`ytd.signed.unit.${jia}`))).toEqual([4, 5]);
    expect(rows(refs.get(`month.signed.unit.${yi}`))).toEqual([6]);
    expect(refs.has(`month.signed.unit.${bing}`)).toBe(false); // no row this month: no breakdown entry
    expect(rows(refs.get('ytd.started'))).toEqual([2, 3]);
    // a 开工 row without 责任单位 counts under its project's unit
    expect(rows(refs.get(`ytd.started.unit.${yi}`))).toEqual([3]);
    expect(rows(refs.get(`ytd.funds.unit.${jia}`))).toEqual([4, 5]);
    expect(rows(refs.get('ytd.leads'))).toEqual([4, 5, 6]);
    expect(rows(refs.get('ytd.leadsValid'))).toEqual([4, 6]);
    expect(rows(refs.get('month.leadsValid'))).toEqual([4]);
    expect(rows(refs.get('ytd.trips'))).toEqual([2, 3]);
    expect(rows(refs.get('month.trips'))).toEqual([2]);
    expect(rows(refs.get('ytd.signed.foreign'))).toEqual([5]);
    expect(rows(refs.get('ytd.funds.foreign'))).toEqual([5]);
  });

  test('size buckets, chains, sources', () => {
    // 50亿元以上, 10–50, 5–10, 1–5, 亿元以下
    expect([0, 1, 2, 3, 4].map((i) => rows(refs.get(`ytd.signed.size.${i}`)))).toEqual([[6], [4], [8], [], [5]]);
    expect([0, 1, 2, 3, 4].map((i) => rows(refs.get(`month.signed.size.${i}`)))).toEqual([[6], [], [], [], [5]]);
    const chains = metrics.ytd.signed.byChain.map((c, i) => [c.chain, rows(refs.get(`ytd.signed.chain.${i}`))]);
    expect(chains).toEqual([
      ['新能源', [4, 6]],
      [null, [8]],
      ['装备制造', [5]],
    ]);
    const sources = metrics.ytd.funds.bySource.map((s, i) => [s.source, rows(refs.get(`ytd.funds.source.${i}`))]);
    expect(sources).toEqual([
      ['省外', [4]],
      ['境外', [5]],
    ]);
  });

  test('score items, start rate, overdue', () => {
    expect(rows(refs.get(`score.${jia}.0`))).toEqual([4, 5]); // 签约金额
    expect(rows(refs.get(`score.${jia}.2`))).toEqual([2]); // 开工项目数
    expect(rows(refs.get(`score.${yi}.1`))).toEqual([7]); // 签约超期未开工 (2024 row)
    expect(refs.get(`score.${bing}.1`)).toEqual([]); // 投产项目数: none
    expect(rows(refs.get(`startRate.${jia}`))).toEqual([4, 5]);
    expect(rows(refs.get('overdue'))).toEqual([7, 8]);
  });

  test('the count of every id equals its figure', () => {
    expect(refs.get('ytd.signed')).toHaveLength(metrics.ytd.signed.count);
    expect(refs.get('ytd.leadsValid')).toHaveLength(metrics.ytd.leads.valid);
    for (const u of metrics.ytd.signed.byUnit)
      expect(refs.get(`ytd.signed.unit.${u.unit === null ? 'none' : unitId(u.unit)}`)).toHaveLength(u.count);
    const ids = [...refs.keys()];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('score.'))).toHaveLength(7);
  });

  test('every ref resolves to a record of the snapshot', () => {
    const all = new Set(
      Object.values(records).flatMap((list: { src: { file: string; sheet: string; row: number } }[]) =>
        list.map((r) => refKey(r.src)),
      ),
    );
    for (const [id, list] of refs)
      for (const r of list) expect(all.has(refKey(r)), `${id} → ${r.file}:${r.row}`).toBe(true);
  });

  test('without the records, the figures that need them are left out', () => {
    const bare = figureRefs(metrics);
    expect(bare.has('ytd.leadsValid')).toBe(false);
    expect(bare.has('ytd.signed.foreign')).toBe(false);
    expect(bare.get('ytd.signed')).toEqual(refs.get('ytd.signed'));
  });
});

describe('drillHref and anchors', () => {
  test('relative to the page, figure id in the query, section in the hash', () => {
    expect(drillHref('bulletins/2025-10.html', '2025-10', `ytd.signed.unit.${jia}`)).toBe(
      `../drill/2025-10.html?f=ytd.signed.unit.${jia}#signed-${jia}`,
    );
    expect(drillHref('index.html', '2025-10', 'ytd.signed')).toBe('drill/2025-10.html?f=ytd.signed#signed');
    expect(drillHref('drill/2025-09.html', '2025-10', `score.${jia}.2`, `started-${jia}`)).toBe(
      `2025-10.html?f=score.${jia}.2#started-${jia}`,
    );
    expect(drillHref('units/u-1.html', '2025-10', `score.${jia}.2`)).toBe(`../drill/2025-10.html?f=score.${jia}.2`);
  });

  test.each([
    ['ytd.funds', 'funds'],
    ['month.leadsValid.unit.u-1a2b3c4d', 'leads-u-1a2b3c4d'],
    ['ytd.trips.unit.none', 'trips-none'],
    ['month.signed.size.3', 'signed'],
    ['ytd.funds.source.0', 'funds'],
    ['startRate.u-1a2b3c4d', 'signed-u-1a2b3c4d'],
    ['overdue', 'overdue'],
    ['score.u-1a2b3c4d.0', undefined],
    ['nonsense', undefined],
  ])('figureAnchor(%s) = %s', (id, anchor) => expect(figureAnchor(id)).toBe(anchor));

  test('the figure list agrees with figureAnchor wherever the id tells', () => {
    for (const f of periodFigures(metrics, records)) {
      const a = figureAnchor(f.id);
      if (a !== undefined) expect(f.anchor, f.id).toBe(a);
    }
  });
});

describe('drillView', () => {
  const v = drillView(data);
  const pageRows = v.sections.flatMap((s) =>
    s.units.flatMap((u) =>
      u.sources.flatMap((src) =>
        src.rows.map((r) => ({ kind: s.kind, unit: u.label, file: src.file, row: r.row, cells: r.cells })),
      ),
    ),
  );
  const figureRows = (id: string) => {
    const f = v.figures[id];
    if (!f) throw new Error(`no figure ${id}`);
    return f[1] === ''
      ? []
      : f[1].split(',').flatMap((p) => {
          const [a, b = a] = p.split('-').map(Number) as [number, number?];
          return Array.from({ length: b! - a + 1 }, (_, k) => pageRows[a + k]!);
        });
  };

  test('sections by kind, then unit in units-table order, rows in ledger order', () => {
    expect(v.sections.map((s) => [s.kind, s.count])).toEqual([
      ['signed', 4],
      ['started', 2],
      ['producing', 1],
      ['funds', 2],
      ['leads', 3],
      ['trips', 2],
      ['overdue', 2],
    ]);
    expect(v.sections[0]!.units.map((u) => [u.anchor, u.label, u.count, u.total])).toEqual([
      [`signed-${jia}`, '甲镇', 2, '合计 12.80 亿元'],
      [`signed-${yi}`, '乙局', 1, '合计 55.00 亿元'],
      [`signed-${bing}`, '丙办', 1, '合计 6.00 亿元'],
    ]);
    expect(v.sections[0]!.units[0]!.sources[0]!.rows).toEqual([
      { row: 4, cells: ['锂电池材料项目', '12.00', '2025-03-18', '新能源', ''] },
      { row: 5, cells: ['精密模具项目', '0.80', '2025-10-08', '装备制造', '500.00'] },
    ]);
    expect(v.unresolved).toEqual([]);
  });

  test('a figure of no rows still has its section to land on', () => {
    const producing = v.sections.find((s) => s.kind === 'producing')!;
    expect(producing.units.map((u) => [u.label, u.count])).toEqual([
      ['甲镇', 1],
      ['丙办', 0],
    ]);
    expect(v.figures[`score.${bing}.1`]).toEqual(['丙办·投产项目数', '', '合计 0.00 亿元']);
  });

  test('each figure maps to exactly its rows, with label and total', () => {
    expect(v.figures['ytd.signed']).toEqual(['累计签约项目', '0-3', '合计 73.80 亿元']);
    expect(figureRows('month.signed').map((r) => r.row)).toEqual([5, 6]);
    expect(v.figures['ytd.leads']![2]).toBe('其中有效 2 条');
    expect(v.figures['ytd.trips']![2]).toBe('拜访企业 6 家');
    expect(v.figures['ytd.signed.foreign']![2]).toBe('合计 500.00 万美元');
    expect(v.figures[`score.${jia}.1`]![0]).toBe('甲镇·签约项目数');
    // 签约超期未开工 rows are listed in their own section, with the days overdue
    expect(figureRows('overdue').map((r) => [r.kind, r.row, r.cells[3]])).toEqual([
      ['overdue', 7, '154'],
      ['overdue', 8, '92'],
    ]);
    for (const [id, list] of figureRefs(metrics, records)) {
      const got = figureRows(id)
        .map((r) => `${r.file}:${r.row}`)
        .sort();
      expect(got, id).toEqual(list.map((r) => `${r.file}:${r.row}`).sort());
    }
  });

  test('ranges and script-safe JSON', () => {
    expect(ranges([8, 7, 0, 1, 2, 5, 2])).toBe('0-2,5,7-8');
    expect(ranges([])).toBe('');
    const json = jsonForScript({ a: '</script><!-- & \u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ a: '</script><!-- & \u2028' });
  });
});

describe('drillView with rows no figure counts', () => {
  test('a 待认定 row and a repeated row ahead of counted rows do not shift units or totals', () => {
    // Regression: facts leave out 未认定 and repeated rows, so a record's index is not its fact's.
    const recs = records2025_10();
    const first = recs.signed[0]!;
    recs.signed.unshift(
      signedRecord({
        src: { file: first.src.file, sheet: first.src.sheet, row: 2 },
        key: 'code:Z',
        name: '待认定项目',
        unit: '丙办',
        investmentYi: 99,
        signDate: '2025-10-02',
        recognition: '待认定',
      }),
      // the same project twice under the same unit (row 3 repeats row 4): counted once
      signedRecord({ ...first, src: { ...first.src, row: 3 } }),
    );
    const metrics = computePeriodMetrics({
      period: '2025-10',
      records: recs,
      units: UNITS,
      targets: TARGETS,
      settings: { overdueDays: 180 },
    });
    const v = drillView({ period: '2025-10', records: recs, metrics });
    const signed = v.sections.find((s) => s.kind === 'signed');
    // By hand: 甲镇 rows 3 (the first of 锂电池材料项目 12亿) and 5 (精密模具 0.8亿) = 12.80; 乙局 55;
    // 丙办 row 8 (6亿) and the 待认定 row 2, listed (its own figure) but adding nothing to the total.
    expect(signed?.units.map((u) => [u.label, u.count, u.total])).toEqual([
      ['甲镇', 2, '合计 12.80 亿元'],
      ['乙局', 1, '合计 55.00 亿元'],
      ['丙办', 2, '合计 6.00 亿元'],
    ]);
    const rowsOf = (label: string) =>
      signed?.units.find((u) => u.label === label)?.sources.flatMap((s) => s.rows.map((r) => r.row));
    expect(rowsOf('甲镇')).toEqual([3, 5]);
    expect(rowsOf('丙办')).toEqual([2, 8]);
  });
});
