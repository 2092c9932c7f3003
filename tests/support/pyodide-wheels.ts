/**
 * pytest for the offline browser tests. Pyodide's distribution (where the page gets pytest)
 * is on a CDN the tests cannot reach, and pip's index serves no Pyodide builds; but pytest and
 * its dependencies are pure-Python wheels that run unchanged in Pyodide. So the tests download
 * them once from pip's configured index into node_modules/.cache/pyodide-wheels/ and serve
 * them where the page asks for the distribution's files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { DEFAULT_PACKAGES_URL, PYTEST_PACKAGES } from '../../src/lib/pyodide-dist.ts';

/** Where the wheels are kept between runs. */
export const WHEEL_DIR = path.resolve('node_modules/.cache/pyodide-wheels');

/** A wheel's distribution name, normalised ("Pygments-2.21.0-py3-none-any.whl" → "pygments"). */
export const wheelName = (file: string) => file.split('-')[0]!.toLowerCase().replace(/[_.]+/g, '-');

/** The cached wheel for each of pytest's packages, downloading any that are missing. */
export function pytestWheels(): Record<string, string> {
  mkdirSync(WHEEL_DIR, { recursive: true });
  const have = () => Object.fromEntries(readdirSync(WHEEL_DIR).filter((f) => f.endsWith('.whl')).map((f) => [wheelName(f), path.join(WHEEL_DIR, f)]));
  const missing = PYTEST_PACKAGES.filter((p) => !have()[p]);
  if (missing.length) {
    const python = process.env.PYTHON ?? 'python3';
    try {
      execFileSync(python, ['-m', 'pip', 'download', '--only-binary=:all:', '--no-deps', '--disable-pip-version-check', '-d', WHEEL_DIR, ...missing], { stdio: 'pipe', timeout: 180_000 });
    } catch (error) {
      throw new Error(`Could not download ${missing.join(', ')} with "${python} -m pip download" into ${WHEEL_DIR}: ${(error as Error).message}. Fix: install python3 with pip and let pip reach its index, or copy the wheels there.`);
    }
  }
  const found = have();
  for (const p of PYTEST_PACKAGES) if (!found[p] || !existsSync(found[p])) throw new Error(`No wheel for ${p} in ${WHEEL_DIR}.`);
  return found;
}

/**
 * Stands in for the Pyodide distribution: pytest's files come from the wheel cache, any other
 * package fails as an unreachable CDN would. Every file asked for is pushed to `requested`.
 */
export async function servePackages(context: BrowserContext, requested: string[]): Promise<void> {
  const wheels = pytestWheels();
  await context.route(`${DEFAULT_PACKAGES_URL}**`, (route) => {
    const file = route.request().url().slice(DEFAULT_PACKAGES_URL.length);
    requested.push(file);
    const wheel = (PYTEST_PACKAGES as readonly string[]).includes(wheelName(file)) ? wheels[wheelName(file)] : undefined;
    if (!wheel) return route.abort('internetdisconnected');
    return route.fulfill({ status: 200, contentType: 'application/zip', headers: { 'Access-Control-Allow-Origin': '*' }, body: readFileSync(wheel) });
  });
}
