import { cronWorkflow, template, vars } from '../../dsl/argo/index.ts';

const whalesay = template('whalesay', {
  container: {
    image: 'docker/whalesay:latest',
    command: ['cowsay'],
    args: [`🕓 hello world. Scheduled on: ${vars.workflow.scheduledTime}`],
  },
});

export default cronWorkflow({
  metadata: { name: 'hello-world-multiple-schedules' },
  spec: {
    schedules: ['*/3 * * * 1-5', '*/2 * * * *'],
    timezone: 'America/Los_Angeles',
    startingDeadlineSeconds: 0,
    concurrencyPolicy: 'Replace',
    successfulJobsHistoryLimit: 4,
    failedJobsHistoryLimit: 4,
    suspend: false,
    workflowSpec: { entrypoint: whalesay },
  },
});
