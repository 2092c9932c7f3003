/** What the build pulls from outside is pinned: workflow actions by commit, base images by exact tag. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

describe('supply chain', () => {
  it('pins every workflow action to a full commit SHA, with a comment naming its release', () => {
    const uses = [...readFileSync('.github/workflows/ci.yml', 'utf8').matchAll(/uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, ref, rest] of uses) {
      expect(ref, `${ref}: pin it as owner/action@<40-hex commit> # vX.Y.Z`).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(rest, `${ref}: add "# vX.Y.Z" naming the release of that commit`).toMatch(/^\s+# v\d+\.\d+\.\d+$/);
    }
  });

  it('names every Docker base image by an exact version tag (a digest may follow)', () => {
    const from = [...readFileSync('Dockerfile', 'utf8').matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]!);
    expect(from.length).toBeGreaterThan(0);
    for (const image of from) expect(image, `${image}: use an exact tag such as node:24.21.0-bookworm-slim`).toMatch(/:\d+\.\d+\.\d+(-[\w.-]+)?(@sha256:[0-9a-f]{64})?$/);
  });

  describe('the workflow', () => {
    type Step = { id?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> };
    type Job = { if?: string; permissions?: Record<string, string>; concurrency?: { group: string; 'cancel-in-progress': boolean }; steps: Step[] };
    const workflow = parse(readFileSync('.github/workflows/ci.yml', 'utf8')) as { permissions: unknown; jobs: Record<string, Job> };
    const { test, pages, image } = workflow.jobs;

    it('grants nothing by default and each job only what it uses', () => {
      expect(workflow.permissions).toEqual({});
      expect(test!.permissions).toEqual({ contents: 'read' });
      expect(pages!.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
      expect(image!.permissions).toEqual({ contents: 'read', packages: 'write' });
      for (const [name, job] of Object.entries(workflow.jobs))
        for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@')))
          expect(step.with?.['persist-credentials'], `${name}: checkout keeps no token`).toBe(false);
    });

    it('deploys Pages one at a time, from main only, the sub-path build tested for the address configure-pages gives', () => {
      expect(pages!.if).toContain("github.ref == 'refs/heads/main'");
      expect(pages!.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
      const ids = pages!.steps.map((s) => s.uses?.split('@')[0] ?? s.run);
      const configure = pages!.steps.find((s) => s.uses?.startsWith('actions/configure-pages@'))!;
      const build = pages!.steps.find((s) => s.run?.includes('build:subpath'))!;
      expect(build.run).toBe('npm run build:subpath && npm run check:links:subpath && npm run test:subpath');
      expect(build.env).toMatchObject({ SUBPATH_BASE: `\${{ steps.${configure.id}.outputs.base_path }}`, SITE_URL: `\${{ steps.${configure.id}.outputs.base_url }}` });
      expect(ids.indexOf('actions/configure-pages')).toBeLessThan(ids.indexOf(build.run));
      const upload = pages!.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!;
      expect(upload.with?.path).toBe('dist-subpath');
      expect(ids.indexOf(build.run)).toBeLessThan(ids.indexOf('actions/upload-pages-artifact'));
    });

    it('tags the image by commit SHA, and latest only from main', () => {
      const meta = image!.steps.find((s) => s.uses?.startsWith('docker/metadata-action@'))!;
      const tags = meta.with!.tags!.trim().split('\n').map((t) => t.trim());
      expect(tags).toContain('type=sha,format=long');
      expect(tags).toContain("type=raw,value=latest,enable=${{ github.ref == 'refs/heads/main' }}");
      const push = image!.steps.find((s) => s.uses?.startsWith('docker/build-push-action@'))!;
      expect(push.with?.tags).toBe(`\${{ steps.${meta.id}.outputs.tags }}`);
    });
  });
});
