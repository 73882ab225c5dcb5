import { statSync, existsSync } from 'node:fs';
import { join, relative, sep, extname, basename } from 'node:path';
import { CliError } from './cliError.ts';
import type { Issue } from '../schemas/issue.ts';
import { periodOfFolder } from '../ingest/classify.ts';
import { isCandidateFile } from '../ingest/readWorkbook.ts';
import { byCodePoint, entryKind, listFolder, walkFiles } from './walkFolder.ts';

/** The files of a data folder, sorted so every run reads them in the same order. */
export interface DataFolder {
  root: string;
  settingsFile: string | null;
  /** Reference tables, relative paths. */
  reference: string[];
  /** Snapshot folders in period order, each with its table files (relative paths). */
  snapshots: { period: string; files: string[] }[];
  contentDir: string | null;
  /** Files and folders that were not read, each with the reason. */
  issues: Issue[];
}

export { byCodePoint } from './walkFolder.ts';

/**
 * Lists a data folder (contract §1). Throws `CliError` (exit 2) when the folder is missing or holds
 * neither `ledgers/` nor `reference/`. Links are followed; a dangling link, a link loop and an
 * unreadable entry are each one issue (see `walkFolder.ts`). Two folders naming one month
 * (`2025-10/` and `2025年10月/`): see {@link keepOneFolderPerPeriod}.
 */
export function scanDataFolder(root: string): DataFolder {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new CliError(`数据目录“${root}”不存在或不是文件夹：请用 --data 指定含 ledgers/ 与 reference/ 的数据目录`);
  }
  const rel = (p: string) => relative(root, p).split(sep).join('/');
  const issues: Issue[] = [];
  const ledgersDir = join(root, 'ledgers');
  const referenceDir = join(root, 'reference');
  if (!existsSync(ledgersDir) && !existsSync(referenceDir)) {
    throw new CliError(
      `数据目录“${root}”中没有 ledgers/ 或 reference/ 文件夹：请按 README 的数据目录约定放置台账（ledgers/2025-10/*.xlsx）与基础表（reference/*.xlsx）`,
    );
  }

  const tableFiles = (files: string[]) =>
    files.filter((f) => {
      const name = basename(f);
      if (name.startsWith('.') || name.startsWith('~$') || name === 'Thumbs.db' || name === 'desktop.ini') return false;
      if (isCandidateFile(name)) return true;
      if (extname(name).toLowerCase() !== '.md') {
        issues.push({
          severity: 'info',
          code: 'sheet_unknown_kind',
          file: rel(f),
          message: '不是表格文件（应为 .xlsx、.xls、.et 或 .csv），已跳过',
        });
      }
      return false;
    });

  const seen = new Set<string>();
  const reference = existsSync(referenceDir) ? tableFiles(walkFiles(referenceDir, rel, issues, seen)).map(rel) : [];
  const folders: { name: string; period: string; full: string }[] = [];
  if (existsSync(ledgersDir)) {
    for (const name of listFolder(ledgersDir, rel, issues)) {
      const full = join(ledgersDir, name);
      const kind = entryKind(full, rel, issues);
      if (kind === null) continue;
      if (kind === 'file') {
        if (!name.startsWith('.')) {
          issues.push({
            severity: 'error',
            code: 'period_folder_invalid',
            file: rel(full),
            message: '台账文件应放在月份文件夹中（如 ledgers/2025-10/）：请移入对应月份文件夹',
          });
        }
        continue;
      }
      const period = periodOfFolder(name);
      if (period === null) {
        issues.push({
          severity: 'error',
          code: 'period_folder_invalid',
          file: rel(full),
          message: `文件夹名“${name}”不是月份：请改名为 YYYY-MM 形式，如 2025-10`,
        });
        continue;
      }
      folders.push({ name, period, full });
    }
  }
  const snapshots: DataFolder['snapshots'] = keepOneFolderPerPeriod(folders, rel, issues).map((f) => ({
    period: f.period,
    files: tableFiles(walkFiles(f.full, rel, issues, seen)).map(rel),
  }));
  snapshots.sort((a, b) => byCodePoint(a.period, b.period));
  const settingsFile = existsSync(join(root, 'site.json')) ? join(root, 'site.json') : null;
  const contentDir = existsSync(join(root, 'content')) ? join(root, 'content') : null;
  return { root, settingsFile, reference, snapshots, contentDir, issues };
}

/**
 * One folder per month: when several folders name the same month (`2025-10/` beside `2025年10月/`),
 * the one written exactly `YYYY-MM` is read, else the first in code-point order; each other one is
 * an error (`period_folder_duplicate`) and is not read — pooling them would count a ledger copied
 * into both twice.
 */
export function keepOneFolderPerPeriod<F extends { name: string; period: string; full: string }>(
  folders: readonly F[],
  rel: (abs: string) => string,
  issues: Issue[],
): F[] {
  const byPeriod = new Map<string, F[]>();
  for (const f of folders) byPeriod.set(f.period, [...(byPeriod.get(f.period) ?? []), f]);
  const kept: F[] = [];
  for (const [period, group] of byPeriod) {
    const winner = group.find((f) => f.name === period) ?? [...group].sort((a, b) => byCodePoint(a.name, b.name))[0]!;
    kept.push(winner);
    for (const f of group) {
      if (f === winner) continue;
      issues.push({
        severity: 'error',
        code: 'period_folder_duplicate',
        file: rel(f.full),
        period,
        message: `文件夹“${f.name}”与“${winner.name}”是同一个月份（${period}），未读取：请把两者中的台账合并到“${winner.name}”后删除“${f.name}”`,
      });
    }
  }
  return kept;
}
