// @ts-check
/**
 * The deployment this lab targets. Read it; you do not need to change it.
 * Every value here must show up, consistently, in taskdef.json and in the plan.
 */
export const deployment = Object.freeze({
  /** AWS account ID: always 12 digits, and kept as a string because it can start with 0. */
  account: '123456789012',
  region: 'eu-west-1',
  /** ECR repository that holds the model API image. */
  repository: 'mlops/model-api',
  /** The version of the image to deploy (never "latest"). */
  tag: '1.4.0',
  /** Task definition family: register-task-definition adds a revision number to it. */
  family: 'model-api',
  cluster: 'mlops',
  service: 'model-api',
  /** Name of the container inside the task definition. */
  containerName: 'model-api',
  /** The port the model API listens on: the image's CMD runs `uvicorn ... --port 8000`. */
  containerPort: 8000,
  /** GET this path to learn whether the API is up and the model is loaded. */
  healthPath: '/health',
  /** CloudWatch Logs group for the container's stdout and stderr. */
  logGroup: '/ecs/model-api',
  /** The API downloads its model from here at start-up, so the task needs S3 read access. */
  modelUri: 's3://mlops-models-123456789012/iris/1.4.0/model.json',
});
