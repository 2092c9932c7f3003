/**
 * The ci-pipeline lab accepts tags made by docker/metadata-action. The first part checks the
 * tag rules against the action's README; the second runs the lab's real step 8 test
 * (`node --test` on a copy of the starter) on small workflows, because labs:verify only
 * proves that wrong answers fail, not that a different right answer passes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metadataTags } from '../../labs/ci-pipeline/starter/lib/metadata-action.js';
import { parseTap } from '../../src/lib/lab-verify.ts';

const SHA = 'ffac537e6cbbf934b08745a378932722df287a53';
/** The refs a metadata-action step with these inputs outputs for a push to main, traceable ones marked with *. */
const refs = (inputs: Record<string, string>, env: Record<string, string> = {}): string[] =>
  metadataTags({ uses: 'docker/metadata-action@v6', with: inputs }, env).map((t: { ref: string; traceable: boolean }) => `${t.ref}${t.traceable ? ' *' : ''}`);

describe('metadataTags: what docker/metadata-action outputs for a push to main', () => {
  const images = '${{ vars.DOCKERHUB_USERNAME }}/prediction-service';
  it('type=sha gives sha- and 7 characters; format=long the full SHA; prefix= and suffix= apply', () => {
    expect(refs({ images, tags: 'type=sha' })).toEqual(['dockerhub-username/prediction-service:sha-ffac537 *']);
    expect(refs({ images, tags: 'type=sha,format=long' })).toEqual([`dockerhub-username/prediction-service:sha-${SHA} *`]);
    expect(refs({ images, tags: 'type=sha,prefix=,suffix=-py' })).toEqual(['dockerhub-username/prediction-service:ffac537-py *']);
    expect(refs({ images, tags: 'type=sha' }, { DOCKER_METADATA_SHORT_SHA_LENGTH: '12' })).toEqual(['dockerhub-username/prediction-service:sha-ffac537e6cbb *']);
  });
  it('raw values and branch refs are tags, but not traceable ones', () => {
    expect(refs({ images: 'acme/app', tags: 'type=raw,value=latest\ntype=ref,event=branch\nstable' })).toEqual(['acme/app:main', 'acme/app:latest', 'acme/app:stable']);
  });
  it('a raw value built from the SHA names the commit', () => {
    expect(refs({ images: 'acme/app', tags: 'type=raw,value=${{ github.sha }}\ntype=raw,value={{branch}}-{{sha}}' })).toEqual([`acme/app:${SHA} *`, 'acme/app:main-ffac537 *']);
  });
  it('pr, tag, semver and schedule rules give nothing on a push to main; so do the defaults but for the branch', () => {
    expect(refs({ images: 'acme/app', tags: 'type=ref,event=pr\ntype=ref,event=tag\ntype=semver,pattern={{version}}\ntype=schedule' })).toEqual([]);
    expect(refs({ images: 'acme/app' })).toEqual(['acme/app:main']);
  });
  it('enable=false (also from an expression) drops a rule; comments and blank lines are ignored', () => {
    const tags = "# short SHA off\ntype=sha,enable=false\n\ntype=raw,value=latest,enable=${{ github.ref == format('refs/heads/{0}', 'main') }}\ntype=raw,value=dev,enable=${{ github.event_name == 'pull_request' }}";
    expect(refs({ images: 'acme/app', tags })).toEqual(['acme/app:latest']);
    expect(refs({ images: 'acme/app', tags: 'type=edge,enable={{is_default_branch}}' })).toEqual(['acme/app:edge']);
  });
  it('every enabled image gets every tag; names are lower-cased and expressions filled in', () => {
    const both = refs({ images: 'ghcr.io/${{ github.repository }}\nname=Acme/App\nname=acme/off,enable=false', tags: 'type=sha' });
    expect(both).toEqual(['ghcr.io/acme-ml/prediction-service:sha-ffac537 *', 'acme/app:sha-ffac537 *']);
    expect(refs({ images: 'acme/a,acme/b', tags: 'type=sha' })).toEqual(['acme/a:sha-ffac537 *', 'acme/b:sha-ffac537 *']);
  });
  it('flavor latest=true adds latest, with the global prefix when onlatest=true', () => {
    expect(refs({ images: 'acme/app', tags: 'type=sha', flavor: 'latest=true\nprefix=py-,onlatest=true' })).toEqual(['acme/app:sha-ffac537 *', 'acme/app:py-latest']);
  });
  it('names the rule the action itself would reject', () => {
    expect(() => refs({ images: 'acme/app', tags: 'type=hash' })).toThrow(/`type=hash` has an unknown type "hash"/);
    expect(() => refs({ images: 'acme/app', tags: 'type=sha,format=medium' })).toThrow(/format=medium; use short or long/);
    expect(() => refs({ images: 'acme/app', tags: 'type=raw,value=x,enable=${{ steps.a.outputs.on }}' })).toThrow(/an expression these checks cannot read/);
  });
});

/** The build-and-push job of the lab's solution, with the steps after login replaced. */
const workflow = (login: string, rest: string) => `on:
  push: { branches: [main] }
  pull_request: { branches: [main] }
permissions: { contents: read }
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v7
      - run: pip install -r requirements.txt -r requirements-dev.txt
      - run: pytest -q
  build-and-push:
    needs: test
    if: github.event_name == 'push' && github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v7
      - uses: docker/login-action@v4
        with:
${login}
          password: \${{ secrets.REGISTRY_TOKEN }}
${rest}`;
const HUB = '          username: ${{ vars.DOCKERHUB_USERNAME }}';
const GHCR = '          registry: ghcr.io\n          username: ${{ github.actor }}';
/** A metadata-action step (id `meta` unless told) and a build that pushes `tags`. */
const meta = (images: string, rules: string[], tags = '${{ steps.meta.outputs.tags }}', id = 'meta') => `      - id: ${id}
        uses: docker/metadata-action@v6
        with:
          images: ${images}
          tags: |
${rules.map((r) => `            ${r}`).join('\n')}
      - uses: docker/build-push-action@v7
        with:
          push: true
          tags: ${tags}
`;

describe("the lab's step 8 test on workflows that use docker/metadata-action", () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ci-lab-'));
    cpSync('labs/ci-pipeline/starter', dir, { recursive: true });
    symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs only step 8 on this workflow; resolves to whether it passed and its output. */
  const step8 = (text: string) => {
    mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(path.join(dir, '.github/workflows/ci.yml'), text);
    const r = spawnSync(process.execPath, ['--test', '--test-reporter=tap', '--test-name-pattern=^step 8'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const summary = parseTap(r.stdout);
    expect(summary.tests, r.stdout + r.stderr).toBe(1);
    // TAP folds long messages over lines; join them so a message can be matched whole.
    return { passed: summary.pass === 1 && r.status === 0, output: r.stdout.replace(/\n\s*/g, ' ') };
  };
  const hubImage = '${{ vars.DOCKERHUB_USERNAME }}/prediction-service';

  it('passes with type=sha (short or long) for the registry it logs in to', () => {
    expect(step8(workflow(HUB, meta(hubImage, ['type=sha', 'type=raw,value=latest']))).passed).toBe(true);
    expect(step8(workflow(GHCR, meta('ghcr.io/${{ github.repository }}', ['type=sha,format=long', 'type=ref,event=branch']))).passed).toBe(true);
  });
  it('still passes a tag written out with ${{ github.sha }}, and fails one written with latest only', () => {
    expect(step8(workflow(HUB, meta(hubImage, ['type=sha'], `${hubImage}:\${{ github.sha }}`))).passed).toBe(true);
    const latest = step8(workflow(HUB, meta(hubImage, ['type=sha'], `${hubImage}:latest`)));
    expect(latest.passed).toBe(false);
    expect(latest.output).toContain('No tag names the exact commit');
  });
  it('fails latest or a branch tag alone, naming the tags and the fix', () => {
    for (const rules of [['type=raw,value=latest'], ['type=ref,event=branch'], ['type=sha,enable=false', 'type=raw,value=latest']]) {
      const r = step8(workflow(HUB, meta(hubImage, rules)));
      expect(r.passed).toBe(false);
      expect(r.output).toMatch(/No tag names the exact commit \(tags for a push to main: dockerhub-username\/prediction-service:(latest|main) \(from steps\.meta\)\)/);
      expect(r.output).toContain("docker/metadata-action's `type=sha` rule");
    }
  });
  it('fails images on ghcr.io when it logs in to Docker Hub, with the registry message', () => {
    const r = step8(workflow(HUB, meta('ghcr.io/${{ github.repository }}', ['type=sha'])));
    expect(r.passed).toBe(false);
    expect(r.output).toContain('The tag that docker/metadata-action (step `meta`) makes from the image `ghcr.io/${{ github.repository }}` and the rule `type=sha` pushes to ghcr.io, but docker/login-action logs in to docker.io');
  });
  it('fails an image without an account, as for a written tag', () => {
    const r = step8(workflow(HUB, meta('prediction-service', ['type=sha'])));
    expect(r.passed).toBe(false);
    expect(r.output).toMatch(/becomes prediction-service:sha-ffac537 for a commit, and "prediction-service" names no account/);
  });
  it('says it cannot read the tags output of a step that is not docker/metadata-action, and what to write instead', () => {
    const checkout = step8(workflow(HUB, `      - id: src\n        uses: actions/checkout@v7\n${meta(hubImage, ['type=sha'], '${{ steps.src.outputs.tags }}')}`));
    expect(checkout.passed).toBe(false);
    expect(checkout.output).toContain('The check cannot read `${{ steps.src.outputs.tags }}`: the step with `id: src` uses actions/checkout, not docker/metadata-action');
    expect(checkout.output).toContain('Write the tags out instead, e.g. `${{ vars.DOCKERHUB_USERNAME }}/prediction-service:${{ github.sha }}`');
    const missing = step8(workflow(HUB, meta(hubImage, ['type=sha'], '${{ steps.docker_meta.outputs.tags }}')));
    expect(missing.output).toContain('no step of this job has `id: docker_meta`');
  });
  it('fails a metadata step that runs after the build or is skipped on main', () => {
    const build = '      - uses: docker/build-push-action@v7\n        with:\n          push: true\n          tags: ${{ steps.meta.outputs.tags }}\n';
    const after = step8(workflow(HUB, build + meta(hubImage, ['type=sha']).split('      - uses: docker/build-push-action')[0]!));
    expect(after.output).toContain('runs after docker/build-push-action');
    const skipped = step8(workflow(HUB, meta(hubImage, ['type=sha']).replace('      - id: meta\n', "      - id: meta\n        if: github.event_name == 'pull_request'\n")));
    expect(skipped.output).toContain('which skips it for a push to main');
  });
});
