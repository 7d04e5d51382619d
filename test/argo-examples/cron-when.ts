import { cronWorkflow, expr, template, vars } from '../../dsl/argo/index.ts';

const sleepBusybox = template('sleep-busybox', {
  container: { image: 'busybox', command: ['sleep'], args: ['10'] },
});

export default cronWorkflow({
  metadata: { name: 'sleep-when' },
  spec: {
    schedules: ['* * * * *'],
    concurrencyPolicy: 'Allow',
    when: expr` ${vars.cronworkflow.lastScheduledTime} == nil || (now() - ${vars.cronworkflow.lastScheduledTime}).Seconds() > 360 `,
    workflowSpec: { entrypoint: sleepBusybox },
  },
});
