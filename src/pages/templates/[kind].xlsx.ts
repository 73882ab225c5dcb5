import type { APIRoute, GetStaticPaths } from 'astro';
import { templateLists, templateWorkbook } from '../../documents/template.ts';
import { LEDGER_KINDS, type LedgerKind } from '../../schemas/fields.ts';
import { loadReference, siteProfile } from '../../site/data.ts';

/** `templates/<kind>.xlsx`: the blank ledger template of each kind, drop-downs from this zone's reference tables. */
export const getStaticPaths = (() =>
  siteProfile() === 'internal' ? LEDGER_KINDS.map((kind) => ({ params: { kind } })) : []) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const bytes = await templateWorkbook(params.kind as LedgerKind, templateLists(loadReference()));
  return new Response(bytes, {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
};
