import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/**
 * The sub-path smoke test: the build in dist-subpath/ (made with BASE_PATH=/mlops-course/ by
 * `npm run build:subpath`) served under /mlops-course/ and nowhere else, as a GitHub Pages
 * project site is. Its own port, so it never meets the root build's server.
 */
export const SUBPATH_BASE = '/mlops-course/';
const PORT = Number(process.env.SUBPATH_PORT ?? 4331);
const origin = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  ...base,
  testDir: 'tests/subpath',
  use: { ...base.use, baseURL: `${origin}${SUBPATH_BASE}` },
  webServer: {
    command: `node scripts/serve.ts --dir dist-subpath --base ${SUBPATH_BASE} --host 127.0.0.1 --port ${PORT}`,
    url: `${origin}${SUBPATH_BASE}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
