import type { APIRoute, GetStaticPaths } from 'astro';
import { dispatchDocx } from '../../documents/dispatchDocx.ts';
import { loadDispatch, loadMeta, loadProjects, loadReference, projectPage } from '../../site/data.ts';
import { dispatchView } from '../../site/dispatch/dispatchView.ts';
import type { DispatchSheet } from '../../schemas/dispatch.ts';

/** `dispatch/<YYYY-MM-DD>.docx`: the 调度表 as a Word document (internal profile only). */
export const getStaticPaths = (() =>
  loadMeta().profile === 'public'
    ? []
    : loadDispatch().map((sheet) => ({ params: { date: sheet.date }, props: { sheet } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { sheet } = props as { sheet: DispatchSheet };
  const meta = loadMeta();
  const ids = new Map(loadProjects().map((p) => [p.key, p.id]));
  const v = dispatchView(sheet, (key) => (ids.has(key) ? projectPage(ids.get(key)!) : null), {
    zoneName: meta.zoneName,
    units: loadReference().units.map((u) => u.name),
  });
  const bytes = await dispatchDocx(v, meta.office ? { creator: meta.office } : {});
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
};
