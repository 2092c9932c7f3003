/**
 * Puts the Python runner's files where the site serves them: copied into the build output
 * (`dist/runner/`), or answered by the dev server straight from node_modules. Both paths
 * send the same files with the same headers (`runnerHeaders`).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ASSET_CACHE } from './headers.ts';
import { CORE_FILES, CORE_PATH, packagesOrigin, pyodideDir, RUNNER_PATH, workerPath, workerScript } from './pyodide-dist.ts';

/**
 * Headers for everything under /runner/. A dedicated worker takes its CSP from its own
 * response, so this is the only place wasm compilation and the packages origin are allowed;
 * lesson pages keep their strict policy. COEP lets an isolated lab page start the worker.
 */
export function runnerHeaders(packagesUrl: string, siteOrigin?: string): Record<string, string> {
  const origin = packagesOrigin(packagesUrl);
  const connect = origin === siteOrigin ? "'self'" : `'self' ${origin}`;
  return {
    'Content-Security-Policy': `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src ${connect}; frame-ancestors 'none'; object-src 'none'; base-uri 'none'`,
    'Cross-Origin-Embedder-Policy': 'credentialless',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': ASSET_CACHE,
  };
}

/** Writes the core (versioned folder) and the worker (hashed name) into a built site. */
export function copyRunner(outDir: string): string[] {
  const core = path.join(outDir, CORE_PATH);
  mkdirSync(core, { recursive: true });
  for (const file of CORE_FILES) copyFileSync(path.join(pyodideDir(), file), path.join(core, file));
  const script = workerScript();
  writeFileSync(path.join(outDir, workerPath(script)), script);
  return [...CORE_FILES.map((f) => `${CORE_PATH}${f}`), workerPath(script)];
}

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json; charset=utf-8',
};

/** The dev server's answer for a runner path: its body and type, or undefined when it is not one. */
export function runnerFile(requestPath: string): { body: Buffer | string; type: string } | undefined {
  const clean = requestPath.split('?')[0]!;
  if (!clean.startsWith(RUNNER_PATH)) return undefined;
  const script = workerScript();
  if (clean === workerPath(script)) return { body: script, type: TYPES['.js']! };
  const file = clean.startsWith(CORE_PATH) ? clean.slice(CORE_PATH.length) : '';
  if (!(CORE_FILES as readonly string[]).includes(file)) return undefined;
  return { body: readFileSync(path.join(pyodideDir(), file)), type: TYPES[path.extname(file)]! };
}
