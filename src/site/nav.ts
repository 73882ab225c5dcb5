/**
 * The sections of the site and the output path of each section's main page. Every page and
 * component links through these names, so a section can move in one place.
 */

/** Output paths of the section pages. Period pages live beside them, e.g. `bulletins/2025-10.html`. */
export const PAGES = {
  home: 'index.html',
  // internal profile
  bulletins: 'bulletins.html',
  dispatch: 'dispatch.html',
  rankings: 'rankings.html',
  targets: 'targets.html',
  projects: 'projects.html',
  units: 'units.html',
  quality: 'quality.html',
  downloads: 'downloads.html',
  search: 'search.html',
  // public profile
  industries: 'industries.html',
  chains: 'chains.html',
  reports: 'reports.html',
  parks: 'parks.html',
  assets: 'assets.html',
  results: 'results.html',
} as const;

export type SectionId = keyof typeof PAGES | 'pages';

export interface NavItem {
  /** Section id; content pages use `page:<slug>`. */
  id: string;
  label: string;
  /** Output path, e.g. `'bulletins.html'`. */
  page: string;
}

/** Output path of a content page (`content/<slug>.md`). */
export function contentPage(slug: string): string {
  return `pages/${slug}.html`;
}

/** Output path of a period page of a section, e.g. `periodPage('bulletins', '2025-10')` → `bulletins/2025-10.html`. */
export function periodPage(section: 'bulletins' | 'rankings' | 'targets', period: string): string {
  return `${section}/${period}.html`;
}

const INTERNAL: NavItem[] = [
  { id: 'home', label: '首页', page: PAGES.home },
  { id: 'bulletins', label: '月度通报', page: PAGES.bulletins },
  { id: 'dispatch', label: '周调度', page: PAGES.dispatch },
  { id: 'rankings', label: '排名', page: PAGES.rankings },
  { id: 'targets', label: '目标', page: PAGES.targets },
  { id: 'projects', label: '项目', page: PAGES.projects },
  { id: 'units', label: '单位', page: PAGES.units },
  { id: 'chains', label: '招商图谱', page: PAGES.chains },
  { id: 'reports', label: '年度报告', page: PAGES.reports },
  { id: 'quality', label: '数据质量', page: PAGES.quality },
  { id: 'downloads', label: '下载', page: PAGES.downloads },
  { id: 'search', label: '搜索', page: PAGES.search },
];

const PUBLIC_HEAD: NavItem[] = [
  { id: 'home', label: '首页', page: PAGES.home },
  { id: 'industries', label: '主导产业', page: PAGES.industries },
  { id: 'chains', label: '招商图谱', page: PAGES.chains },
  { id: 'parks', label: '园区载体', page: PAGES.parks },
  { id: 'assets', label: '存量资产', page: PAGES.assets },
  { id: 'results', label: '招商成果', page: PAGES.results },
];

/**
 * The navigation of a profile. The public one lists the content pages (by `order`) before 搜索;
 * the internal one reaches them from the home page.
 */
export function navItems(
  profile: 'internal' | 'public',
  contentPages: readonly { slug: string; title: string }[] = [],
): NavItem[] {
  if (profile === 'internal') return INTERNAL;
  return [
    ...PUBLIC_HEAD,
    ...contentPages.map((p) => ({ id: `page:${p.slug}`, label: p.title, page: contentPage(p.slug) })),
    { id: 'downloads', label: '下载', page: PAGES.downloads },
    { id: 'search', label: '搜索', page: PAGES.search },
  ];
}
