import type { APIRoute, GetStaticPaths } from 'astro';
import { downloadTable, downloadTables } from '../../site/downloads.ts';
import { toCsv } from '../../site/tableExport.ts';

/** `downloads/<id>.csv` for every registered table of the profile (`src/site/downloads.ts`). */
export const getStaticPaths = (() =>
  downloadTables().map((t) => ({ params: { table: t.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const t = downloadTable(String(params.table));
  return new Response(toCsv(t.columns, t.rows()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
