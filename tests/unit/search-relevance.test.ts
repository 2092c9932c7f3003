/**
 * Relevance of search over the real course content: each realistic query (typos included)
 * must return the expected page, section or question among its top 3 results.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndexFile, buildRecords } from '../../src/lib/search-index.ts';
import { loadFuse, search } from '../../src/lib/search-engine.ts';
import { readIndexInput } from '../../src/lib/search-input.ts';

const file = buildIndexFile(buildRecords(readIndexInput(path.resolve('content'), path.resolve('labs'))));
// Round-trip through JSON, as the browser gets it.
const fuse = loadFuse(JSON.parse(JSON.stringify(file)));

/** [query, pattern the URL of one of the top 3 results must match] */
export const RELEVANCE: [string, RegExp][] = [
  ['dokcer layer', /\/learn\/docker\/.*(layer|dockerfile-instructions|images-and-containers)|q-docker-layer/],
  ['pickle security', /\/saving-models\/|#pickle|q-save-/],
  ['canary rollback', /safe-releases|#canary-release|#rollback|q-tool-release/],
  ['status 422', /#400-422-and-500|#status-codes|q-api-.*422/],
  ['422', /#400-422-and-500/],
  ['blue green', /safe-releases\/#blue-green-deployments/],
  ['health check', /#healthcheck/],
  ['non-root user', /production-dockerfile\/#run-as-a-non-root-user/],
  ['ECR push', /aws-ecr-and-ecs\/#step-2|docker-cli-essentials\/#tagging-and-pushing/],
  ['fargate memory', /aws-ecr-and-ecs\/#fargate-cpu-and-memory-sizes/],
  ['joblib numpy', /model-formats\/#joblib/],
  ['onnx', /model-formats\/#onnx|#onnx$/],
  ['pmml xml', /model-formats\/#pmml|#pmml$/],
  ['fastapi pydantic', /serving-python\/.*(fastapi|pydantic)/],
  ['flask wsgi', /serving-python\/|#wsgi|#flask/],
  ['streamlit', /serving-python\/.*streamlit|#streamlit/],
  ['dvc remote', /#dvc-remote|data-versioning-with-dvc/],
  ['mlflow registry', /experiment-tracking-with-mlflow/],
  ['airflow dag retries', /pipelines-with-airflow\/#retries/],
  ['terraform hcl', /infrastructure-as-code\/#terraform-configurations-are-hcl-not-yaml|#hcl$/],
  ['github actions secrets', /ci-cd-for-ml|q-tool-ci/],
  ['jenkinsfile', /ci-cd-for-ml|#jenkinsfile/],
  ['rest vs grpc', /endpoint-styles/],
  ['soap', /endpoint-styles\/#soap|#soap$/],
  ['postman', /what-is-an-api|#postman/],
  ['retry-after', /http-requests-and-responses|#retry-after|call-an-api|q-api-/],
  ['cloud vs on premise', /cloud-vs-on-premise/],
  ['mlops vs devops', /what-is-mlops\/|#mlops$|#devops$|q-intro-/],
  ['continuous training', /#continuous-training|what-is-mlops\/the-ml-lifecycle/],
  ['task definition', /aws-ecr-and-ecs|#ecs-task-definition|ecs-task-definition/],
];

describe('search relevance', () => {
  it('has at least 25 queries', () => expect(RELEVANCE.length).toBeGreaterThanOrEqual(25));

  for (const [query, expected] of RELEVANCE)
    it(`"${query}" finds ${expected.source} in the top 3`, () => {
      const top = search(fuse, query, 3).map((h) => h.record.url);
      expect(top.some((u) => expected.test(u)), `top 3 for "${query}": ${top.join(' | ')}`).toBe(true);
    });

  it('never indexes answers: question records carry the prompt only', () => {
    const q = file.records.find((r) => r.kind === 'question');
    expect(q?.url).toMatch(/^\/questions\/#q-/);
    expect(JSON.stringify(file.index)).not.toContain('keyPoints');
  });

  it('ignores one-letter queries', () => expect(search(fuse, 'a')).toEqual([]));
});
