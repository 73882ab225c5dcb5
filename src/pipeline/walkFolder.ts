import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../schemas/issue.ts';

/** Code-point order: deterministic whatever the machine's locale. */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What a path is, following links; `null` (with an issue) when it cannot be used. */
export type EntryKind = 'file' | 'dir';

/**
 * Walks a folder of the data folder without ever throwing: files in code-point order, sub-folders
 * recursively. Links are followed to their target; a link whose target is missing (dangling), a
 * link back into a folder already walked (a loop, or the same folder twice), and an entry that
 * cannot be read (permissions) are each one issue, and the walk goes on.
 *
 * @param dir absolute folder to walk
 * @param rel turns an absolute path into the data-folder-relative path used in issues
 * @param issues where problems are appended
 * @param seen real paths of folders already walked (shared across calls, so two links to one folder read it once)
 */
export function walkFiles(
  dir: string,
  rel: (abs: string) => string,
  issues: Issue[],
  seen: Set<string> = new Set(),
): string[] {
  const out: string[] = [];
  const visit = (folder: string): void => {
    const real = realPath(folder);
    if (real === null) return;
    if (seen.has(real)) {
      issues.push({
        severity: 'warning',
        code: 'path_unreadable',
        file: rel(folder),
        message: '这个文件夹（或指向它的链接）已经读过一次（链接循环或重复链接），未再读取：请删除多余的快捷方式或链接',
      });
      return;
    }
    seen.add(real);
    for (const name of listFolder(folder, rel, issues)) {
      const full = join(folder, name);
      const kind = entryKind(full, rel, issues);
      if (kind === 'dir') visit(full);
      else if (kind === 'file') out.push(full);
    }
  };
  visit(dir);
  return out;
}

/** Names in a folder in code-point order; an unreadable folder is one issue and no names. */
export function listFolder(folder: string, rel: (abs: string) => string, issues: Issue[]): string[] {
  try {
    return readdirSync(folder).sort(byCodePoint);
  } catch (error) {
    issues.push(unreadable(rel(folder), error, '文件夹'));
    return [];
  }
}

/**
 * `file` or `dir` for a path (links followed); `null` for anything else. A dangling link or an
 * unreadable entry is one error issue.
 */
export function entryKind(full: string, rel: (abs: string) => string, issues: Issue[]): EntryKind | null {
  let stats: Stats;
  try {
    stats = statSync(full);
  } catch (error) {
    issues.push(unreadable(rel(full), error, '文件或文件夹'));
    return null;
  }
  if (stats.isDirectory()) return 'dir';
  if (stats.isFile()) return 'file';
  return null; // sockets, devices, pipes: never data
}

function realPath(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

function unreadable(file: string, error: unknown, what: string): Issue {
  const code = (error as NodeJS.ErrnoException).code ?? '未知错误';
  const message =
    code === 'ENOENT'
      ? `这是一个快捷方式或链接，但它指向的${what}不存在，未读取：请删除这个链接，或把真正的文件放到这里`
      : code === 'ELOOP'
        ? `这个链接指向自己（链接循环），未读取：请删除这个链接`
        : `无法打开这个${what}（${code}），未读取：请确认有读取权限`;
  return { severity: 'error', code: 'path_unreadable', file, message };
}
