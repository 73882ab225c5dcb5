import type { APIRoute, GetStaticPaths } from 'astro';
import { downloadTable, downloadTables } from '../../site/downloads.ts';
import { toXlsx } from '../../site/tableExport.ts';

/** `downloads/<id>.xlsx` for every registered table of the profile (`src/site/downloads.ts`). */
export const getStaticPaths = (() =>
  downloadTables().map((t) => ({ params: { table: t.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const t = downloadTable(String(params.table));
  const bytes = await toXlsx(t.columns, t.rows(), { sheet: t.title });
  return new Response(bytes, {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
};
