// @ts-check
/**
 * The image tags a docker/build-push-action step pushes for a push to main of the example
 * commit: tags written out (`account/app:${{ github.sha }}`) and the tags output of a
 * docker/metadata-action step (`${{ steps.meta.outputs.tags }}`), read the same way.
 * You do not need to change this file.
 */
import { runsWhen } from './expression.js';
import { fillIn, splitReference, tagList } from './image-tag.js';
import { metadataTags } from './metadata-action.js';
import { githubContext, RUNS } from './scenarios.js';
import { actionOf, isMapping, stepsOf } from './workflow.js';

/**
 * One pushed tag. `source` says where it came from, for messages; `example` is the full
 * reference for the example commit; `traceable` says whether it names the exact commit.
 * @typedef {{ source: string, shown: string, example: string, traceable: boolean } & ReturnType<typeof splitReference>} PushedTag
 */

const OUTPUT = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.tags\s*\}\}$/;
const WRITE_INSTEAD = 'Write the tags out instead, e.g. `${{ vars.DOCKERHUB_USERNAME }}/prediction-service:${{ github.sha }}`, or pass `${{ steps.<id>.outputs.tags }}` where <id> is the `id:` of a docker/metadata-action step earlier in the same job.';

/**
 * The env values a step sees: the workflow's, its job's and its own.
 * @param {Record<string, any>} data
 * @param {Record<string, any> | undefined} aJob
 * @param {Record<string, any>} step
 */
export const envOf = (data, aJob, step) => ({ ...(isMapping(data.env) ? data.env : {}), ...(isMapping(aJob?.env) ? aJob.env : {}), ...(isMapping(step.env) ? step.env : {}) });

/**
 * Reads the `tags:` of the build step at `buildIndex` in `aJob`.
 * @param {Record<string, any>} data the workflow
 * @param {Record<string, any> | undefined} aJob the job holding the build step
 * @param {number} buildIndex
 * @returns {{ tags: PushedTag[], problem: string | null }} the tags, or why they cannot be read
 */
export function pushedTags(data, aJob, buildIndex) {
  const steps = stepsOf(aJob);
  const build = steps[buildIndex];
  const env = envOf(data, aJob, build);
  /** @type {PushedTag[]} */
  const tags = [];
  for (const written of tagList(isMapping(build.with) ? build.with.tags : undefined)) {
    const output = written.match(OUTPUT);
    if (!output) {
      if (/\$\{\{[^}]*\bsteps\./.test(written)) return { tags, problem: `The check cannot read the tag \`${written}\`: it reads a step's output only as a whole tags entry, \`\${{ steps.<id>.outputs.tags }}\`. ${WRITE_INSTEAD}` };
      const example = fillIn(written, env);
      // Only the commit's own SHA from the context names it; a SHA typed in names one old commit forever.
      const traceable = /:\$\{\{\s*github\.sha\s*\}\}$/.test(written);
      tags.push({ ...splitReference(example), source: `The tag \`${written}\``, shown: written, example, traceable });
      continue;
    }
    const id = output[1];
    const index = steps.findIndex((s) => String(s.id ?? '') === id);
    const meta = steps[index];
    if (!meta || actionOf(meta) !== 'docker/metadata-action') {
      const what = meta ? `the step with \`id: ${id}\` uses ${actionOf(meta) || 'no action'}, not docker/metadata-action` : `no step of this job has \`id: ${id}\``;
      return { tags, problem: `The check cannot read \`${written}\`: ${what}, so it cannot tell which tags that is (on GitHub the output would be empty). ${WRITE_INSTEAD}` };
    }
    if (index > buildIndex) return { tags, problem: `The docker/metadata-action step \`${id}\` runs after docker/build-push-action, so its tags output is still empty when the build needs it. Move it before the build step.` };
    let runs = true;
    try {
      runs = meta.if === undefined || runsWhen(meta.if, { github: githubContext(RUNS.pushMain), status: 'success' });
    } catch (error) {
      return { tags, problem: `The \`if:\` of the docker/metadata-action step \`${id}\` cannot be read: ${/** @type {Error} */ (error).message}.` };
    }
    if (!runs) return { tags, problem: `The docker/metadata-action step \`${id}\` has \`if: ${meta.if}\`, which skips it for a push to main, so the build gets no tags. Remove the condition.` };
    let made;
    try {
      made = metadataTags(meta, envOf(data, aJob, meta));
    } catch (error) {
      return { tags, problem: `In the docker/metadata-action step \`${id}\`, ${/** @type {Error} */ (error).message}. The action would stop with an error.` };
    }
    for (const m of made) {
      const from = m.image ? `the image \`${m.image}\` and the rule \`${m.rule}\`` : `the rule \`${m.rule}\` and no \`images:\``;
      tags.push({ ...splitReference(m.ref), source: `The tag that docker/metadata-action (step \`${id}\`) makes from ${from}`, shown: `${m.ref} (from steps.${id})`, example: m.ref, traceable: m.traceable });
    }
  }
  return { tags, problem: null };
}
