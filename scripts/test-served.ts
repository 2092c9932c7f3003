/**
 * `npm run test:served`: serves dist/ with the project's nginx config on loopback, the way
 * the Docker image does, and runs the browser smoke tests in tests/served against it.
 * Without nginx installed it says so and skips, except in CI (CI=true), where that fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dist = path.resolve('dist');
const nginx = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/opt/homebrew/bin/nginx', '/usr/local/bin/nginx'].find((p) => existsSync(p));
const mime = ['/etc/nginx/mime.types', '/usr/local/etc/nginx/mime.types', '/opt/homebrew/etc/nginx/mime.types'].find((p) => existsSync(p));

if (!nginx || !mime) {
  const message = 'nginx is not installed, so the served-build tests did not run (apt-get install nginx to run them).';
  if (process.env.CI) {
    console.error(`${message} CI must run them.`);
    process.exit(1);
  }
  console.log(message);
  process.exit(0);
}
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error('No built site in dist/. Run "npm run build" first.');
  process.exit(1);
}

/** A free port on loopback. */
const port: number = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});

const prefix = mkdtempSync(path.join(tmpdir(), 'mlops-nginx-'));
for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(prefix, dir));
// The same site config the Docker image uses, pointed at this build and this port.
const site = readFileSync('deploy/nginx/site.conf', 'utf8')
  .replace('include /etc/nginx/mlops/lab-pages.conf;', `include ${path.join(dist, '_nginx-lab-pages.conf')};`)
  .replace('listen 8080;', `listen 127.0.0.1:${port};`)
  .replace('root /usr/share/nginx/html;', `root ${dist};`);
writeFileSync(
  path.join(prefix, 'nginx.conf'),
  `worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 256; }
http {
  include ${mime};
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  ${site}
}
`,
);

const check = spawnSync(nginx, ['-t', '-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { encoding: 'utf8' });
if (check.status !== 0) {
  console.error(`nginx rejected the configuration:\n${check.stderr}`);
  process.exit(1);
}
const server = spawn(nginx, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 50; i++) {
  if (await fetch(`${base}/`).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 100));
}
console.log(`nginx ${spawnSync(nginx, ['-v'], { encoding: 'utf8' }).stderr.trim()} serving dist/ at ${base}`);
const tests = spawnSync('npx', ['playwright', 'test', '--config', 'playwright.served.config.ts'], { stdio: 'inherit', env: { ...process.env, BASE_URL: base } });
server.kill('SIGTERM');
rmSync(prefix, { recursive: true, force: true });
process.exit(tests.status ?? 1);
