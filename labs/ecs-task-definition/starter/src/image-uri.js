// @ts-check
/**
 * Step 1 of the lab: build the address of an image in Amazon ECR.
 *
 * A private ECR image URI has the form
 *   <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>
 * (China regions, whose names start with "cn-", end in ".amazonaws.com.cn").
 *
 * Throw an Error whose message names the bad part ("account", "region",
 * "repository", "tag" or "latest") when an input breaks these rules:
 *   - account: a string of exactly 12 digits (account IDs can start with 0).
 *   - region: lower-case, like "eu-west-1", "us-east-1", "ap-southeast-2",
 *     "us-gov-west-1" or "cn-north-1": two letters, optional "-gov",
 *     a direction word, a number.
 *   - repository: 2 to 256 characters; lower-case letters and digits in groups
 *     separated by single ".", "_" or "-" characters, with "/" between namespace
 *     parts, e.g. "mlops/model-api". No leading, trailing or doubled separators.
 *   - tag: 1 to 128 characters from letters, digits, "_", "." and "-", not
 *     starting with "." or "-". And never "latest": a deployment must name the
 *     exact version it runs.
 */

/**
 * @param {{ account: string, region: string, repository: string, tag: string }} image
 * @returns {string} the full image URI
 */
export function imageUri({ account, region, repository, tag }) {
  // Write your code here: validate each part, then return the URI.
  throw new Error('imageUri() is not written yet: see step 1 of the README.');
}
