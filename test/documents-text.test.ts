import { describe, expect, it } from 'vitest';
import {
  completionPart,
  namesInWords,
  overviewParagraphs,
  redBlackSentences,
} from '../src/site/documents/bulletinText.ts';
import { shortProgress } from '../src/site/documents/bulletinDoc.ts';
import { documentNumber, documentSettings, issueDate } from '../src/documents/docSettings.ts';
import type { OverviewRows } from '../src/site/documents/bulletinText.ts';

/** A row as `bulletinView().overview` gives it (display texts), written by hand. */
const row = (
  label: string,
  unit: string,
  ytd: string,
  month: string,
  yoy: string,
  c: { rate?: string; base?: string; baseActual?: string; progress?: string } = {},
): OverviewRows[number] => ({
  label,
  unit,
  ytd: { text: ytd },
  month: { text: month },
  yoy,
  rate: c.rate ?? null,
  base: c.base ?? null,
  baseActual: c.baseActual ?? null,
  progress: c.progress ? { word: '欠进度', ahead: false, text: c.progress } : null,
});

describe('drafted sentences of 一、总体情况', () => {
  it('the issue’s sentence: 累计, 同比, completion of the zone target and 序时进度, then 本月', () => {
    // 672.29 / 870.85 = 0.772 → 77.2%; 序时进度 10/12 = 83.3%; 77.2 − 83.3 = −6.1 个百分点
    const rows = [
      row('签约项目', '个', '159', '14', '—'),
      row('签约金额', '亿元', '672.29', '35.20', '同比增长12.4%', {
        rate: '77.2%',
        base: '全区目标',
        progress: '低于序时进度6.1个百分点',
      }),
    ];
    expect(overviewParagraphs(rows, '1—10月', 10)).toEqual([
      '1—10月，全区累计签约项目159个，签约金额672.29亿元，同比增长12.4%，完成全区年度目标的77.2%，低于序时进度6.1个百分点。其中10月签约项目14个，签约金额35.20亿元。',
    ]);
  });

  it('a count’s 同比 in brackets; a units-based target names its units and their own 累计', () => {
    const rows = [
      row('签约项目', '个', '5', '2', '同比下降10.0%'),
      row('签约金额', '亿元', '60.00', '0.80', '—', {
        rate: '60.0%',
        base: '2个单位目标合计',
        baseActual: '54.00',
        progress: '低于序时进度23.3个百分点',
      }),
    ];
    expect(overviewParagraphs(rows, '1—10月', 10)[0]).toBe(
      '1—10月，全区累计签约项目5个（同比下降10.0%），签约金额60.00亿元，完成2个单位目标合计（这些单位累计54.00亿元）的60.0%，低于序时进度23.3个百分点。其中10月签约项目2个，签约金额0.80亿元。',
    );
  });

  it('January has no separate 本月 sentence; without a target there is no completion', () => {
    const rows = [row('签约项目', '个', '3', '3', '—'), row('签约金额', '亿元', '4.50', '4.50', '—')];
    expect(overviewParagraphs(rows, '1月', 1)).toEqual(['1月，全区累计签约项目3个，签约金额4.50亿元。']);
  });

  it('开工 / 投产 / 到位资金 with 同比, then 招商信息 and 外出招商', () => {
    const rows = [
      row('开工项目', '个', '12', '1', '同比增长9.1%'),
      row('投产项目', '个', '4', '0', '同比持平'),
      row('到位资金', '亿元', '30.20', '2.00', '—'),
      row('有效信息', '条', '30', '3', '同比增长50.0%'),
      row('外出招商', '批次', '8', '1', '—'),
      row('拜访企业', '家', '25', '4', '同比下降3.8%'),
    ];
    expect(overviewParagraphs(rows, '1—10月', 10)).toEqual([
      '累计开工项目12个，同比增长9.1%；投产项目4个，同比持平；到位资金30.20亿元。',
      '1—10月，全区累计收集有效招商信息30条，同比增长50.0%；外出招商8批次，拜访企业25家，同比下降3.8%。',
    ]);
  });

  it('completionPart: nothing without a rate', () => {
    expect(completionPart({ unit: '个', rate: null, base: null, baseActual: null, progress: null })).toBe('');
  });
});

describe('红黑榜 in words', () => {
  it('per group, rank order, 和 before the last name', () => {
    expect(
      redBlackSentences(
        [
          { group: '乡镇', unit: '甲镇' },
          { group: '乡镇', unit: '乙镇' },
          { group: '部门组', unit: '丙局' },
        ],
        [{ group: '乡镇', unit: '丁镇' }],
        3,
      ),
    ).toEqual(['红榜：乡镇组甲镇和乙镇；部门组丙局。', '黑榜：乡镇组丁镇。']);
  });

  it('empty lists say why; no groups: names only', () => {
    expect(redBlackSentences([{ group: null, unit: '甲镇' }], [], 2)).toEqual([
      '红榜：甲镇。',
      '黑榜：排名后2位的单位均达到序时进度，本期无单位列入黑榜。',
    ]);
    expect(redBlackSentences([], [], 3)[0]).toBe('红榜：排名前3位的单位均未达到序时进度，本期无单位列入红榜。');
  });

  it('namesInWords', () => {
    expect(namesInWords([])).toBe('');
    expect(namesInWords(['甲'])).toBe('甲');
    expect(namesInWords(['甲', '乙', '丙'])).toBe('甲、乙和丙');
  });
});

describe('document settings', () => {
  it('文号 from the template', () => {
    expect(documentNumber('青开招〔{year}〕{n}号', '2025-10')).toBe('青开招〔2025〕10号');
    expect(documentNumber('{year}年第{n}期', '2025-03')).toBe('2025年第3期');
  });

  it('成文日期: day N of the following month, December into January', () => {
    expect(issueDate('2025-10', 5)).toEqual({ iso: '2025-11-05', text: '2025年11月5日' });
    expect(issueDate('2025-12', 10)).toEqual({ iso: '2026-01-10', text: '2026年1月10日' });
  });

  it('发文机关 defaults: issuer, else office, else zone name', () => {
    const base = { zoneName: '青川经济开发区', documentNumber: 'x', issueDay: 5, publicityDays: 5 };
    expect(documentSettings({ ...base, office: '投资促进局' }).issuerMark).toBe('投资促进局文件');
    expect(documentSettings(base).issuer).toBe('青川经济开发区');
    expect(
      documentSettings({ ...base, office: '投资促进局', issuer: '管委会', issuerMark: '管委会办公室文件' }),
    ).toMatchObject({
      issuer: '管委会',
      issuerMark: '管委会办公室文件',
      objectionContact: null,
    });
  });

  it('shortProgress for the 对照序时进度（百分点） column', () => {
    expect(shortProgress('低于序时进度6.1个百分点')).toBe('低于6.1');
    expect(shortProgress('高于序时进度2.0个百分点')).toBe('高于2.0');
    expect(shortProgress('达到序时进度')).toBe('达到');
    expect(shortProgress(undefined)).toBe('—');
  });
});
