import type { APIRoute, GetStaticPaths } from 'astro';
import { loadMeta, loadQuality, siteProfile } from '../../site/data.ts';
import { returnColumns, returnsView } from '../../site/returns.ts';
import { toXlsx } from '../../site/tableExport.ts';

/** `returns/<unit-id>.xlsx`: each unit's 退回清单 of the latest snapshot (internal profile only). */
export const getStaticPaths = (() =>
  siteProfile() === 'internal'
    ? returnsView(loadQuality(), loadMeta().latest).units.map((r) => ({
        params: { unit: r.path.slice('returns/'.length, -'.xlsx'.length) },
        props: { r },
      }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { r } = props as { r: ReturnType<typeof returnsView>['units'][number] };
  const bytes = await toXlsx(returnColumns, r.rows, { sheet: `退回清单 ${r.unit}` });
  return new Response(bytes, {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
};
