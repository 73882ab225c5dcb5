/**
 * 外出招商情况统计表: a CSV as Chinese Windows Excel saves it (GB18030, no BOM, CRLF) with a 合计
 * line; and, in the last snapshot only, an old-format .xls nobody can read.
 */
import { encodeCsv } from '../csv.ts';
import { dateCellFor, unitCell, type DateForm } from '../formats.ts';
import { Rng } from '../prng.ts';
import { cellText, month, year, type BadRow, type LedgerContext, type LedgerFile } from './common.ts';

const HEADERS = {
  v2024: ['序号', '出发日期', '返回日期', '带队领导', '单位', '目的地', '拜访对象', '拜访企业数', '成效'],
  v2025: ['序号', '日期', '返回日期', '带队领导', '带队单位', '地点', '拜访企业', '拜访数量', '成果'],
};

const TRIP_DATES: readonly (readonly [DateForm, number])[] = [
  ['slash', 40],
  ['iso', 25],
  ['dot', 20],
  ['cn', 15],
];

export function writeTrips(ctx: LedgerContext): LedgerFile {
  const { snap, specials } = ctx;
  const y = year(snap.period);
  const m = month(snap.period);
  const file = `${ctx.dir}/外出招商情况统计表（${y}年${m}月）.csv`;
  const header = y === 2024 ? HEADERS.v2024 : HEADERS.v2025;
  const lines: (string | number | null)[][] = [header];
  const bad: BadRow[] = [];
  let visits = 0;
  snap.trips.forEach((t, i) => {
    const k = `trips:${t.id}`;
    const noUnit = t === specials.tripNoUnit;
    lines.push([
      i + 1,
      cellText(dateCellFor(t.depart, `${k}:date`, TRIP_DATES)),
      cellText(dateCellFor(t.returnDay, `${k}:date`, TRIP_DATES)),
      t.leader,
      noUnit ? null : cellText(unitCell(t.unit, `${k}:unit`, 0.2)),
      t.destination,
      t.companies.join('、'),
      t.visits,
      t.outcome,
    ]);
    visits += t.visits;
    if (noUnit)
      bad.push({
        severity: 'error',
        id: `trips:${t.id}`,
        file,
        sheet: file.slice(file.lastIndexOf('/') + 1).replace(/\.csv$/, ''),
        row: lines.length,
        column: header[4] ?? '单位',
        value: '',
        problem: '单位为空（必填）',
      });
  });
  lines.push(['合计', null, null, null, null, null, null, visits, null]);
  return { path: file, data: encodeCsv(lines, 'gb18030'), rows: snap.trips.length, bad };
}

/** An old .xls: the OLE2 signature followed by junk, which no reader here can open. */
export function writeLegacyXls(ctx: LedgerContext): LedgerFile {
  const r = new Rng(`legacy:${ctx.snap.period}`);
  const junk = Buffer.alloc(4096);
  for (let i = 0; i < junk.length; i++) junk[i] = r.int(0, 255);
  const data = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), junk]);
  return { path: `${ctx.dir}/外出招商补充表（旧版）.xls`, data, rows: 0, bad: [] };
}
