import { describe, expect, it } from 'vitest';
import { bulletinDocx } from '../src/site/documents/bulletinDoc.ts';
import { documentSettings } from '../src/documents/docSettings.ts';
import { publicityView } from '../src/site/documents/publicity.ts';
import { publicityDocx, publicityRows, publicityXlsx } from '../src/site/documents/publicityDoc.ts';
import { bulletinView } from '../src/site/bulletin/bulletin.ts';
import { rankingPeriods } from '../src/site/ranking/ranking.ts';
import { periodData, TARGETS, UNITS } from './site-bulletin.fixture.ts';
import { docxParagraphs, docxParts, docxTables } from './helpers/docx.ts';
import { unzip } from './fixtures/ingest/make.ts';

/**
 * The 通报 and 公示 documents of the hand-made zone (test/site-bulletin.fixture.ts), read back as
 * data. Hand-worked figures of 2025 (1—10月):
 * - 签约 counted this year: 甲镇 12 + 0.8, 乙局 55, 丙办 6 → 4 projects, 73.80 亿元; in October
 *   0.8 + 55 → 2 projects, 55.80 亿元 (乙局's 3 亿元 is dated 2024).
 * - 签约超期未开工 (180 days before 2025-10-31): 乙局 3 (2024-12-01, deadline 2025-05-30) and 丙办 6
 *   (2025-02-01, deadline 2025-07-31) → 2 projects, 9.00 亿元.
 * - 甲镇 签约金额 12.8 / 10 = 128.0% → 20 × 100% = 20.00; 乙局 55 / 50 = 110.0% → 20.00, and one
 *   overdue project whose deadline falls in 2025 → 扣分 1 × 1 = −1.00, total 19.00.
 */

const SETTINGS = documentSettings({
  zoneName: '青川经济开发区',
  office: '青川经济开发区投资促进局',
  documentNumber: '青开招〔{year}〕{n}号',
  issueDay: 5,
  publicityDays: 5,
});

async function bulletin() {
  const { data, prev } = periodData();
  const view = bulletinView(data, { zoneName: '青川经济开发区', office: null, periods: ['2025-09', '2025-10'] }, prev);
  const bytes = await bulletinDocx({ view, metrics: data.metrics, zoneName: '青川经济开发区', settings: SETTINGS });
  return { view, bytes, xml: docxParts(bytes).get('word/document.xml')! };
}

describe('bulletins/<YYYY-MM>.docx', () => {
  it('版头, 文号, title and the drafted 总体情况 with the hand-worked figures', async () => {
    const { xml } = await bulletin();
    const paras = docxParagraphs(xml);
    expect(paras).toContain('青川经济开发区投资促进局文件');
    expect(paras).toContain('青开招〔2025〕10号');
    expect(paras).toContain('关于2025年1—10月\n全区招商引资工作情况的通报');
    const overall = paras.find((p) => p.startsWith('1—10月，全区累计签约项目'))!;
    expect(overall).toContain('全区累计签约项目4个');
    expect(overall).toContain('签约金额73.80亿元');
    expect(overall).toContain('其中10月签约项目2个，签约金额55.80亿元');
    expect(paras).toContain('签约超过180天仍未开工的项目2个，涉及签约金额9.00亿元，请各责任单位逐一督办、推动开工。');
    // sections in order, 存在问题 and 下一步工作 as marked places, 成文日期 the 5th of the next month
    const at = (s: string) => paras.findIndex((p) => p === s);
    const order = [
      '一、总体情况',
      '二、各单位完成情况',
      '三、综合排名',
      '四、存在问题',
      '五、下一步工作',
      '2025年11月5日',
      '附件1',
      '附件2',
    ];
    const idx = order.map(at);
    expect(idx.every((i) => i >= 0)).toBe(true);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    expect(paras[at('四、存在问题') + 1]).toMatch(/^【请填写：/);
    expect(paras[at('五、下一步工作') + 1]).toMatch(/^【请填写：/);
  });

  it('the tables hold the figures of the page’s view-model, to the cent', async () => {
    const { view, xml } = await bulletin();
    const [t1, t2, t3, a1, a2] = docxTables(xml);
    expect(t1!.slice(1).map((r) => r.slice(1, 3))).toEqual(view.overview.map((r) => [r.month.text, r.ytd.text]));
    expect(t1![2]).toEqual(expect.arrayContaining(['73.80', '55.80'])); // 签约金额 row (hand-worked)
    expect(t2!.slice(1).map((r) => [r[0], r[5]])).toEqual(
      view.units.groups.map((g) => [g.unit, `${g.score}/${g.maxScore}`]),
    );
    expect(t3!.slice(1).map((r) => [r[1], r[3]])).toEqual(
      [...view.ranking.ranked, ...view.ranking.unranked].map((r) => [r.unit, r.score]),
    );
    expect(a1!.slice(1).map((r) => r[1])).toEqual(['精密模具项目', '储能电站项目']);
    expect(a2!.slice(1).map((r) => [r[1], r[4]])).toEqual([
      ['旧年项目', '3.00'],
      ['文旅项目', '6.00'],
    ]);
    // header rows repeat on every page
    const tbls = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    for (const t of tbls) expect(t.split('<w:tr>')[1]).toContain('<w:tblHeader/>');
  });

  it('版记 closes the document: 印发机关 and 印发日期 between two thick rules, after the last 附件', async () => {
    const { xml } = await bulletin();
    const paras = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const last = paras.at(-1)!;
    const text = [...last.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    // issuer = office (SETTINGS), 成文日期 = the 5th of the month after 2025-10
    expect(text).toBe('青川经济开发区投资促进局2025年11月5日印发');
    expect(last).toContain('<w:tab/>');
    expect(last).toMatch(/<w:top w:val="single"[^>]*w:sz="8"/);
    expect(last).toMatch(/<w:bottom w:val="single"[^>]*w:sz="8"/);
    const at = (needle: string) => paras.findIndex((x) => x.includes(needle));
    expect(at('>附件2<')).toBeLessThan(paras.length - 1);
  });

  it('附件 start on new pages', async () => {
    const { xml } = await bulletin();
    for (const n of [1, 2]) {
      const p = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((x) => x.includes(`>附件${n}<`))!;
      expect(p).toContain('<w:pageBreakBefore/>');
    }
  });

  it('reproducible: the same input gives the same bytes', async () => {
    const a = (await bulletin()).bytes;
    await new Promise((ok) => setTimeout(ok, 2100));
    const b = (await bulletin()).bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

function publicity() {
  const { data } = periodData();
  const rp = rankingPeriods(['2025-09', '2025-10']).find((r) => r.key === '2025-10')!;
  return publicityView(rp, data.metrics, UNITS, TARGETS, SETTINGS);
}

describe('rankings/<key>.docx and .xlsx (考核结果公示)', () => {
  it('every row with 目标, 实际, 计分方式 and the score as a formula (hand-worked)', () => {
    const v = publicity();
    const jia = v.units.find((u) => u.unit === '甲镇')!;
    expect(jia.lines[0]).toMatchObject({
      label: '签约金额（亿元）',
      target: '10.00',
      actual: '12.80',
      rule: '按完成率计分，满分20分',
      formula: '得分 = 分值20 × 完成率100%（实际完成率128.0%，最高按100%计） = 20.00',
      points: 20,
    });
    const yi = v.units.find((u) => u.unit === '乙局')!;
    expect(yi.lines.map((l) => l.formula)).toEqual([
      '得分 = 分值20 × 完成率100%（实际完成率110.0%，最高按100%计） = 20.00',
      '扣分：1个 × 1分 = 1.00，计-1.00（最多扣5分）',
    ]);
    expect(yi.totals.total).toBe('总分 = 基本分20.00 + 加分0.00 + 扣分-1.00 = 19.00');
    expect(v.publicity).toBe('公示期为5个工作日，自2025年11月5日起。');
    expect(v.objectionContact).toBeNull();
  });

  it('the .docx: summary table, one table per unit, 异议 with a marked place for the contact', async () => {
    const v = publicity();
    const xml = docxParts(await publicityDocx(v, SETTINGS)).get('word/document.xml')!;
    const paras = docxParagraphs(xml);
    expect(paras).toContain('关于2025年10月\n招商引资考核结果的公示');
    expect(paras).toContain('三、异议');
    expect(paras.some((p) => p.startsWith('【请填写：受理异议'))).toBe(true);
    const tables = docxTables(xml);
    expect(tables).toHaveLength(1 + v.units.length);
    expect(tables[0]!.slice(1).map((r) => [r[1], r[7]])).toEqual(v.units.map((u) => [u.unit, u.raw.toFixed(2)]));
    expect(tables.slice(1).flatMap((t) => t.slice(1).map((r) => r[5]))).toEqual(
      v.units.flatMap((u) => u.lines.map((l) => l.formula)),
    );
  });

  it('the .xlsx: the same lines with formulas as text, and each unit’s 总分', async () => {
    const v = publicity();
    const rows = publicityRows(v);
    expect(rows.filter((r) => r.kind === '总分').map((r) => [r.unit, r.points])).toEqual(
      v.units.map((u) => [u.unit, u.raw]),
    );
    const parts = unzip(await publicityXlsx(v));
    const sheet = parts.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).not.toContain('<f>'); // no Excel formula anywhere
    const strings = parts.get('xl/sharedStrings.xml')!;
    expect(strings).toContain('扣分：1个 × 1分 = 1.00，计-1.00（最多扣5分）');
  });
});
