import type { APIRoute, GetStaticPaths } from 'astro';
import { publicityXlsx } from '../../site/documents/publicityDoc.ts';
import { loadMeta, siteProfile } from '../../site/data.ts';
import { publicityOf } from '../../site/documents/inputs.ts';
import { rankingPeriods } from '../../site/ranking/ranking.ts';

/** `rankings/<key>.xlsx`: the 考核结果公示 table (formulas as text), internal profile only. */
export const getStaticPaths = (() =>
  siteProfile() === 'internal'
    ? rankingPeriods(loadMeta().periods).map((rp) => ({ params: { key: rp.key } }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const v = publicityOf(String(params.key));
  if (!v) return new Response(null, { status: 404 });
  return new Response(await publicityXlsx(v), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
};
