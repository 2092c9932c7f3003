/**
 * A python lab's static view, before the in-page runner exists: the task, files, downloads
 * and the local Python commands, and never a StackBlitz button or request. Runnable lesson
 * samples carry the hook the runner will look for.
 */
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { readLabs } from '../../src/lib/labs.ts';
import { axeViolations, expect, test } from './fixtures.ts';

const lab = readLabs(path.resolve(process.env.MLOPS_LABS_DIR ?? 'labs')).find((l) => l.meta.runtime === 'python');
const url = lab ? `/learn/${lab.meta.lesson}/` : '';

test('the course has a python lab to test', () => {
  expect(lab, 'labs/ holds no lab with "runtime": "python"').toBeDefined();
});

test.describe('python lab, static view', () => {
  test('offers the local Python route and no StackBlitz, and requests nothing from it', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => {
      if (/stackblitz/i.test(r.url())) requests.push(r.url());
    });
    await page.goto(url);
    const section = page.getByRole('region', { name: `Hands-on lab: ${lab!.meta.title}` });
    await expect(section).toBeVisible();
    await expect(section.getByRole('button', { name: 'Launch the lab in this page' })).toHaveCount(0);
    await expect(section.getByRole('button', { name: /StackBlitz/ })).toHaveCount(0);
    const commands = section.locator('pre.commands');
    await expect(commands).toContainText('python -m venv .venv');
    await expect(commands).toContainText('source .venv/bin/activate');
    await expect(commands).toContainText('.venv\\Scripts\\activate');
    await expect(commands).toContainText('pip install -r requirements.txt');
    await expect(commands).toContainText('pytest');
    await expect(commands).not.toContainText('npm');
    await expect(section.getByText('You need Python 3.11 or newer.')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(requests).toEqual([]);
  });

  test('a file-tree link opens that file', async ({ page }) => {
    await page.goto(url);
    const file = lab!.meta.openFile;
    const panel = page.locator('.lab-files details.lab-file').filter({ has: page.locator('summary').getByText(file, { exact: true }) });
    await expect(panel).not.toHaveAttribute('open');
    await page.locator('.lab-files').getByRole('link', { name: file.split('/').pop(), exact: true }).click();
    await expect(panel).toHaveAttribute('open');
  });

  test('the starter download holds the lab files, requirements and tests, and no wrong answers', async ({ page, request }) => {
    await page.goto(url);
    const href = await page.getByRole('link', { name: 'Download the starter (.zip)' }).getAttribute('href');
    const zip = unzipSync(new Uint8Array(await (await request.get(href!)).body()));
    const names = Object.keys(zip).map((n) => n.replace(/^[^/]+\//, '')).sort();
    expect(names).toEqual(Object.keys(lab!.project.files).sort());
    expect(names).toContain('requirements.txt');
    expect(names.some((n) => /^tests\/test_.+\.py$/.test(n))).toBe(true);
    expect(names.some((n) => /known-bad|MISTAKE/.test(n))).toBe(false);
    expect(strFromU8(zip[`${lab!.slug}/requirements.txt`]!)).toMatch(/^pytest/m);
  });

  test('the payload says which runtime takes it', async ({ request }) => {
    const payload = await (await request.get(`/labs/${lab!.slug}/project.json`)).json();
    expect(payload).toMatchObject({ runtime: 'python', mainScript: lab!.meta.mainScript, project: { template: 'python' } });
  });

  test('has no axe violations', async ({ page }) => {
    await page.goto(url);
    expect(await axeViolations(page)).toEqual([]);
  });
});

test('runnable lesson samples are marked for the in-page runner, and only those', async ({ page }) => {
  await page.goto('/learn/saving-models/safe-loading-and-versioning/');
  const runnable = page.locator('pre[data-runnable="python"]');
  await expect(runnable).toHaveCount(3);
  await expect(runnable.first()).toContainText('pickle.loads(payload)');
  // The skops sample needs a file from lesson 1, so it is not marked.
  await expect(page.locator('pre[data-language="python"]:not([data-runnable])').filter({ hasText: 'skops.io' })).toHaveCount(1);
});
