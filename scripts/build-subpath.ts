/**
 * `npm run build:subpath`: builds the whole site for a base path into dist-subpath/, as the
 * Pages workflow builds it for a project site, so the link check and the browser smoke test
 * can prove that nothing escapes the base. Its own Astro cache keeps it apart from the root
 * build in dist/. SUBPATH_BASE chooses the base path (scripts/subpath.ts).
 */
import { spawnSync } from 'node:child_process';
import { SUBPATH_BASE as base, SUBPATH_DIST } from './subpath.ts';

const started = performance.now();
const result = spawnSync('npx', ['astro', 'build', '--outDir', SUBPATH_DIST], {
  stdio: 'inherit',
  env: { ...process.env, BASE_PATH: base, MLOPS_CACHE_DIR: 'node_modules/.astro-subpath' },
});
if (result.status !== 0) {
  console.error(`The build for base path ${base} failed (see above).`);
  process.exit(result.status ?? 1);
}
console.log(`Built ${SUBPATH_DIST}/ for base path ${base} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
