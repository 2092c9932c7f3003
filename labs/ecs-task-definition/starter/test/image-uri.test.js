// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imageUri } from '../src/image-uri.js';

const good = { account: '123456789012', region: 'eu-west-1', repository: 'mlops/model-api', tag: '1.4.0' };

test('step 1: imageUri builds <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>', () => {
  assert.equal(
    imageUri(good),
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com/mlops/model-api:1.4.0',
    'The registry host is <account>.dkr.ecr.<region>.amazonaws.com, then "/", the repository, ":" and the tag.',
  );
});

test('step 1: imageUri keeps account IDs that start with 0 (they are strings, not numbers)', () => {
  assert.equal(
    imageUri({ ...good, account: '012345678901' }),
    '012345678901.dkr.ecr.eu-west-1.amazonaws.com/mlops/model-api:1.4.0',
  );
});

test('step 1: imageUri uses the amazonaws.com.cn domain in China regions', () => {
  assert.equal(
    imageUri({ ...good, region: 'cn-north-1' }),
    '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/mlops/model-api:1.4.0',
    'Regions whose names start with "cn-" live under amazonaws.com.cn.',
  );
});

test('step 1: imageUri accepts other valid regions, repositories and tags', () => {
  for (const region of ['us-east-1', 'ap-southeast-2', 'us-gov-west-1', 'ca-central-1']) {
    assert.match(imageUri({ ...good, region }), new RegExp(`\\.dkr\\.ecr\\.${region}\\.`), `"${region}" is a real region.`);
  }
  for (const repository of ['model-api', 'team.a/churn_model', 'org/ml/fraud-detector']) {
    assert.ok(imageUri({ ...good, repository }).includes(`/${repository}:`), `"${repository}" is a valid repository name.`);
  }
  for (const tag of ['v1.4.0', 'git-3f9c2e1', '2026-11-27_rc1']) {
    assert.ok(imageUri({ ...good, tag }).endsWith(`:${tag}`), `"${tag}" is a valid tag.`);
  }
});

test('step 1: imageUri rejects an account ID that is not exactly 12 digits', () => {
  for (const account of ['12345', '1234567890123', '12345678901a', '']) {
    assert.throws(
      () => imageUri({ ...good, account }),
      /account/i,
      `${JSON.stringify(account)} is not an AWS account ID: throw an Error whose message mentions "account".`,
    );
  }
  assert.throws(
    // @ts-expect-error: a number on purpose
    () => imageUri({ ...good, account: 123456789012 }),
    /account/i,
    'Account IDs are strings: as numbers, IDs that start with 0 lose digits.',
  );
});

test('step 1: imageUri rejects a region that does not look like "eu-west-1"', () => {
  for (const region of ['eu-west', 'EU-WEST-1', 'europe', 'eu-west-1a', '']) {
    assert.throws(
      () => imageUri({ ...good, region }),
      /region/i,
      `${JSON.stringify(region)} is not a region code (note: "eu-west-1a" is an Availability Zone, not a region).`,
    );
  }
});

test('step 1: imageUri rejects repository names ECR does not allow', () => {
  for (const repository of ['Model-API', 'a', '-model', 'model-', 'model--api', 'mlops//model', '/model', 'model/', 'model api']) {
    assert.throws(
      () => imageUri({ ...good, repository }),
      /repository/i,
      `${JSON.stringify(repository)} breaks the ECR naming rules: lower case, 2–256 characters, single separators.`,
    );
  }
});

test('step 1: imageUri refuses the tag "latest"', () => {
  assert.throws(
    () => imageUri({ ...good, tag: 'latest' }),
    /latest/,
    '"latest" moves every time someone pushes: a deployment must name the exact version. Mention "latest" in the message.',
  );
});

test('step 1: imageUri rejects malformed tags', () => {
  for (const tag of ['', '.hidden', '-rc1', 'v1 0', 'a'.repeat(129), 'v1:0']) {
    assert.throws(
      () => imageUri({ ...good, tag }),
      /tag/i,
      `${JSON.stringify(tag.length > 20 ? tag.slice(0, 20) + '…' : tag)} is not a valid tag: 1–128 of [A-Za-z0-9_.-], not starting with "." or "-".`,
    );
  }
});
