import type { PublicData } from '../../schemas/siteData.ts';
import type { Asset, Park } from '../../schemas/records.ts';
import type { ChainView } from '../chain/chainModel.ts';

/**
 * The public home page's figures and lists (see `src/components/public/PublicHome.astro`): the
 * headline when published, the leading industries, counts for the section links and the latest
 * public signed projects. Pure.
 */
export interface PublicHomeView {
  /** `2025年1—10月`, the span the headline covers, or null. */
  span: string | null;
  headline: PublicData['headline'];
  industries: { name: string; page: string; segments: number; leaders: number; targets: number }[];
  parks: number;
  assets: number;
  publicSigned: number;
  latest: { name: string; investmentYi: number; signDate: string; chain?: string | undefined }[];
}

export function publicHomeView(
  pub: PublicData,
  chains: readonly ChainView[],
  parks: readonly Park[],
  assets: readonly Asset[],
  latestCount = 6,
): PublicHomeView {
  return {
    span: pub.period ? `${pub.period.slice(0, 4)}年1—${Number(pub.period.slice(5))}月` : null,
    headline: pub.headline,
    industries: chains.map((c) => ({
      name: c.name,
      page: c.page,
      segments: c.totals.segments,
      leaders: c.totals.链主,
      targets: c.totals.目标,
    })),
    parks: parks.length,
    assets: assets.filter((a) => a.public).length,
    publicSigned: pub.signed.length,
    latest: pub.signed
      .slice(0, latestCount)
      .map((s) => ({ name: s.name, investmentYi: s.investmentYi, signDate: s.signDate, chain: s.chain })),
  };
}
