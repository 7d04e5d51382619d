import { cronWorkflow, template, vars } from '../../dsl/argo/index.ts';

const helloWorldWithTime = template('hello-world-with-time', {
  container: {
    image: 'busybox',
    command: ['echo'],
    args: [`🕓 hello world. Scheduled on: ${vars.workflow.scheduledTime}`],
  },
});

export default cronWorkflow({
  metadata: { name: 'hello-world' },
  spec: {
    schedules: ['* * * * *'],
    timezone: 'America/Los_Angeles',
    startingDeadlineSeconds: 0,
    concurrencyPolicy: 'Replace',
    successfulJobsHistoryLimit: 4,
    failedJobsHistoryLimit: 4,
    suspend: false,
    workflowSpec: { entrypoint: helloWorldWithTime },
  },
});
