import { getCollection } from 'astro:content';
import type { CollectionEntry } from 'astro:content';
import { contentPage } from '../nav.ts';

/** A content page (`content/<slug>.md`) as pages list it. */
export interface ContentPageInfo {
  slug: string;
  title: string;
  /** Output path, e.g. `pages/about.html`. */
  page: string;
  entry: CollectionEntry<'pages'>;
}

let cached: ContentPageInfo[] | null = null;

/** Content pages ordered by `order` (missing last), then title; read once per build. */
export async function contentPages(): Promise<ContentPageInfo[]> {
  if (cached) return cached;
  const entries = await getCollection('pages');
  cached = entries
    .map((entry) => ({ slug: entry.id, title: entry.data.title, page: contentPage(entry.id), entry }))
    .sort(
      (a, b) =>
        (a.entry.data.order ?? Infinity) - (b.entry.data.order ?? Infinity) ||
        (a.title < b.title ? -1 : a.title > b.title ? 1 : a.slug < b.slug ? -1 : 1),
    );
  return cached;
}
