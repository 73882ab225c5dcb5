import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep, extname, basename } from 'node:path';
import { CliError } from './cliError.ts';
import type { Issue } from '../schemas/issue.ts';
import { periodOfFolder } from '../ingest/classify.ts';
import { isCandidateFile } from '../ingest/readWorkbook.ts';

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

/** Code-point order: deterministic whatever the machine's locale. */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort(byCodePoint)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/**
 * Lists a data folder (contract §1). Throws `CliError` (exit 2) when the folder is missing or holds
 * neither `ledgers/` nor `reference/`.
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
          message: '不是表格文件（应为 .xlsx 或 .csv），已跳过',
        });
      }
      return false;
    });

  const reference = existsSync(referenceDir) ? tableFiles(walk(referenceDir)).map(rel) : [];
  const snapshots: DataFolder['snapshots'] = [];
  if (existsSync(ledgersDir)) {
    for (const name of readdirSync(ledgersDir).sort(byCodePoint)) {
      const full = join(ledgersDir, name);
      if (!statSync(full).isDirectory()) {
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
      snapshots.push({ period, files: tableFiles(walk(full)).map(rel) });
    }
  }
  snapshots.sort((a, b) => byCodePoint(a.period, b.period));
  const settingsFile = existsSync(join(root, 'site.json')) ? join(root, 'site.json') : null;
  const contentDir = existsSync(join(root, 'content')) ? join(root, 'content') : null;
  return { root, settingsFile, reference, snapshots, contentDir, issues };
}
