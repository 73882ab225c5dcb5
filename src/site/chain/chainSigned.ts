import type { PublicData } from '../../schemas/siteData.ts';
import type { Signed } from '../../schemas/records.ts';
import type { ChainProject, SignedGroup } from './chainModel.ts';

/**
 * This year's signed projects grouped by the 产业链 and 环节 the ledger gives, the input of
 * `buildChains()`: from the latest snapshot's records (internal) or from `public.json`'s
 * `chainSigned` counts (public).
 */

/**
 * Internal profile: the signed rows of the latest snapshot signed in `year` (签约日期 in that year),
 * grouped by chain and segment as written; rows without 产业链 are left out (and counted in
 * `noChain`). `href` gives a project's page from its key, when it has one.
 *
 * @example signedGroupsFromRecords(period.records.signed, '2025', (key) => projectPage(projectId(key)))
 */
export function signedGroupsFromRecords(
  signed: readonly Signed[],
  year: string,
  href?: (key: string) => string,
): { groups: SignedGroup[]; noChain: number } {
  const groups = new Map<string, SignedGroup>();
  let noChain = 0;
  for (const s of signed) {
    if (!s.signDate.startsWith(`${year}-`)) continue;
    if (!s.chain) {
      noChain++;
      continue;
    }
    const k = `${s.chain}\u0000${s.segment ?? ''}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { chain: s.chain, segment: s.segment ?? null, count: 0, projects: [] }));
    g.count++;
    const p: ChainProject = {
      name: s.name,
      investmentYi: s.investmentYi,
      signDate: s.signDate,
      unit: s.unit,
      investor: s.investor,
      chain: s.chain,
      segment: s.segment,
    };
    if (s.key && href) p.href = href(s.key);
    g.projects?.push(p);
  }
  return { groups: [...groups.values()], noChain };
}

/** Public profile: the counts the data stage kept (this year's signed projects, public or not). */
export function signedGroupsFromPublic(pub: Pick<PublicData, 'chainSigned'>): SignedGroup[] {
  return pub.chainSigned.map((c) => ({ chain: c.chain, segment: c.segment, count: c.count }));
}

/** Unmatched groups flattened to projects (internal), latest first. */
export function unmatchedProjects(groups: readonly SignedGroup[]): ChainProject[] {
  return groups
    .flatMap((g) => g.projects ?? [])
    .sort(
      (a, b) =>
        (a.chain ?? '').localeCompare(b.chain ?? '', 'zh-CN') ||
        (a.signDate < b.signDate ? 1 : a.signDate > b.signDate ? -1 : 0),
    );
}
