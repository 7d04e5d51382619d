import { cronWorkflow, item, steps, template, workflow, workflowTemplate } from '../../dsl/argo/index.ts';

/** Upstream examples/cron-backfill.yaml. A CronWorkflow running a WorkflowTemplate, and two ways to backfill it over a date sequence. */
export const main = template('main', { inputs: { parameters: { date: {} } } }, ({ inputs }) => ({
  script: {
    image: 'busybox',
    command: ['sh'],
    source: `date="${inputs.parameters.date}"
if [ $date = yesterday ]; then
  date=$(date -d yesterday +%Y-%m-%d)
fi
echo "run for $date"
`,
  },
}));

export const job = workflowTemplate({
  metadata: { name: 'job' },
  spec: { entrypoint: main, arguments: { parameters: { date: 'yesterday' } } },
});

const dailyJobCronWorkflow = cronWorkflow({
  metadata: { name: 'daily-job' },
  spec: { schedules: ['0 2 * * *'], workflowSpec: { workflowTemplateRef: job } },
});

const main2 = template('main', {
  steps: steps((s) => {
    s.step('day', createJob, {
      arguments: { parameters: { date: item } },
      withSequence: { start: '19', end: '21', format: '2020-05-%02X' },
    });
  }),
});

const createJob = template('create-job', { inputs: { parameters: { date: {} } } }, ({ inputs }) => ({
  resource: {
    action: 'apply',
    manifest: `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  # using a name based on the date prevents re-creating resources,
  # making this more robust
  name: job-${inputs.parameters.date}
spec:
  entrypoint: main
  templates:
    - name: main
      steps:
        - - name: start-job
            arguments:
              parameters:
                - name: date
                  value: "${inputs.parameters.date}"
            templateRef:
              name: job
              template: main
`,
  },
}));

const backfillV1 = workflow({
  metadata: { name: 'backfill-v1', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { entrypoint: main2, serviceAccountName: 'argo-server' },
});

const main3 = template('main', {
  steps: steps((s) => {
    s.step('create-job', job.templateRef(main), {
      arguments: { parameters: { date: item } },
      withSequence: { start: '19', end: '21', format: '2020-05-%02d' },
    });
  }),
});

const backfillV2 = workflow({
  metadata: {
    name: 'backfill-v2',
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    annotations: {
      'workflows.argoproj.io/no-test-reasons': `This is the error, we should fix the service account

workflowtaskresults.argoproj.io is forbidden: User
"system:serviceaccount:argo:argo-server" cannot create resource
"workflowtaskresults" in API group "argoproj.io" in the namespace "argo"
`,
    },
  },
  spec: { entrypoint: main3, parallelism: 1 },
});

export default [job, dailyJobCronWorkflow, backfillV1, backfillV2];
