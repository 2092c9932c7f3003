// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

// The public address of the course; canonical URLs, Open Graph tags and the sitemap use it.
const site = process.env.SITE_URL ?? 'https://mlops-course.example.org';

export default defineConfig({
  site,
  // Tests that build fixture content use their own cache so they never mix with the real one.
  ...(process.env.MLOPS_CACHE_DIR ? { cacheDir: process.env.MLOPS_CACHE_DIR } : {}),
  trailingSlash: 'always',
  integrations: [mdx(), sitemap()],
  markdown: {
    shikiConfig: {
      // Both themes are emitted as CSS variables; global.css picks one from the site theme.
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
      wrap: false,
    },
  },
});
