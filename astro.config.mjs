// @ts-check
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { CONTENT_DIR } from './src/lib/paths.ts';
import { headersFile, isLabPage, isWorkerRequest, ISOLATION_HEADERS, labPagePaths, nginxLabMap, WORKER_HEADERS } from './src/lib/headers.ts';
import { BASE_DIRECTIVES, SDK_FRAME_SCRIPT_HASH, STYLE_ATTRIBUTE_RESOURCE } from './src/lib/csp.ts';
import { runnableCodeTransformer } from './src/lib/runnable-code.ts';
import { codeBlockLabel } from './src/lib/code-label.ts';
import { normaliseBase, stripBase } from './src/lib/url.ts';
import { markdownBase } from './src/lib/markdown-base.ts';
import { glossaryPopovers } from './src/lib/glossary-popovers.ts';
import { glossaryReader } from './src/lib/glossary-terms.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { copyRunner, runnerFile, runnerHeaders } from './src/lib/runner-files.ts';
import { packagesUrl } from './src/lib/pyodide-dist.ts';
import { preloadBuiltPages } from './src/lib/module-preload.ts';

// The public address of the course; canonical URLs, Open Graph tags and the sitemap use it.
// A path in it ("https://octocat.github.io/mlops-course") is ignored: BASE_PATH sets the path.
const site = process.env.SITE_URL || 'https://mlops-course.example.org';
// The path the site is served under: "/" at a domain's root, "/<repository>/" on a GitHub
// Pages project site. Every internal URL goes through src/lib/url.ts, which reads it back.
const base = normaliseBase(process.env.BASE_PATH);

/**
 * Lesson pages with a lab need cross-origin isolation (COOP/COEP) for WebContainers, and
 * only those pages. `astro dev` and `astro preview` get the headers from this middleware;
 * static hosts and nginx get files written at the end of the build.
 * @returns {import('astro').AstroIntegration}
 */
function labIsolation() {
  /** @param {{ use: (fn: (req: any, res: any, next: () => void) => void) => void }} middlewares */
  const addHeaders = (middlewares) =>
    middlewares.use((req, res, next) => {
      // The Python runner is served from node_modules in dev, with the headers the build writes.
      const runner = runnerFile(stripBase(req.url ?? '/', base) ?? '');
      if (runner) {
        for (const [name, value] of Object.entries(runnerHeaders(packagesUrl()))) res.setHeader(name, value);
        res.setHeader('Content-Type', runner.type);
        res.end(runner.body);
        return;
      }
      // Read on every request so a lab added while `astro dev` runs is isolated at once.
      if (isLabPage(req.url ?? '/', labPagePaths(CONTENT_DIR, base)))
        for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
      // Workers started by an isolated page must carry a compatible policy themselves.
      else if (isWorkerRequest(req.url ?? '/', req.headers?.['sec-fetch-dest']))
        for (const [name, value] of Object.entries(WORKER_HEADERS)) res.setHeader(name, value);
      next();
    });
  return {
    name: 'mlops-lab-isolation',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'mlops-lab-isolation',
                // Braces matter: a function returned from these hooks would be run as a post-hook.
                configureServer(server) {
                  addHeaders(server.middlewares);
                },
                configurePreviewServer(server) {
                  addHeaders(server.middlewares);
                },
              },
            ],
          },
        });
      },
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        const pages = labPagePaths(CONTENT_DIR, base);
        copyRunner(out);
        writeFileSync(path.join(out, '_headers'), headersFile(pages, base, runnerHeaders(packagesUrl(), new URL(site).origin)));
        writeFileSync(path.join(out, '_nginx-lab-pages.conf'), nginxLabMap(pages));
      },
    },
  };
}

/**
 * Each page lists what its module scripts import with <link rel="modulepreload">, so the
 * browser fetches a script and its shared chunks together (src/lib/module-preload.ts).
 * @returns {import('astro').AstroIntegration}
 */
function modulePreloads() {
  return {
    name: 'mlops-module-preloads',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const pages = preloadBuiltPages(fileURLToPath(dir), base);
        logger.info(`modulepreload links added to ${pages} page(s)`);
      },
    },
  };
}

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Tests that build fixture content use their own cache so they never mix with the real one.
  ...(process.env.MLOPS_CACHE_DIR ? { cacheDir: process.env.MLOPS_CACHE_DIR } : {}),
  // /design/ is a page for authors (noindex), so it stays out of the sitemap too.
  integrations: [mdx(), sitemap({ filter: (page) => !new URL(page).pathname.endsWith('/design/') }), labIsolation(), modulePreloads()],
  security: {
    // A strict policy in a <meta> tag on every page: Astro hashes the scripts and styles it
    // emits; src/lib/csp.ts holds the rest and why.
    csp: {
      directives: [...BASE_DIRECTIVES],
      scriptDirective: { hashes: [SDK_FRAME_SCRIPT_HASH] },
      styleDirective: { resources: ["'self'", { ...STYLE_ATTRIBUTE_RESOURCE }] },
    },
  },
  markdown: {
    // Lessons link root-absolute ("/glossary/#onnx"); this puts the base path in front.
    // Sätteri is Astro's default processor; MDX lessons use it through this setting.
    // Links to glossary terms become buttons opening the definition in a popover, so a
    // student stays in the lesson; it runs on hast, after the links have their base path.
    processor: satteri({
      mdastPlugins: [markdownBase(base)],
      hastPlugins: [glossaryPopovers(base, glossaryReader(path.join(CONTENT_DIR, 'glossary')))],
    }),
    shikiConfig: {
      // Both themes are emitted as CSS variables; global.css picks one from the site theme.
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
      wrap: false,
      // ```python run blocks get data-runnable="python" for the in-page runner (src/lib/runnable-code.ts);
      // every block gets a name, as it is a focusable scroll box (src/lib/code-label.ts).
      transformers: [runnableCodeTransformer, codeBlockLabel],
    },
  },
});
