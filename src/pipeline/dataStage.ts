import { readFileSync } from 'node:fs';
import type { TableKind } from '../schemas/fields.ts';
import { TABLE_LABELS, LEDGER_KINDS } from '../schemas/fields.ts';
import type { Issue } from '../schemas/issue.ts';
import type { SnapshotRecords, Unit } from '../schemas/records.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { siteSettingsSchema } from '../schemas/site.ts';
import type { PeriodMetrics } from '../schemas/metrics.ts';
import { computePeriodMetrics } from '../metrics/periodMetrics.ts';
import { isQuarterEnd } from '../metrics/period.ts';
import { createUnitResolver } from '../normalize/unitResolver.ts';
import { settingsFromJson } from '../normalize/settings.ts';
import { scanDataFolder } from './scanDataFolder.ts';
import type { DataFolder } from './scanDataFolder.ts';
import { loadTables, processTable } from './readTables.ts';
import type { SheetTable } from './readTables.ts';
import type { Reference, SheetReport, UnknownUnit } from '../schemas/siteData.ts';
import type { TargetRow } from '../schemas/records.ts';
import { finishManualScores, finishTargets } from '../normalize/targets.ts';
import type { ManualScoreRow } from '../schemas/records.ts';
import { applyLinkPatch, linkProjects, linkProjectsWithPatch } from '../normalize/linkProjects.ts';
import { checkChainStrength, checkChains } from '../normalize/checkChains.ts';
import { diffSnapshots, foldProjects, sortProjects } from '../metrics/projects.ts';
import type { Project, SnapshotDiff } from '../schemas/project.ts';
import { appendAll } from '../schemas/arrays.ts';
import type { ZoneGeo } from '../schemas/geo.ts';
import type { AssetRow } from '../schemas/records.ts';
import { readZoneGeo } from './readZoneGeo.ts';
import { finishAssets } from '../normalize/finishAssets.ts';
import { cacheKey, NO_CACHE, type BuildCache } from './cache.ts';
import {
  cachedDerived,
  cachedReader,
  cachedRowMemo,
  loadLedgerFile,
  rowMemoKey,
  type LedgerFile,
} from './cachedTables.ts';
import { codeFingerprint } from './codeFingerprint.ts';
import { RowMemo } from '../normalize/rowMemo.ts';
import { serialize } from 'node:v8';
import type { DispatchSheet } from '../schemas/dispatch.ts';
import { dispatchSheets, type DispatchSnapshot } from '../metrics/dispatch.ts';
import { periodEnd } from '../metrics/period.ts';
import type { TableContext } from '../normalize/normalizeTable.ts';
import { prestartLegacyReaders, stopLegacyReaders } from '../ingest/legacy.ts';
import { LEGACY_HEAP_MB } from '../ingest/limits.ts';

/** Side effects the data stage may have, passed in so the pipeline is testable without mocks. */
export interface BuildEffects {
  /** One line of console output (progress). */
  log: (line: string) => void;
  /** Where per-file results are kept between builds (`--cache`); none when absent. */
  cache?: BuildCache;
}

export interface Snapshot {
  period: string;
  records: SnapshotRecords;
  metrics: PeriodMetrics;
  diff: SnapshotDiff;
}

/** Everything the data stage knows about a zone, before the profile filter. */
export interface DataModel {
  dataDir: string;
  settings: SiteSettings;
  folder: DataFolder;
  reference: Reference;
  /** Boundary and parks from `reference/*.geojson` (empty areas without such files). */
  geo: ZoneGeo;
  snapshots: Snapshot[];
  projects: Project[];
  /** The weekly 调度 sheets: every dated snapshot and every month end, in date order (`dispatch.ts`). */
  dispatch: DispatchSheet[];
  sheets: SheetReport[];
  issues: Issue[];
  /** Unknown unit names as written, with how many rows use them (latest snapshot and reference). */
  unknownUnits: UnknownUnit[];
}

const emptyRecords = (): SnapshotRecords => ({
  leads: [],
  negotiating: [],
  signed: [],
  started: [],
  producing: [],
  funds: [],
  trips: [],
});

/**
 * The data stage: a data folder in, typed records, metrics per period, projects and every issue
 * out. An unreadable file is one issue; the stage never stops on bad data. Throws `CliError` only
 * when the folder itself is unusable.
 */
export async function runDataStage(dataDir: string, effects: BuildEffects): Promise<DataModel> {
  const folder = scanDataFolder(dataDir);
  // Legacy workbooks are read in worker threads: the first is started now, loading SheetJS on
  // the other core while the cache is read (`legacy.ts`).
  const legacy = [...folder.reference, ...[...folder.snapshots, ...folder.dated].flatMap((s) => s.files)].filter((f) =>
    /\.(xls|et)$/i.test(f),
  ).length;
  if (legacy > 0) prestartLegacyReaders(legacy, LEGACY_HEAP_MB);
  try {
    return await buildModel(dataDir, folder, effects);
  } finally {
    stopLegacyReaders();
  }
}

async function buildModel(dataDir: string, folder: DataFolder, effects: BuildEffects): Promise<DataModel> {
  const issues: Issue[] = [...folder.issues];
  const sheets: SheetReport[] = [];

  // 1. Settings (a broken site.json is an error; defaults apply).
  const settings = readSettings(folder, issues);
  const extraAliases = settings.aliases as Partial<Record<TableKind, Record<string, string[]>>>;
  const cache = effects.cache ?? NO_CACHE;

  // 2. Reference tables: units first, since every other table resolves unit names through them.
  const refTables: SheetTable[] = [];
  for (const file of folder.reference) {
    const loaded = await loadTables(folder.root, file, 'reference', null, cachedReader(cache));
    appendAll(issues, loaded.issues);
    appendAll(sheets, loaded.sheets);
    appendAll(refTables, loaded.tables);
  }
  const baseCtx = { defaultAmountUnit: settings.defaultAmountUnit };
  const unitRows: Unit[] = [];
  for (const t of refTables.filter((t) => t.kind === 'units')) {
    const r = processTable(t, { ...baseCtx, resolveUnit: (name) => ({ name, known: true }) }, extraAliases);
    appendAll(issues, r.issues);
    sheets.push(r.sheet);
    effects.log(progressLine(r.sheet));
    appendAll(unitRows, r.records as Unit[]);
  }
  const resolver = createUnitResolver(unitRows);
  for (const d of resolver.duplicates) {
    issues.push({
      severity: 'warning',
      code: 'duplicate_alias',
      file: 'reference',
      value: d.alias,
      message: `简称“${d.alias}”同时属于 ${d.units.join('、')}，无法判断指哪个单位：请在单位表中只保留一个`,
    });
  }
  const unknownUnits = new Map<string, { rows: number; files: Set<string> }>();
  const rowMemo = new RowMemo();
  const ctx = { ...baseCtx, resolveUnit: resolver.resolve, rowMemo, zoneNames: [settings.zoneName] };
  // A ledger file's records depend on its bytes, the settings that `ctx` and the aliases carry, and
  // the units table (names resolve through it).
  const inputsKey = cacheKey(
    JSON.stringify([settings.defaultAmountUnit, ctx.zoneNames, settings.aliases]),
    JSON.stringify(unitRows),
  );
  const reference: Reference = {
    units: unitRows,
    targets: [],
    manualScores: [],
    chainSegments: [],
    chainCompanies: [],
    parks: [],
    assets: [],
  };
  const assetRows: AssetRow[] = [];
  for (const t of refTables.filter((t) => t.kind !== 'units')) {
    const r = processTable(t, ctx, extraAliases);
    appendAll(issues, r.issues);
    sheets.push(r.sheet);
    noteUnknown(unknownUnits, r.unknownUnits, t.file);
    switch (r.kind) {
      case 'targets': {
        const done = finishTargets(r.records as TargetRow[]);
        appendAll(issues, done.issues);
        r.sheet.accepted -= done.rejectedRows.size;
        r.sheet.rejected += done.rejectedRows.size;
        appendAll(reference.targets, done.targets);
        break;
      }
      case 'manualScores': {
        const done = finishManualScores(r.records as ManualScoreRow[]);
        appendAll(issues, done.issues);
        r.sheet.accepted -= done.rejectedRows.size;
        r.sheet.rejected += done.rejectedRows.size;
        appendAll(reference.manualScores, done.items);
        break;
      }
      case 'chainSegments':
      case 'chainCompanies':
      case 'parks':
        appendAll(reference[r.kind] as unknown[], r.records);
        break;
      case 'assets':
        appendAll(assetRows, r.records as AssetRow[]);
        break;
      default:
        break;
    }
    effects.log(progressLine(r.sheet));
  }
  // The zone map (GeoJSON boundary and parks), then the assets' positions checked against it.
  const zone = readZoneGeo(
    folder.root,
    folder.geo,
    reference.parks.map((p) => p.name),
  );
  appendAll(issues, zone.issues);
  const finished = finishAssets(assetRows, zone.geo);
  appendAll(issues, finished.issues);
  appendAll(reference.assets, finished.assets);
  appendAll(issues, checkChainStrength(reference.chainSegments, reference.chainCompanies));

  // 3. Ledgers, one snapshot at a time; each period is computed from its own snapshot only.
  const snapshots: Snapshot[] = [];
  /** Each snapshot's chain key (below), for the 调度 sheets' keys. */
  const snapshotKeys: (string | null)[] = [];
  let previous: Snapshot | null = null;
  // A period's metrics and diff depend on its files, the reference tables, the settings and every
  // earlier period: each key chains the previous one (null once a file could not be hashed).
  let chain: string | null =
    cache === NO_CACHE ? null : cacheKey('periods', codeFingerprint(), inputsKey, serialize([reference, settings]));
  const io: SnapshotIo = { extraAliases, cache, inputsKey, rowMemo };
  /** Whether a file of the latest snapshot was read (not taken from the cache): its row memo is then kept. */
  let latestRead = false;
  let readingLatest = false;
  // A file to be read may reuse rows of the previous snapshot: when that one came from the cache,
  // the row memo the last build kept stands in for it (looked up once, at the first file read).
  let memoLookedUp = false;
  io.onMiss = () => {
    if (readingLatest) latestRead = true;
    if (memoLookedUp) return;
    memoLookedUp = true;
    const kept = cachedRowMemo(cache, inputsKey);
    if (kept) rowMemo.seed(kept);
  };
  for (const { period, files, asOf } of folder.snapshots) {
    const latest = period === folder.snapshots[folder.snapshots.length - 1]?.period;
    readingLatest = latest;
    const fileKeys: string[] = [];
    const read = await readSnapshotFiles(
      folder.root,
      files,
      period,
      asOf === undefined ? ctx : { ...ctx, asOf },
      io,
      (file, loaded, key) => {
        if (key === null) chain = null;
        else fileKeys.push(file, key);
        appendAll(sheets, loaded.sheets);
        for (const r of loaded.processed) {
          sheets.push(r.sheet);
          if (latest) noteUnknown(unknownUnits, r.unknownUnits, r.sheet.file);
          effects.log(progressLine(r.sheet));
        }
        if (loaded.tables === 0 && loaded.issues.some((i) => i.severity === 'error'))
          effects.log(`  ✗ ${file}：无法读取`);
      },
    );
    const records = read.records;
    appendAll(issues, read.issues);
    // The quarterly ranking's change is measured against the previous quarter's end.
    const quarterBefore = [...snapshots].reverse().find((s) => isQuarterEnd(s.period));
    // 同比: the same month last year, from that month's own snapshot (as it was published)
    const lastYearPeriod = `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
    const lastYear = snapshots.find((s) => s.period === lastYearPeriod);
    chain = chain === null ? null : cacheKey(chain, period, ...fileKeys);
    snapshotKeys.push(chain);
    // Linked, checked and counted, or all of it from the cache: then the records are linked as
    // they were (`applyLinkPatch`).
    let linked = false;
    const derived = cachedDerived(cache, chain, () => {
      const link = linkProjectsWithPatch(records, period);
      linked = true;
      return {
        linkIssues: link.issues,
        patch: link.patch,
        chainIssues: checkChains(records, [...reference.chainSegments, ...reference.chainCompanies], period),
        metrics: computePeriodMetrics({
          period,
          records,
          units: reference.units,
          targets: reference.targets,
          manualScores: reference.manualScores,
          settings,
          ...(asOf !== undefined ? { asOf } : {}),
          ...(lastYear ? { lastYear: lastYear.metrics } : {}),
          ...(previous ? { previous: previous.metrics } : {}),
          ...(quarterBefore ? { previousQuarter: quarterBefore.metrics } : {}),
        }),
        diff: diffSnapshots(previous?.records ?? null, records, previous?.period ?? '', period),
      };
    });
    if (!linked) applyLinkPatch(records, derived.patch);
    appendAll(issues, derived.linkIssues);
    appendAll(issues, derived.chainIssues);
    const { metrics, diff } = derived;
    const snapshot: Snapshot = { period, records, metrics, diff };
    snapshots.push(snapshot);
    previous = snapshot;
  }

  io.onMiss = undefined;
  if (latestRead) cache.set(rowMemoKey(inputsKey), rowMemo.entries());

  // End the current job first, so that the last period's facts and project states (held only
  // weakly, see `WeakValueCache`: a value looked up in a job stays alive until the job ends) can
  // be collected before the projects are built; likewise after the projects and the 调度 sheets.
  await endJob();
  const projects = cachedProjects(snapshots, snapshotKeys, cache);
  await endJob();
  const dispatch = await readDispatch(folder, snapshots, snapshotKeys, ctx, io, settings);
  await endJob();
  return {
    dataDir,
    settings,
    folder,
    reference,
    geo: zone.geo,
    snapshots,
    projects,
    dispatch,
    sheets,
    issues,
    unknownUnits: [...unknownUnits]
      .map(([name, v]) => ({ name, rows: v.rows, files: [...v.files].sort() }))
      .sort((a, b) => b.rows - a.rows || (a.name < b.name ? -1 : 1)),
  };
}

/** Ends the current job (the next step runs in a new one): see `WeakValueCache`. */
const endJob = () => new Promise((resolve) => setImmediate(resolve));

type LedgerContext = Omit<TableContext, 'file' | 'sheet' | 'kind' | 'period'>;

/** What reading a snapshot's files needs besides the context: aliases, the cache and the row memo. */
interface SnapshotIo {
  extraAliases: Partial<Record<TableKind, Record<string, string[]>>>;
  cache: BuildCache;
  inputsKey: string;
  rowMemo: RowMemo;
  /** Runs before a file is read rather than taken from the cache. */
  onMiss?: (() => void) | undefined;
}

/**
 * Reads one snapshot folder's files (a month's, or a dated one's) through the cached per-file path,
 * pooling their ledger records by kind; the issues come in file order, each file's own before its
 * tables'. The row memo starts a new generation (a row is reused from the previous snapshot).
 * `onFile` sees each file's result and cache key as it is read.
 */
async function readSnapshotFiles(
  root: string,
  files: readonly string[],
  period: string,
  ctx: LedgerContext,
  io: SnapshotIo,
  onFile?: (file: string, loaded: LedgerFile, key: string | null) => void,
): Promise<{ records: SnapshotRecords; issues: Issue[] }> {
  const records = emptyRecords();
  const issues: Issue[] = [];
  io.rowMemo.nextGeneration();
  for (const file of files) {
    const { result: loaded, key } = await loadLedgerFile(
      root,
      file,
      period,
      ctx,
      io.extraAliases,
      io.cache,
      io.inputsKey,
      io.onMiss,
    );
    appendAll(issues, loaded.issues);
    for (const r of loaded.processed) {
      appendAll(issues, r.issues);
      if ((LEDGER_KINDS as readonly string[]).includes(r.kind))
        appendAll(records[r.kind as keyof SnapshotRecords] as unknown[], r.records);
    }
    onFile?.(file, loaded, key);
  }
  return { records, issues };
}

/**
 * `buildProjects` through the cache: the fold after each of the last two snapshots is kept (under
 * its chain key, which covers it and every earlier snapshot), so a build that adds a month — or
 * replaces the latest month's folder — goes on from the fold the last build left and folds only
 * the new month.
 */
function cachedProjects(
  snapshots: readonly Snapshot[],
  snapshotKeys: readonly (string | null)[],
  cache: BuildCache,
): Project[] {
  const keyAt = (i: number) => {
    const k = snapshotKeys[i];
    return k === null || k === undefined ? null : cacheKey('projects', k);
  };
  let projects = new Map<string, Project>();
  let from = 0;
  for (const i of [snapshots.length - 1, snapshots.length - 2]) {
    const key = i >= 0 ? keyAt(i) : null;
    const kept = key === null ? undefined : cache.get<unknown>(key);
    if (kept instanceof Map) {
      projects = kept as Map<string, Project>;
      from = i + 1;
      break;
    }
  }
  for (let i = from; i < snapshots.length; i++) {
    foldProjects(projects, snapshots[i] as Snapshot);
    const key = keyAt(i);
    if (key !== null && i >= snapshots.length - 2) cache.set(key, projects);
  }
  return sortProjects(projects);
}

/**
 * The weekly 调度 (contract §11): each month's snapshot at its end (its `asOf` when a dated folder
 * holds it) and every other dated folder, read here through the same cached per-file path as the
 * monthly snapshots (future dates checked against the folder's date) and linked the same way. A
 * dated folder's rows feed only the 调度 sheets: its issues stay on its sheet, not in the monthly
 * report, so no monthly figure, bulletin, ranking or quality page changes because of it.
 *
 * A sheet depends on its snapshot and every earlier one: its cache key chains theirs (a month's
 * is its period's chain key, a dated folder's its files' keys), so adding a month computes only
 * the new month's sheet.
 */
async function readDispatch(
  folder: DataFolder,
  snapshots: readonly Snapshot[],
  snapshotKeys: readonly (string | null)[],
  ctx: LedgerContext,
  io: SnapshotIo,
  settings: SiteSettings,
): Promise<DispatchSheet[]> {
  const list: (DispatchSnapshot & { key: string | null })[] = folder.snapshots.map((f, i) => ({
    date: f.asOf ?? periodEnd(f.period),
    kind: 'month',
    period: f.period,
    folder: f.folder,
    records: (snapshots[i] as Snapshot).records,
    key: snapshotKeys[i] ?? null,
  }));
  for (const d of folder.dated) {
    let key: string | null = io.cache === NO_CACHE ? null : cacheKey('dated', io.inputsKey, d.period, d.date);
    const { records, issues } = await readSnapshotFiles(
      folder.root,
      d.files,
      d.period,
      { ...ctx, asOf: d.date },
      io,
      (file, _loaded, fileKey) => (key = key === null || fileKey === null ? null : cacheKey(key, file, fileKey)),
    );
    appendAll(issues, linkProjects(records, d.period));
    list.push({ date: d.date, kind: 'dated', period: d.period, folder: d.folder, records, issues, key });
  }
  list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let chain: string | null =
    io.cache === NO_CACHE ? null : cacheKey('dispatch', codeFingerprint(), String(settings.overdueDays));
  const keys = list.map(
    (s) => (chain = chain === null || s.key === null ? null : cacheKey(chain, s.date, s.kind, s.folder, s.key)),
  );
  const known = keys.map((key) => {
    const hit = key === null ? undefined : io.cache.get<DispatchSheet>(key);
    return typeof hit === 'object' && hit !== null && typeof hit.date === 'string' ? hit : undefined;
  });
  const sheets = dispatchSheets(list, settings.overdueDays, known);
  sheets.forEach((sheet, i) => {
    const key = keys[i];
    if (known[i] === undefined && key !== null && key !== undefined) io.cache.set(key, sheet);
  });
  return sheets;
}

function noteUnknown(
  into: Map<string, { rows: number; files: Set<string> }>,
  found: Map<string, number>,
  file: string,
): void {
  for (const [name, n] of found) {
    const e = into.get(name) ?? { rows: 0, files: new Set<string>() };
    e.rows += n;
    e.files.add(file);
    into.set(name, e);
  }
}

function readSettings(folder: DataFolder, issues: Issue[]): SiteSettings {
  if (!folder.settingsFile) return siteSettingsSchema.parse({});
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(folder.settingsFile, 'utf8'));
  } catch (e) {
    issues.push({
      severity: 'error',
      code: 'settings_invalid',
      file: 'site.json',
      message: `不是有效的 JSON（${(e as Error).message}），已使用默认设置：请检查逗号、引号是否为英文半角`,
    });
    return siteSettingsSchema.parse({});
  }
  const { settings, issues: found } = settingsFromJson(json);
  appendAll(issues, found);
  return settings;
}

/** `  签约 2025-10  ledgers/2025-10/签约项目表.xlsx › Sheet1  读 40 行：计入 35，拒收 2，跳过 3` */
export function progressLine(s: SheetReport): string {
  const kind = s.kind ? TABLE_LABELS[s.kind] : '—';
  return `  ${s.period ?? '基础表 '}  ${kind}  ${s.file} › ${s.sheet}  读 ${s.read} 行：计入 ${s.accepted}，拒收 ${s.rejected}，跳过 ${s.skipped}`;
}
