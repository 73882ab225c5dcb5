import { describe, expect, it } from 'vitest';
import type { QualityData } from '../src/schemas/siteData.ts';
import type { Issue } from '../src/schemas/issue.ts';
import { byFile, CODE_LABELS, qualityView } from '../src/site/quality/quality.ts';
import { ISSUE_CODES } from '../src/schemas/issue.ts';

const sheet = (
  file: string,
  period: string | null,
  read: number,
  accepted: number,
  rejected: number,
  skipped: number,
): QualityData['sheets'][number] => ({
  file,
  sheet: 'Sheet1',
  kind: period ? 'signed' : 'units',
  period,
  read,
  accepted,
  rejected,
  skipped,
});
const issue = (
  severity: Issue['severity'],
  code: Issue['code'],
  file: string,
  row?: number,
  period?: string,
): Issue => ({
  severity,
  code,
  file,
  sheet: 'Sheet1',
  ...(row !== undefined ? { row, column: '总投资（亿元）', value: '待定' } : {}),
  message: '请填写数字',
  ...(period ? { period } : {}),
});

const data: QualityData = {
  sheets: [
    sheet('ledgers/2025-09/签约.xlsx', '2025-09', 10, 8, 1, 1),
    sheet('ledgers/2025-10/签约.xlsx', '2025-10', 12, 9, 2, 1),
    sheet('ledgers/2025-10/开工.xlsx', '2025-10', 5, 4, 0, 0),
    sheet('reference/单位.xlsx', null, 14, 14, 0, 0),
  ],
  issues: [
    issue('warning', 'total_mismatch', 'ledgers/2025-10/签约.xlsx', 20, '2025-10'),
    issue('error', 'missing_required', 'ledgers/2025-10/签约.xlsx', 17, '2025-10'),
    issue('error', 'missing_required', 'ledgers/2025-10/签约.xlsx', 9, '2025-10'),
    issue('error', 'file_legacy_format', 'ledgers/2025-10/旧表.xls', undefined, '2025-10'),
    issue('warning', 'suggested_match', 'ledgers/2025-09/签约.xlsx', 4, '2025-09'),
    issue('error', 'unknown_indicator', 'reference/目标任务.xlsx', 12),
    issue('info', 'sheet_unknown_kind', 'ledgers/2025-08/签约.xlsx', undefined, '2025-08'),
  ],
  unknownUnits: [{ name: '招商三科', rows: 4, files: ['ledgers/2025-10/签约.xlsx'] }],
};

describe('qualityView', () => {
  const v = qualityView(data, '2025-10');

  it('groups issues: latest period first, then reference tables, then earlier periods (collapsed, latest first)', () => {
    expect(v.issueGroups.map((g) => [g.id, g.collapsed, g.issues.length])).toEqual([
      ['latest', false, 4],
      ['reference', false, 1],
      ['period-2025-09', true, 1],
      ['period-2025-08', true, 1],
    ]);
    expect(v.issueGroups[0]?.title).toBe('2025年10月台账（最新一期）');
    expect(v.issueGroups[0]?.counts).toEqual({ error: 3, warning: 1, info: 0 });
  });

  it('orders a group errors first, then by file and Excel row', () => {
    expect(v.issueGroups[0]?.issues.map((i) => [i.severityLabel, i.file.split('/').pop(), i.row])).toEqual([
      ['错误', '旧表.xls', null],
      ['错误', '签约.xlsx', 9],
      ['错误', '签约.xlsx', 17],
      ['警告', '签约.xlsx', 20],
    ]);
  });

  it('blocks a group by file, each file once, its rows in order', () => {
    const blocks = byFile(v.issueGroups[0]?.issues ?? []);
    expect(blocks.map((b) => [b.file, b.rows.map((r) => r.row)])).toEqual([
      ['ledgers/2025-10/旧表.xls', [null]],
      ['ledgers/2025-10/签约.xlsx', [9, 17, 20]],
    ]);
  });

  it('keeps every location field a clerk needs', () => {
    expect(v.issueGroups[0]?.issues[1]).toMatchObject({
      file: 'ledgers/2025-10/签约.xlsx',
      sheet: 'Sheet1',
      row: 9,
      column: '总投资（亿元）',
      value: '待定',
      message: '请填写数字',
      codeLabel: '必填项为空',
    });
  });

  it('sums rows per scope and checks read = accepted + rejected + skipped per sheet', () => {
    expect(
      v.summary.map((s) => [
        s.scope,
        s.files,
        s.sheets,
        s.read,
        s.accepted,
        s.rejected,
        s.skipped,
        s.errors,
        s.warnings,
      ]),
    ).toEqual([
      ['2025年10月台账（最新一期）', 3, 2, 17, 13, 2, 1, 3, 1],
      ['参考表', 2, 1, 14, 14, 0, 0, 1, 0],
      ['以前各期（2 期）', 2, 1, 10, 8, 1, 1, 0, 1],
      ['全部', 7, 4, 41, 35, 3, 2, 4, 2],
    ]);
    const latest = v.sheetGroups.find((g) => g.id === 'latest')?.rows ?? [];
    expect(latest.map((s) => [s.kindLabel, s.balanced])).toEqual([
      ['签约项目表', true],
      ['签约项目表', false],
    ]);
  });

  it('pulls out the latest suggested matches, 合计 mismatches and unreadable files', () => {
    expect(v.mismatches.map((i) => i.row)).toEqual([20]);
    expect(v.unreadable.map((i) => i.file)).toEqual(['ledgers/2025-10/旧表.xls']);
    expect(v.suggested).toEqual([]); // the only one is in an earlier period
    expect(v.unknownUnits[0]?.name).toBe('招商三科');
    expect(v.codes[0]).toEqual({ code: 'missing_required', label: '必填项为空', count: 2 });
  });

  it('works without any period', () => {
    const empty = qualityView({ sheets: [], issues: [], unknownUnits: [] }, null);
    expect(empty.issueGroups.map((g) => g.id)).toEqual(['reference']);
    expect(empty.summary.map((s) => s.scope)).toEqual(['参考表', '全部']);
  });

  it('names every issue code in Chinese', () => {
    for (const code of ISSUE_CODES) expect(CODE_LABELS[code]).toMatch(/\p{Script=Han}/u);
  });
});
