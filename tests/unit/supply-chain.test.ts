/** What the build pulls from outside is pinned: workflow actions by commit, base images by exact tag. */
import { readFileSync } from 'node:fs';
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
});
