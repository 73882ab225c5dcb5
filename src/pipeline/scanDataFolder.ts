import { statSync, existsSync } from 'node:fs';
import { join, relative, sep, extname, basename } from 'node:path';
import { CliError } from './cliError.ts';
import type { Issue } from '../schemas/issue.ts';
import { dateOfFolder, periodOfFolder } from '../ingest/classify.ts';
import { isCandidateFile } from '../ingest/readWorkbook.ts';
import { byCodePoint, entryKind, listFolder, walkFiles } from './walkFolder.ts';

/** The files of a data folder, sorted so every run reads them in the same order. */
export interface DataFolder {
  root: string;
  settingsFile: string | null;
  /** Reference tables, relative paths. */
  reference: string[];
  /** GeoJSON files under `reference/` (the zone map), relative paths. */
  geo: string[];
  /**
   * Monthly snapshots in period order, each with its table files (relative paths): the month's
   * `YYYY-MM` folder, else its latest dated folder, whose date is then the period's end (`asOf`).
   */
  snapshots: { period: string; files: string[]; asOf?: string; folder: string }[];
  /** Dated snapshots that are not a month's snapshot (weekly 调度 only), in date order; `folder` e.g. `ledgers/2025-10-15`. */
  dated: { date: string; period: string; files: string[]; folder: string }[];
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
  const referenceFiles = existsSync(referenceDir) ? walkFiles(referenceDir, rel, issues, seen) : [];
  const isGeo = (f: string) => extname(f).toLowerCase() === '.geojson' && !basename(f).startsWith('.');
  const geo = referenceFiles.filter(isGeo).map(rel);
  const reference = tableFiles(referenceFiles.filter((f) => !isGeo(f))).map(rel);
  const folders: { name: string; period: string; full: string }[] = [];
  const datedFolders: { name: string; period: string; date: string; full: string }[] = [];
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
      const date = dateOfFolder(name);
      if (date !== null) {
        datedFolders.push({ name, period: date.slice(0, 7), date, full });
        continue;
      }
      const period = periodOfFolder(name);
      if (period === null) {
        issues.push({
          severity: 'error',
          code: 'period_folder_invalid',
          file: rel(full),
          message: `文件夹名“${name}”不是月份或日期：请改名为 YYYY-MM（月度台账，如 2025-10）或 YYYY-MM-DD（月中快照，如 2025-10-20）`,
        });
        continue;
      }
      folders.push({ name, period, full });
    }
  }
  const monthly = keepOneFolderPerPeriod(folders, rel, issues);
  // a month held only by dated folders: its latest one is the month's snapshot, ending on its date
  const datedKept = keepOneFolderPerPeriod(
    datedFolders.map((f) => ({ ...f, period: f.date })),
    rel,
    issues,
  ).sort((a, b) => byCodePoint(a.date, b.date));
  const monthOf = new Map<string, { full: string; asOf?: string }>();
  for (const f of monthly) monthOf.set(f.period, { full: f.full });
  for (const f of datedKept) {
    const period = f.date.slice(0, 7);
    const m = monthOf.get(period);
    if (!m || (m.asOf !== undefined && m.asOf < f.date)) monthOf.set(period, { full: f.full, asOf: f.date });
  }
  const snapshots: DataFolder['snapshots'] = [...monthOf]
    .sort((a, b) => byCodePoint(a[0], b[0]))
    .map(([period, f]) => ({
      period,
      files: tableFiles(walkFiles(f.full, rel, issues, seen)).map(rel),
      ...(f.asOf !== undefined ? { asOf: f.asOf } : {}),
      folder: rel(f.full),
    }));
  const used = new Set([...monthOf.values()].map((f) => f.full));
  const dated: DataFolder['dated'] = datedKept
    .filter((f) => !used.has(f.full))
    .map((f) => {
      const files = tableFiles(walkFiles(f.full, rel, issues, seen)).map(rel);
      issues.push({
        severity: 'info',
        code: 'snapshot_dated',
        file: rel(f.full),
        period: f.date.slice(0, 7),
        message: `月中快照（${f.date}）：供周调度使用；${f.date.slice(0, 7)} 的月度数字、通报和排名取该月${monthOf.get(f.date.slice(0, 7))?.asOf ? `最后一个快照（${monthOf.get(f.date.slice(0, 7))?.asOf}）` : `月度台账（ledgers/${f.date.slice(0, 7)}/）`}`,
      });
      return { date: f.date, period: f.date.slice(0, 7), files, folder: rel(f.full) };
    });
  const settingsFile = existsSync(join(root, 'site.json')) ? join(root, 'site.json') : null;
  const contentDir = existsSync(join(root, 'content')) ? join(root, 'content') : null;
  return { root, settingsFile, reference, geo, snapshots, dated, contentDir, issues };
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
