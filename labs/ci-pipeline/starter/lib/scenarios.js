// @ts-check
/**
 * Imagined runs of the workflow (a push to main, a pull request, a push to another branch…)
 * and whether GitHub would start the workflow and a job for each. You do not need to change
 * this file.
 */
import { runsWhen } from './expression.js';
import { EXAMPLE } from './image-tag.js';
import { branchesOf, isMapping, triggers } from './workflow.js';

/**
 * @typedef {{ name: string, event: string, ref: string, branch: string, headRef?: string, baseRef?: string }} Run
 */

/**
 * The runs the tests imagine.
 * @type {Record<'pushMain' | 'pushBranch' | 'pullRequest' | 'pullRequestFromMain' | 'dispatchBranch' | 'scheduleMain', Run>}
 */
export const RUNS = {
  pushMain: { name: 'a push to main', event: 'push', ref: 'refs/heads/main', branch: 'main' },
  pushBranch: { name: 'a push to the branch feature/new-model', event: 'push', ref: 'refs/heads/feature/new-model', branch: 'feature/new-model' },
  pullRequest: { name: 'a pull request from feature/new-model into main', event: 'pull_request', ref: 'refs/pull/7/merge', branch: '7/merge', headRef: 'feature/new-model', baseRef: 'main' },
  pullRequestFromMain: { name: "a pull request from a fork's main branch into main", event: 'pull_request', ref: 'refs/pull/8/merge', branch: '8/merge', headRef: 'main', baseRef: 'main' },
  dispatchBranch: { name: 'a manual run (workflow_dispatch) on feature/new-model', event: 'workflow_dispatch', ref: 'refs/heads/feature/new-model', branch: 'feature/new-model' },
  scheduleMain: { name: 'a scheduled run on main', event: 'schedule', ref: 'refs/heads/main', branch: 'main' },
};

/** A branch filter pattern (`main`, `release/**`, `feature/*`) as a regex. */
function glob(/** @type {string} */ pattern) {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*');
  return new RegExp(`^${re}$`);
}

/**
 * Whether the workflow starts at all for a run, from its `on:` triggers and branch filters.
 * @param {Record<string, any>} data
 * @param {Run} run
 */
export function workflowStarts(data, run) {
  const on = triggers(data);
  if (!(run.event in on)) return false;
  const trigger = on[run.event];
  if (!isMapping(trigger)) return true;
  // Pull requests are filtered on the branch they merge into; pushes on the branch pushed.
  const branch = run.event.startsWith('pull_request') ? run.baseRef ?? '' : run.branch;
  const only = branchesOf(trigger);
  const ignore = Array.isArray(trigger['branches-ignore']) ? trigger['branches-ignore'].map(String) : [];
  if (run.event === 'push' && only.length === 0 && ignore.length === 0 && ('tags' in trigger || 'tags-ignore' in trigger)) return false;
  if (only.length) {
    // The last matching pattern wins, and `!pattern` excludes.
    let included = false;
    for (const p of only) if (glob(p.replace(/^!/, '')).test(branch)) included = !p.startsWith('!');
    return included;
  }
  return !ignore.some((p) => glob(p).test(branch));
}

/**
 * Whether a job runs for a run, given whether the jobs it needs succeeded.
 * @param {Record<string, any>} data
 * @param {Record<string, any>} job
 * @param {Run} run
 * @param {'success' | 'failure'} needsResult
 */
export function jobRuns(data, job, run, needsResult = 'success') {
  if (!workflowStarts(data, run)) return false;
  return runsWhen(job.if, { github: githubContext(run), status: needsResult });
}

/**
 * The `github` context an expression sees during a run, for the example commit.
 * @param {Run} run
 */
export function githubContext(run) {
  return { event_name: run.event, ref: run.ref, ref_name: run.branch, head_ref: run.headRef ?? '', base_ref: run.baseRef ?? '', sha: EXAMPLE.sha, repository: EXAMPLE.repository, repository_owner: EXAMPLE.owner, event: {} };
}
