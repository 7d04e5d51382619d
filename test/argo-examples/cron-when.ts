import { cronWorkflow, template } from '../../dsl/argo/index.ts';

const sleepBusybox = template('sleep-busybox', {
  container: { image: 'busybox', command: ['sleep'], args: ['10'] },
});

export default cronWorkflow({
  metadata: { name: 'sleep-when' },
  spec: {
    schedules: ['* * * * *'],
    concurrencyPolicy: 'Allow',
    when: '{{= cronworkflow.lastScheduledTime == nil || (now() - cronworkflow.lastScheduledTime).Seconds() > 360 }}',
    workflowSpec: { entrypoint: sleepBusybox },
  },
});
