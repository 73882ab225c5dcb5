// @ts-check
import { defineConfig } from 'astro/config';

// Pages are written as `name.html` files and link to each other with relative URLs
// (see src/site/href.ts), so the site works under any sub-path and from file://.
export default defineConfig({
  build: { format: 'file', inlineStylesheets: 'always' },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
});
