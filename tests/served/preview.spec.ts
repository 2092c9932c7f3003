/**
 * `npm run preview`'s server against the real build: requests that used to crash it, and
 * files it must not serve. It runs as its own process, as a student or CI would start it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { request as rawRequest } from 'node:http';
import { expect, test } from '../e2e/fixtures.ts';

let server: ChildProcess;
let base: string;

/** A raw GET: Playwright's request client would re-encode the malformed path. */
const rawGet = (p: string) =>
  new Promise<number>((resolve, reject) => {
    const req = rawRequest(`${base}/`, { path: p }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    req.end();
  });

test.beforeAll(async () => {
  const port: number = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['scripts/serve.ts', '--port', String(port)], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await fetch(`${base}/`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
});

test.afterAll(() => {
  server.kill('SIGTERM');
});

test('preview: a malformed URL gets 400 and the server keeps running', async () => {
  expect(await rawGet('/%E0%A4%A')).toBe(400);
  expect(server.exitCode).toBeNull();
  expect(await rawGet('/')).toBe(200);
});

test('preview: build-only files and dotfiles are not served', async () => {
  const canary = path.join('dist', '.preview-canary');
  writeFileSync(canary, 'SECRET=canary\n');
  try {
    for (const p of ['/_headers', '/_nginx-lab-pages.conf', '/.preview-canary']) expect(await rawGet(p), p).toBe(404);
  } finally {
    rmSync(canary, { force: true });
  }
});
