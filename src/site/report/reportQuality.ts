import type { QualityData } from '../../schemas/siteData.ts';
import { fmtInt } from '../../metrics/format.ts';
import type { Issue, IssueCode } from '../../schemas/issue.ts';
import { CODE_LABELS, SEVERITY_LABELS } from '../quality/quality.ts';

/**
 * The annual report's data-quality notes: what the year's last snapshot's ledgers held (rows
 * read, counted, rejected, skipped), its errors and warnings counted by kind, and the unit names
 * not in the units table. Only that snapshot's files: reference tables and other snapshots are on
 * the data-quality page. Pure.
 */

export interface QualityCodeLine {
  severity: Issue['severity'];
  severityLabel: string;
  code: IssueCode;
  label: string;
  count: number;
}

export interface ReportQuality {
  period: string;
  /** Rows of the snapshot's ledgers: read = accepted + rejected + skipped. */
  rows: { files: number; sheets: number; read: string; accepted: string; rejected: string; skipped: string };
  errors: number;
  warnings: number;
  /** Errors first, then warnings; most frequent first. Skipped sheets (`info`) are left out. */
  codes: QualityCodeLine[];
  /** Names used in the ledgers but not in the units table, with how many issues name them. */
  unknownUnits: { name: string; count: number }[];
}

const SEVERITY_ORDER: Record<Issue['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * The data-quality notes of one snapshot.
 *
 * @example reportQuality(loadQuality(), '2024-12').codes[0] // { severity: 'error', label: '必填项为空', count: 2, … }
 */
export function reportQuality(q: Pick<QualityData, 'sheets' | 'issues'>, period: string): ReportQuality {
  const sheets = q.sheets.filter((s) => s.period === period);
  const issues = q.issues.filter((i) => i.period === period);
  const sum = (k: 'read' | 'accepted' | 'rejected' | 'skipped') => fmtInt(sheets.reduce((a, s) => a + s[k], 0));
  const byCode = new Map<string, QualityCodeLine>();
  const unknown = new Map<string, number>();
  for (const i of issues) {
    if (i.severity === 'info') continue;
    const k = `${i.severity}\u0000${i.code}`;
    const line = byCode.get(k) ?? {
      severity: i.severity,
      severityLabel: SEVERITY_LABELS[i.severity],
      code: i.code,
      label: CODE_LABELS[i.code] ?? i.code,
      count: 0,
    };
    line.count++;
    byCode.set(k, line);
    if (i.code === 'unknown_unit' && i.value) unknown.set(i.value, (unknown.get(i.value) ?? 0) + 1);
  }
  return {
    period,
    rows: {
      files: new Set([...sheets.map((s) => s.file), ...issues.map((i) => i.file)]).size,
      sheets: sheets.length,
      read: sum('read'),
      accepted: sum('accepted'),
      rejected: sum('rejected'),
      skipped: sum('skipped'),
    },
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    codes: [...byCode.values()].sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        b.count - a.count ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    ),
    unknownUnits: [...unknown]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}
