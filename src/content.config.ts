import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentDir } from './site/data.ts';

/**
 * Content pages (`content/*.md` in the data folder: 区位优势, 政策, 联系我们 …), shown in both
 * profiles at `pages/<slug>.html`. The folder comes from `meta.json` in `ZS_SITE_DATA`; without
 * it (no site data, or no content folder) the collection is empty.
 */
function contentBase(): URL | null {
  if (!process.env.ZS_SITE_DATA) return null;
  const dir = contentDir();
  return dir ? pathToFileURL(dir.endsWith('/') ? dir : `${dir}/`) : null;
}

const base = contentBase();

const pages = defineCollection({
  loader: base ? glob({ pattern: '*.md', base }) : async () => [],
  schema: z.object({
    /** Page title and nav label, e.g. `区位优势`. */
    title: z.string(),
    /** Position in the nav (ascending); pages without one come last, by title. */
    order: z.number().optional(),
  }),
});

export const collections = { pages };
