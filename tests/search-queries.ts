/**
 * Realistic search queries and what each must find, judged by reading the course content
 * (headings, glossary and question bank), not by running the engine. Used by the relevance
 * test and the bench. Kinds: short keyword searches, acronyms, typos, and whole interview
 * questions as they appear in public MLOps interview lists, typed as written.
 */

/** What kind of search a student makes. */
export type QueryKind = 'keyword' | 'acronym' | 'typo' | 'question';

/** One query and the URLs (lesson sections, questions, glossary terms) that answer it. */
export interface RelevanceCase {
  /** What the student types. */
  query: string;
  /** Matches the URL of a result that answers the query; one must be in the top 3. */
  expect: RegExp;
  /** Which kind of search this is, for the per-kind figures. */
  kind: QueryKind;
}

const k = (kind: QueryKind) => (query: string, expect: RegExp): RelevanceCase => ({ query, expect, kind });
const keyword = k('keyword');
const acronym = k('acronym');
const typo = k('typo');
const question = k('question');

export const RELEVANCE: RelevanceCase[] = [
  // Keywords.
  keyword('pickle security', /#unpickling-runs-code|#why-the-format-allows-it|#pickle-pythons-native-format|#loading-models-safely|glossary\/#pickle$|q-tool-mlflow-pickle-risk/),
  keyword('canary rollback', /#canary-releases|#rolling-back-quickly|#automated-rollback-on-thresholds|glossary\/#(canary-release|rollback)$/),
  keyword('status 422', /#400-422-and-500|#turning-failures-into-status-codes|q-api-400-422-500|q-api-open-400-422-500|q-prep-fastapi-422/),
  keyword('422', /#400-422-and-500|q-api-400-422-500|q-api-open-400-422-500|q-prep-fastapi-422/),
  keyword('blue green', /#blue-green-deployments|glossary\/#blue-green-deployment$/),
  keyword('health check', /#add-a-health-check|#healthcheck$|glossary\/#healthcheck$/),
  keyword('non-root user', /#run-as-a-non-root-user|q-docker-runasnonroot-named-user/),
  keyword('ECR push', /#step-2-authenticate-docker-and-push-the-image|#tagging-and-pushing|q-cloud-ecr-login/),
  keyword('fargate memory', /#fargate-cpu-and-memory-sizes|q-cloud-fargate-valid-sizes/),
  keyword('joblib numpy', /#joblib-pickle-tuned-for-large-numpy-arrays|glossary\/#joblib$/),
  keyword('onnx', /#onnx-the-cross-framework-standard|glossary\/#onnx$/),
  keyword('pmml xml', /#pmml-an-xml-standard-for-predictive-models|glossary\/#pmml$/),
  keyword('fastapi pydantic', /#fastapi-and-pydantic-validation-and-docs-from-type-hints|#describing-valid-input-with-pydantic|glossary\/#(pydantic|fastapi)$/),
  keyword('flask wsgi', /#flask-the-flexible-micro-framework|#wsgi-one-request-one-synchronous-call|#wsgi-and-asgi|glossary\/#(wsgi|flask)$/),
  keyword('streamlit', /#streamlit-a-data-app-not-an-api|glossary\/#streamlit$/),
  keyword('dvc remote', /#sharing-data-through-a-remote|glossary\/#dvc-remote$/),
  keyword('mlflow registry', /#the-model-registry|#experiment-tracking-and-model-registries|#registered-models-versions-and-aliases|glossary\/#model-registry$/),
  keyword('airflow dag retries', /#retries-and-failure-handling|q-tool-airflow-fail-retry-skip/),
  keyword('terraform hcl', /#terraform-configurations-are-hcl-not-yaml|glossary\/#hcl$/),
  keyword('github actions secrets', /#keep-secrets-in-the-secret-store|#secrets-and-pipeline-security|q-tool-ci-pipeline-security-open/),
  keyword('jenkinsfile', /#the-same-pipeline-in-jenkins|glossary\/#jenkinsfile$/),
  keyword('rest vs grpc', /#when-grpc-fits-better|#the-styles-side-by-side|q-api-open-rest-vs-grpc/),
  keyword('soap', /endpoint-styles\/#soap$|glossary\/#soap$|q-api-soap-contract/),
  keyword('postman', /#from-an-api-platform-postman|glossary\/#postman$|q-api-postman-features/),
  keyword('retry-after', /#honour-retry-after|glossary\/#retry-after$|q-api-retry-after/),
  keyword('cloud vs on premise', /cloud-vs-on-premise\/|q-cloud-vs-on-premise-interview|glossary\/#on-premise$/),
  keyword('mlops vs devops', /mlops-extends-devops\/|#mlops-versus-devops|q-prep-warmup-mlops-vs-devops/),
  keyword('continuous training', /#continuous-training$|glossary\/#continuous-training$|q-tool-ci-cicd-continuous-training-open/),
  keyword('task definition', /#step-5-write-the-task-definition|glossary\/#ecs-task-definition$/),
  keyword('feature store', /#feature-stores|glossary\/#feature-store$|#how-a-feature-store-prevents-skew/),
  keyword('shadow deployment', /#shadow-deployments|glossary\/#shadow-deployment$/),
  keyword('exponential backoff jitter', /#exponential-backoff-with-jitter|glossary\/#retry-with-backoff$|q-api-backoff-jitter/),
  keyword('least privilege iam', /#least-privilege-policies-for-the-model-api|#iam-in-one-page|#least-privilege-in-the-cloud|glossary\/#(cloud-least-privilege|aws-iam)$|q-cloud-least-privilege/),
  keyword('multi-stage build', /#keep-the-image-small|glossary\/#multi-stage-build$|q-docker-multistage-benefits/),
  keyword('dockerignore', /#write-a-dockerignore|glossary\/#dockerignore$|q-docker-dockerignore-depth/),
  keyword('model registry alias', /#registered-models-versions-and-aliases|#why-aliases-replaced-stages|#loading-a-model-by-alias|glossary\/#model-alias$|q-tool-mlflow-alias/),
  keyword('ats keywords cv', /#applicant-tracking-systems-and-keyword-filters|#mirror-the-job-descriptions-keywords|glossary\/#applicant-tracking-system$|q-prep-ats-keyword-search/),
  keyword('gunicorn uvicorn workers', /#uvicorn-and-gunicorn-for-fastapi|#gunicorn-for-flask|#production-servers/),
  keyword('airflow catchup', /#schedules-runs-and-catchup|glossary\/#catchup$|q-tool-airflow-catchup/),
  keyword('terraform state locking', /#remote-state-with-locking|glossary\/#state-locking$/),

  // Acronyms.
  acronym('HPA', /#next-step-scaling-with-kubernetes|glossary\/#horizontal-pod-autoscaler$|q-docker-hpa-replicas/),
  acronym('PSI', /#the-population-stability-index|#psi-in-node|glossary\/#population-stability-index$/),
  acronym('ECR', /#step-1-create-an-ecr-repository|glossary\/#amazon-ecr$|q-cloud-ecr-/),
  acronym('OIDC', /#use-oidc-instead-of-long-lived-cloud-keys|glossary\/#oidc$|q-tool-ci-oidc/),
  acronym('SHAP', /#shap-in-practice|glossary\/#shap$/),
  acronym('KS test', /#the-kolmogorovsmirnov-test|glossary\/#kolmogorov-smirnov-test$/),
  acronym('WSGI vs ASGI', /#wsgi-and-asgi|#wsgi-one-request|#asgi-asynchronous|glossary\/#(wsgi|asgi)$/),
  acronym('STAR method', /#the-star-method|glossary\/#star-method$|q-prep-star-parts/),
  acronym('IaC', /#why-infrastructure-as-code|glossary\/#infrastructure-as-code$/),
  acronym('CMD vs ENTRYPOINT', /#cmd-versus-entrypoint|glossary\/#cmd-and-entrypoint$|q-docker-cmd-entrypoint-interview/),

  // Typos.
  typo('dokcer layer', /#layers-and-the-build-cache|glossary\/#image-layer$|q-docker-layers-caching-interview|q-docker-cache-/),
  typo('kuberentes', /#next-step-scaling-with-kubernetes|glossary\/#kubernetes$|#containers-virtual-machines-and-kubernetes|endpoint-styles\/#kubernetes|safe-releases\/#kubernetes/),
  typo('terrafrom plan', /#the-workflow-init-plan-apply-destroy|glossary\/#terraform-plan$/),
  typo('pyantic validation', /#describing-valid-input-with-pydantic|#fastapi-and-pydantic|glossary\/#pydantic$/),
  typo('grafna prometheus', /#prometheus-and-grafana|glossary\/#(prometheus|grafana)$/),
  typo('mlfow autolog', /#autologging|glossary\/#autologging$|q-tool-mlflow-autolog/),
  typo('canery release', /#canary-releases|glossary\/#canary-release$/),

  // Whole interview questions, typed as found in public interview lists.
  question('Why is pickle dangerous for ML model serialization?', /#unpickling-runs-code|#why-the-format-allows-it|#pickle-pythons-native-format|q-tool-mlflow-pickle-risk/),
  question('What is the difference between data drift and concept drift?', /#data-drift-concept-drift-and-label-shift|#concept-drift$|#data-drift$|glossary\/#(data|concept)-drift$/),
  question('What is MLOps and how is it different from DevOps?', /mlops-extends-devops\/|#mlops-versus-devops|q-prep-warmup-mlops-vs-devops/),
  question('What is a canary deployment?', /#canary-releases|glossary\/#canary-release$/),
  question('What is the difference between blue-green and canary deployments?', /#blue-green-deployments|#canary-releases|glossary\/#(blue-green-deployment|canary-release)$/),
  question('How do you monitor a model in production?', /monitoring-and-drift\/#(what-to-monitor|the-monitoring-loop|why-a-healthy-service-can-serve-a-failing-model|model-metrics)|glossary\/#monitoring$/),
  question('What is a feature store and why would you use one?', /#feature-stores|glossary\/#feature-store$|#how-a-feature-store-prevents-skew|#do-you-need-one/),
  question('How do you version data and models?', /data-versioning-with-dvc\/|#versioning-model-files-with-metadata|#data-and-models-as-versioned-artifacts/),
  question('What is the difference between a Docker image and a container?', /#images-and-containers|q-docker-image-vs-container|glossary\/#(container|docker-image)$/),
  question('What is the difference between a container and a virtual machine?', /#containers-versus-virtual-machines|glossary\/#virtual-machine$|q-docker-vs-vm|q-prep-warmup-containers-vms/),
  question('What is training-serving skew and how do you prevent it?', /#training-serving-skew|#how-a-feature-store-prevents-skew|glossary\/#training-serving-skew$/),
  question('What is the difference between batch and online inference?', /#batch-inference|#online-inference|#choosing-between-them|#three-ways-to-serve-predictions|q-prep-design-batch/),
  question('How do you make a Docker image smaller?', /#keep-the-image-small|glossary\/#multi-stage-build$|q-docker-slim-vs-alpine|q-docker-multistage-benefits/),
  question('Why should a container not run as root?', /#run-as-a-non-root-user|q-docker-runasnonroot-named-user/),
  question('What is infrastructure as code and why use it?', /#why-infrastructure-as-code|glossary\/#infrastructure-as-code$|#from-commands-to-code-infrastructure-as-code/),
  question('What does an experiment tracking tool like MLflow do?', /#experiment-tracking-and-model-registries|#mlflows-building-blocks|glossary\/#mlflow$|#experiments-and-experiment-tracking/),
  question('How do you handle secrets in a CI/CD pipeline?', /#secrets-and-pipeline-security|#keep-secrets-in-the-secret-store|q-tool-ci-pipeline-security-open/),
  question('What is continuous training?', /#continuous-training$|glossary\/#continuous-training$/),
  question('What is a DAG in Airflow?', /#dags-directed-acyclic-graphs|#dags-tasks-and-operators|glossary\/#dag$|q-tool-airflow-why-acyclic/),
  question('What HTTP status code should a model API return for invalid input?', /#400-422-and-500|#turning-failures-into-status-codes|q-api-400-422-500|q-api-open-400-422-500|q-prep-fastapi-422/),
  question('What is the difference between REST and gRPC?', /#when-grpc-fits-better|endpoint-styles\/#grpc$|#the-styles-side-by-side|q-api-open-rest-vs-grpc|glossary\/#grpc$/),
  question("How would you explain a model's predictions to a stakeholder?", /#explainability|#global-and-local-explanations|#explaining-ml-to-non-technical-people|q-hr-explain-ml/),
  question('How do you test a machine learning system?', /testing-ml-systems\/|q-prep-open-code-test-endpoint/),
  question('What is A/B testing and how is it different from canary releases?', /#ab-tests-versus-canaries|glossary\/#ab-test$/),
  question('How do you roll back a bad model release?', /#rolling-back-quickly|#automated-rollback-on-thresholds|#promoting-a-version-and-rolling-back|glossary\/#rollback$|q-tool-mlflow-rollback|q-hr-rollback/),
  question('What is the shared responsibility model in the cloud?', /#the-shared-responsibility-model|glossary\/#shared-responsibility-model$|q-cloud-shared-responsibility/),
  question('Tell me about yourself', /#tell-me-about-yourself|q-hr-tell-me-about-yourself/),
  question('When should you retrain a model?', /#three-retraining-triggers|glossary\/#retraining-trigger$|#7-retraining|#alerts-and-retraining-triggers/),
  question('What is the difference between Fargate and EC2?', /#step-4-choose-the-capacity-ec2-or-fargate|#fargate-versus-ec2-pricing|q-cloud-ec2-vs-fargate/),
  question('What is the Population Stability Index and how do you interpret it?', /#the-population-stability-index|#thresholds-are-rules-of-thumb|glossary\/#population-stability-index$/),
  question('How do you store secrets for a model API running on ECS?', /#handling-secrets|glossary\/#aws-secrets-manager$|q-cloud-secrets-not-environment|#secret-managers-and-rotation/),
  // Modules added later: Kubernetes, LLMOps, model servers.
  keyword('startup probe', /resources-probes-and-scaling|#startup-probe$|k8s-manifests/),
  typo('oomkiled', /resources-probes-and-scaling|#oomkilled$/),
  keyword('helm rollback', /helm-and-eks|#helm$/),
  keyword('nvidia gpu taint', /gpus-kserve-and-canaries|#taints-and-tolerations$|#device-plugin$/),
  keyword('kv cache', /serving-llms\/#the-kv-cache-and-paged-attention|#kv-cache$|q-llm-kv/),
  keyword('vllm', /serving-llms|#vllm$/),
  keyword('recall@k mrr', /rag-and-evaluation\/#measuring-retrieval|#recall-at-k$|#mean-reciprocal-rank$|q-llm-(recall|mrr)/),
  keyword('prompt injection', /operating-llm-applications\/#prompt-injection|#prompt-injection$|q-llm-.*injection/),
  question('What is LLM-as-a-judge and what are its biases?', /rag-and-evaluation\/#llm-as-a-judge|#llm-as-a-judge$|q-llm-judge/),
  question('How do you run a model on Kubernetes with a GPU?', /gpus-kserve-and-canaries|#device-plugin$|#nvidia-gpu/),
  acronym('HPA custom metrics', /resources-probes-and-scaling\/#scaling-on-custom-metrics|#horizontal-pod-autoscaler$/),
];
