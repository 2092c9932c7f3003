// @ts-check
/**
 * Step 3 of the lab: the ordered list of commands that takes the image from your
 * laptop to a running ECS service behind a load balancer.
 *
 * Each step has an `id` (the tests refer to steps by id) and the shell `command`
 * to run. Shell variables such as $VPC_ID, $TG_ARN or $TASK_SG stand for values
 * that earlier commands print; the IAM roles and the API_KEY secret already exist.
 */
import { deployment } from './deployment.js';
import { imageUri } from './image-uri.js';

/**
 * @typedef {{ id: string, command: string }} Step
 * @param {typeof deployment} d
 * @returns {Step[]}
 */
export function deploymentPlan(d = deployment) {
  const image = imageUri(d);
  const registry = image.split('/')[0]; // docker login wants the registry host only
  const r = `--region ${d.region}`;

  return [
    // 1. A place for the image, then the image itself.
    {
      id: 'create-repository',
      command: `aws ecr create-repository --repository-name ${d.repository} --image-tag-mutability IMMUTABLE --image-scanning-configuration scanOnPush=true ${r}`,
    },
    {
      id: 'docker-login',
      command: `aws ecr get-login-password ${r} | docker login --username AWS --password-stdin ${registry}`,
    },
    {
      id: 'build-image',
      command: `docker build --platform linux/amd64 -t ${image} .`,
    },
    {
      id: 'push-image',
      command: `docker push ${image}`,
    },
    // 2. What to run and where its logs go.
    {
      id: 'create-log-group',
      command: `aws logs create-log-group --log-group-name ${d.logGroup} ${r}`,
    },
    {
      id: 'register-task-definition',
      command: `aws ecs register-task-definition --cli-input-json file://taskdef.json ${r}`,
    },
    {
      id: 'create-cluster',
      command: `aws ecs create-cluster --cluster-name ${d.cluster} ${r}`,
    },
    // 3. The way in: target group, load balancer, listener that joins them.
    {
      id: 'create-target-group',
      command: `aws elbv2 create-target-group --name ${d.service}-tg --protocol HTTP --port ${d.containerPort} --target-type ip --vpc-id "$VPC_ID" --health-check-path ${d.healthPath} ${r}`,
    },
    {
      id: 'create-load-balancer',
      command: `aws elbv2 create-load-balancer --name ${d.service}-alb --type application --scheme internet-facing --subnets $PUBLIC_SUBNETS --security-groups "$ALB_SG" ${r}`,
    },
    {
      id: 'create-listener',
      command: `aws elbv2 create-listener --load-balancer-arn "$ALB_ARN" --protocol HTTP --port 80 --default-actions "Type=forward,TargetGroupArn=$TG_ARN" ${r}`,
    },
    // 4. The service that keeps the tasks running behind the load balancer.
    {
      id: 'create-service',
      command: [
        `aws ecs create-service --cluster ${d.cluster} --service-name ${d.service}`,
        `--task-definition ${d.family} --desired-count 2 --launch-type FARGATE`,
        `--network-configuration "awsvpcConfiguration={subnets=[$PRIVATE_SUBNETS],securityGroups=[$TASK_SG],assignPublicIp=DISABLED}"`,
        `--load-balancers "targetGroupArn=$TG_ARN,containerName=${d.containerName},containerPort=${d.containerPort}"`,
        `--health-check-grace-period-seconds 60`,
        `--deployment-configuration "deploymentCircuitBreaker={enable=true,rollback=true},maximumPercent=200,minimumHealthyPercent=100"`,
        r,
      ].join(' '),
    },
    {
      id: 'wait-stable',
      command: `aws ecs wait services-stable --cluster ${d.cluster} --services ${d.service} ${r}`,
    },
  ];
}
