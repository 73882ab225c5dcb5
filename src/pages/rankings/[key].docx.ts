import type { APIRoute, GetStaticPaths } from 'astro';
import { publicityDocx } from '../../site/documents/publicityDoc.ts';
import { documentSettingsOf } from '../../documents/docSettings.ts';
import { loadMeta, siteProfile } from '../../site/data.ts';
import { publicityOf } from '../../site/documents/inputs.ts';
import { rankingPeriods } from '../../site/ranking/ranking.ts';

/** `rankings/<key>.docx`: the 考核结果公示 of each monthly and quarterly ranking, internal profile only. */
export const getStaticPaths = (() =>
  siteProfile() === 'internal'
    ? rankingPeriods(loadMeta().periods).map((rp) => ({ params: { key: rp.key } }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const v = publicityOf(String(params.key));
  if (!v) return new Response(null, { status: 404 });
  const bytes = await publicityDocx(v, documentSettingsOf(loadMeta()));
  return new Response(bytes, {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
};
