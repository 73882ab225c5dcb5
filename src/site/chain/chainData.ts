import { projectId } from '../../metrics/projects.ts';
import type { ChainProject, ChainView } from './chainModel.ts';
import { buildChains } from './chainModel.ts';
import { signedGroupsFromPublic, signedGroupsFromRecords, unmatchedProjects } from './chainSigned.ts';
import { loadMeta, loadPeriod, loadPublic, loadReference, projectPage } from '../data.ts';

/**
 * The chains of the current build, read once: the reference tables of the profile, plus this
 * year's signed projects (internal: latest snapshot's rows; public: `public.json` counts).
 */
export interface ChainData {
  profile: 'internal' | 'public';
  /** Year the signed counts cover (the latest period's), or null without ledgers. */
  year: string | null;
  chains: ChainView[];
  /** Internal only: signed this year under a chain the map does not define. */
  unmatched: ChainProject[];
  /** Internal only: signed this year with no 产业链 at all. */
  noChain: number;
}

let cached: ChainData | null = null;

export function loadChainData(): ChainData {
  if (cached) return cached;
  const meta = loadMeta();
  const ref = loadReference();
  const profile = meta.profile === 'public' ? 'public' : 'internal';
  if (profile === 'public') {
    const pub = loadPublic();
    const { chains } = buildChains(ref.chainSegments, ref.chainCompanies, signedGroupsFromPublic(pub));
    cached = { profile, year: pub.period?.slice(0, 4) ?? null, chains, unmatched: [], noChain: 0 };
    return cached;
  }
  const year = meta.latest?.slice(0, 4) ?? null;
  const signed =
    meta.latest && year
      ? signedGroupsFromRecords(loadPeriod(meta.latest).records.signed, year, (key) => projectPage(projectId(key)))
      : { groups: [], noChain: 0 };
  const { chains, unmatched } = buildChains(ref.chainSegments, ref.chainCompanies, signed.groups);
  cached = { profile, year, chains, unmatched: unmatchedProjects(unmatched), noChain: signed.noChain };
  return cached;
}
