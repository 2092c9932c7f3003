import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';
import { SUBPATH_BASE, SUBPATH_DIST } from './scripts/subpath.ts';

/**
 * The sub-path smoke test: the build in dist-subpath/ (made by `npm run build:subpath` for
 * SUBPATH_BASE, /mlops-course/ by default) served under that path and nowhere else, as a
 * GitHub Pages project site is. Its own port, so it never meets the root build's server.
 */
const PORT = Number(process.env.SUBPATH_PORT ?? 4331);
const origin = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  ...base,
  testDir: 'tests/subpath',
  use: { ...base.use, baseURL: `${origin}${SUBPATH_BASE}` },
  webServer: {
    command: `node scripts/serve.ts --dir ${SUBPATH_DIST} --base ${SUBPATH_BASE} --host 127.0.0.1 --port ${PORT}`,
    url: `${origin}${SUBPATH_BASE}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
