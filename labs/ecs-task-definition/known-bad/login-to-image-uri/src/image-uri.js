// @ts-check
/**
 * Step 1 of the lab: build the address of an image in Amazon ECR.
 *
 * A private ECR image URI has the form
 *   <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>
 * (China regions, whose names start with "cn-", end in ".amazonaws.com.cn").
 */

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-gov)?-(north|south|east|west|central|northeast|northwest|southeast|southwest)-\d+$/;
// The pattern from the ECR CreateRepository API reference.
const REPOSITORY = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
// Docker's tag grammar: a word character first, then up to 127 more.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/**
 * @param {{ account: string, region: string, repository: string, tag: string }} image
 * @returns {string} the full image URI
 */
export function imageUri({ account, region, repository, tag }) {
  if (typeof account !== 'string' || !ACCOUNT.test(account)) {
    throw new Error(`account must be a string of exactly 12 digits, got ${JSON.stringify(account)}`);
  }
  if (typeof region !== 'string' || !REGION.test(region)) {
    throw new Error(`region must look like "eu-west-1", got ${JSON.stringify(region)}`);
  }
  if (
    typeof repository !== 'string' ||
    repository.length < 2 ||
    repository.length > 256 ||
    !REPOSITORY.test(repository)
  ) {
    throw new Error(`repository name ${JSON.stringify(repository)} breaks the ECR naming rules`);
  }
  if (tag === 'latest') {
    throw new Error('refusing to deploy the tag "latest": name the exact version, e.g. "1.4.0" or a Git SHA');
  }
  if (typeof tag !== 'string' || !TAG.test(tag)) {
    throw new Error(`tag ${JSON.stringify(tag)} is not a valid image tag`);
  }
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `${account}.dkr.ecr.${region}.${domain}/${repository}:${tag}`;
}
