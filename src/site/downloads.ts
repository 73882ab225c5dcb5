import { bulletinTables } from './bulletin/bulletinTables.ts';
import { loadMeta, loadPublic, loadQuality, loadReference, siteProfile } from './data.ts';
import type { Column } from './table.ts';
import { projectColumns, projectRows } from './tables/projects.ts';
import { rankingTables } from './ranking/rankingTables.ts';
import { targetsTables } from './targets/targetsTables.ts';
import { unitTables } from './unit/unitTables.ts';
import { issueColumns, issueRows, sheetColumns, sheetRows, unknownUnitColumns } from './tables/quality.ts';
import {
  assetColumns,
  chainCompanyColumns,
  parkColumns,
  publicAssetColumns,
  publicSignedColumns,
  unitColumns,
} from './tables/reference.ts';

/**
 * The downloadable tables: each becomes `downloads/<id>.csv` and `downloads/<id>.xlsx`
 * (`src/pages/downloads/`), is listed on 下载 (`downloads.html`), and is linked above its table
 * by `<DataTable download="<id>">`.
 *
 * To add tables, write a provider `(profile, periods) => DownloadTable[]` next to the page's
 * columns (e.g. one table per period: `signed-2025-10`) and add it to `PROVIDERS`. A provider
 * must return only what its profile may see (contract §10): public providers read `public.json`
 * and the public `reference.json` only.
 */
export interface DownloadTable<R = any> {
  /** File name without extension, `[a-z0-9-]`, e.g. `projects`, `signed-2025-10`. */
  id: string;
  /** Title on the 下载 page and sheet name, e.g. `项目清单`. */
  title: string;
  /** Heading on the 下载 page, e.g. `项目`, `数据质量`. */
  group: string;
  columns: readonly Column<R>[];
  /** Rows, read lazily (only when the file is written). */
  rows: () => readonly R[];
}

export type Profile = 'internal' | 'public';
export type TableProvider = (profile: Profile, periods: readonly string[]) => DownloadTable[];

/** Typed helper: checks `columns` against the row type. */
export function defineTable<R>(table: DownloadTable<R>): DownloadTable<R> {
  return table;
}

const internalTables: TableProvider = (profile) => {
  if (profile !== 'internal') return [];
  return [
    defineTable({ id: 'projects', title: '项目清单', group: '项目', columns: projectColumns(), rows: projectRows }),
    defineTable({
      id: 'units',
      title: '单位名单',
      group: '单位',
      columns: unitColumns,
      rows: () => loadReference().units,
    }),
    defineTable({
      id: 'assets',
      title: '存量资产',
      group: '资源',
      columns: assetColumns,
      rows: () => loadReference().assets,
    }),
    defineTable({
      id: 'quality-issues',
      title: '数据问题清单',
      group: '数据质量',
      columns: issueColumns,
      rows: () => issueRows(loadQuality()),
    }),
    defineTable({
      id: 'quality-sheets',
      title: '读取的工作表',
      group: '数据质量',
      columns: sheetColumns(true),
      rows: () => sheetRows(loadQuality()),
    }),
    defineTable({
      id: 'unknown-units',
      title: '未识别单位',
      group: '数据质量',
      columns: unknownUnitColumns,
      rows: () => loadQuality().unknownUnits,
    }),
  ];
};

const sharedTables: TableProvider = (profile) => [
  ...(profile === 'public'
    ? [
        defineTable({
          id: 'signed-public',
          title: '签约项目',
          group: '招商成果',
          columns: publicSignedColumns,
          rows: () => loadPublic().signed,
        }),
      ]
    : []),
  defineTable({
    id: 'parks',
    title: '园区载体',
    group: '资源',
    columns: parkColumns,
    rows: () => loadReference().parks,
  }),
  ...(profile === 'public'
    ? [
        defineTable({
          id: 'assets',
          title: '存量资产',
          group: '资源',
          columns: publicAssetColumns,
          rows: () => loadReference().assets.filter((a) => a.public),
        }),
      ]
    : []),
  defineTable({
    id: 'chain-companies',
    title: '产业链企业',
    group: '资源',
    columns: chainCompanyColumns,
    rows: () => loadReference().chainCompanies,
  }),
];

/** Every provider, in the order the 下载 page lists them. Page authors append theirs here. */
export const PROVIDERS: TableProvider[] = [
  internalTables,
  sharedTables,
  bulletinTables,
  rankingTables,
  targetsTables,
  unitTables,
];

/** The tables of the current build's profile; ids are checked to be unique and file-safe. */
export function downloadTables(profile: Profile = siteProfile(), periods?: readonly string[]): DownloadTable[] {
  const ps = periods ?? loadMeta().periods;
  const tables = PROVIDERS.flatMap((p) => p(profile, ps));
  const seen = new Set<string>();
  for (const t of tables) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(t.id)) throw new Error(`download table id “${t.id}” must be [a-z0-9-]`);
    if (seen.has(t.id)) throw new Error(`download table id “${t.id}” is registered twice`);
    seen.add(t.id);
  }
  return tables;
}

/** One table by id; throws for an unknown id (a page linking a table nobody registered). */
export function downloadTable(id: string, profile: Profile = siteProfile()): DownloadTable {
  const t = downloadTables(profile).find((x) => x.id === id);
  if (!t) throw new Error(`no download table “${id}” in the ${profile} profile: register it in src/site/downloads.ts`);
  return t;
}

/** Output path of a table's file. @example downloadPath('projects', 'csv') // 'downloads/projects.csv' */
export function downloadPath(id: string, ext: 'csv' | 'xlsx'): string {
  return `downloads/${id}.${ext}`;
}
