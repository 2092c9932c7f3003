// @ts-check
// What the prediction API needs, measured by the team that built it. The manifests must honour
// these facts; the tests read them from here. Do not change them to make a test pass: they
// describe the application, not the manifests.

/** The image repository in Amazon ECR that CI pushes to (tags are release versions, e.g. 1.4.0). */
export const repository = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/iris-api';

/** uvicorn listens here: the image runs `uvicorn app.main:app --host 0.0.0.0 --port 8000`. */
export const appPort = 8000;

/** GET this path: 200 once the model is loaded, 503 while it loads or after a failed load. */
export const healthPath = '/health';

/** Worst-case seconds from container start to a loaded model, measured on the smallest node. */
export const modelLoadSeconds = 90;

/** Memory while the model loads (the peak) and afterwards (the steady working set), in MiB. */
export const memoryPeakMiB = 400;
export const memorySteadyMiB = 300;

/** The numeric user the image runs as (`USER 10001:10001` in the Dockerfile). */
export const imageUser = 10001;
