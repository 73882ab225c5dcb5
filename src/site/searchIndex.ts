import { chainPage } from './chain/chainModel.ts';
import { fmtYi } from '../metrics/format.ts';
import { loadMeta, loadProjects, loadPublic, loadReference, periodLabel, projectPage, unitPage } from './data.ts';
import { rel } from './href.ts';
import { PAGES, navItems, periodPage } from './nav.ts';

/**
 * The search page's index, embedded inline as JSON (no fetch on file://). One compact tuple per
 * hit: `[kind, title, sub, href, extra]`, where `href` is relative to `search.html` and `extra`
 * is more text to match (investor, code, aliases) that is not shown.
 *
 * The public profile indexes only public data: public signed projects, chains, parks, assets and
 * content pages (contract §10).
 */
export type SearchEntry = [kind: string, title: string, sub: string, href: string, extra: string];

/** The page the index is embedded in; hrefs are relative to it. */
export const SEARCH_PAGE = PAGES.search;

const join = (...parts: (string | number | null | undefined)[]) =>
  [...new Set(parts.filter((p) => p !== undefined && p !== null && p !== '').map(String))].join(' · ');
const yi = (v: number | null | undefined) => (typeof v === 'number' ? `${fmtYi(v)}亿元` : null);

/**
 * Folding used on both sides of the search: NFKC (full-width → half-width), lower case, no
 * white space. The inline script repeats it; keep the two in step.
 *
 * @example foldText('ＡＢＣ 锂电') // 'abc锂电'
 */
export function foldText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

function pageEntries(
  profile: 'internal' | 'public',
  content: readonly { slug: string; title: string; page: string }[],
): SearchEntry[] {
  const out: SearchEntry[] = [];
  for (const item of navItems(profile, profile === 'public' ? content : [])) {
    if (item.page !== SEARCH_PAGE) out.push(['栏目', item.label, '', rel(SEARCH_PAGE, item.page), '']);
  }
  if (profile === 'internal') {
    for (const c of content) out.push(['栏目', c.title, '', rel(SEARCH_PAGE, c.page), '']);
    for (const p of [...loadMeta().periods].reverse())
      out.push(['通报', `${periodLabel(p)}月度通报`, '', rel(SEARCH_PAGE, periodPage('bulletins', p)), p]);
  }
  return out;
}

function internalEntries(): SearchEntry[] {
  const out: SearchEntry[] = [];
  for (const p of loadProjects()) {
    out.push([
      '项目',
      p.name,
      join(p.unit, p.stage, yi(p.investmentYi)),
      rel(SEARCH_PAGE, projectPage(p.id)),
      join(p.investor, p.chain, p.segment, p.code),
    ]);
  }
  for (const u of loadReference().units) {
    out.push(['单位', u.name, join(u.type, u.group), rel(SEARCH_PAGE, unitPage(u.name)), u.aliases.join(' ')]);
  }
  return out;
}

function publicEntries(): SearchEntry[] {
  const out: SearchEntry[] = [];
  const ref = loadReference();
  for (const s of loadPublic().signed) {
    out.push([
      '签约项目',
      s.name,
      join(s.chain, `${s.signDate} 签约`, yi(s.investmentYi)),
      rel(SEARCH_PAGE, PAGES.results),
      join(s.investor, s.segment, s.park, s.projectType),
    ]);
  }
  const chains = [...new Set([...ref.chainSegments.map((c) => c.chain), ...ref.chainCompanies.map((c) => c.chain)])];
  for (const chain of chains) {
    const segs = ref.chainSegments.filter((c) => c.chain === chain).map((c) => c.segment);
    out.push(['产业链', chain, segs.join('、'), rel(SEARCH_PAGE, chainPage(chain)), '']);
  }
  for (const c of ref.chainCompanies) {
    out.push([
      '企业',
      c.name,
      join(c.chain, c.segment, c.category),
      rel(SEARCH_PAGE, chainPage(c.chain)),
      join(c.location, c.products),
    ]);
  }
  for (const p of ref.parks)
    out.push(['园区', p.name, join(p.industries, p.area), rel(SEARCH_PAGE, PAGES.parks), join(p.address)]);
  for (const a of ref.assets.filter((x) => x.public)) {
    out.push([
      '存量资产',
      a.name,
      join(a.type, a.area, a.status),
      rel(SEARCH_PAGE, PAGES.assets),
      join(a.location, a.contactUnit),
    ]);
  }
  return out;
}

/** The index of a profile: pages first, then data. `content` are the content pages (`contentPages()`). */
export function buildSearchIndex(
  profile: 'internal' | 'public',
  content: readonly { slug: string; title: string; page: string }[],
): SearchEntry[] {
  return [...pageEntries(profile, content), ...(profile === 'public' ? publicEntries() : internalEntries())];
}

/** JSON safe to embed in `<script type="application/json">` (no `</script>`, no `<!--`). */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
