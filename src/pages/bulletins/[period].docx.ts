import type { APIRoute, GetStaticPaths } from 'astro';
import { bulletinDocx } from '../../site/documents/bulletinDoc.ts';
import { loadMeta, siteProfile } from '../../site/data.ts';
import { bulletinDocInput } from '../../site/documents/inputs.ts';

/** `bulletins/<YYYY-MM>.docx`: the 月度通报 in 公文 layout (contract §11), internal profile only. */
export const getStaticPaths = (() =>
  siteProfile() === 'internal'
    ? loadMeta().periods.map((period) => ({ params: { period } }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const bytes = await bulletinDocx(bulletinDocInput(String(params.period)));
  return new Response(bytes, {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
};
