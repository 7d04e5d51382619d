import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/k8s-orchestration.yaml. Resource templates creating a Job, then reading its fields as output parameters. */
const k8sOrchestrate = template('k8s-orchestrate', {
  steps: steps((s) => {
    const randomNumberJobStep = s.step('random-number-job', randomNumberJob);
    s.step('print-generated-numbers', printGeneratedNumbers, {
      arguments: { parameters: { 'job-uid': randomNumberJobStep.outputs.parameters['job-uid'] } },
    });
    s.step('delete-job', deleteJob, {
      arguments: { parameters: { 'job-name': randomNumberJobStep.outputs.parameters['job-name'] } },
    });
  }),
});

const randomNumberJob = template('random-number-job', {
  resource: {
    action: 'create',
    successCondition: 'status.succeeded > 9',
    failureCondition: 'status.failed > 0',
    manifest: `apiVersion: batch/v1
kind: Job
metadata:
  generateName: rand-num-
spec:
  completions: 10
  parallelism: 10
  template:
    metadata:
      name: rand
    spec:
      containers:
      - name: rand
        image: python:alpine3.23
        command: ["python", "-c", "import random; import time; print(random.randint(1, 1000)); time.sleep(10)"]
      restartPolicy: Never
`,
  },
  outputs: {
    parameters: {
      'job-name': { valueFrom: { jsonPath: '{.metadata.name}' } },
      'job-uid': { valueFrom: { jsonPath: '{.metadata.uid}' } },
    },
  },
});

const printGeneratedNumbers = template(
  'print-generated-numbers',
  { inputs: { parameters: { 'job-uid': {} } } },
  ({ inputs }) => ({
    container: {
      image: 'quay.io/argoproj/argoexec:latest',
      command: ['sh', '-c'],
      args: [
        ` for i in \`kubectl get pods -l controller-uid=${inputs.parameters['job-uid']} -o name\`; do kubectl logs $i; done `,
      ],
    },
  }),
);

const deleteJob = template('delete-job', { inputs: { parameters: { 'job-name': {} } } }, ({ inputs }) => ({
  resource: {
    action: 'delete',
    manifest: `apiVersion: batch/v1
kind: Job
metadata:
  name: ${inputs.parameters['job-name']}
`,
  },
}));

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    annotations: {
      'workflows.argoproj.io/no-test-reasons': `main: Error (exit code 64): no more retries Error from server (Forbidden):
error when creating "/tmp/manifest.yaml": jobs.batch is forbidden: U ser
"system:serviceaccount:argo:default" cannot create resource "jobs" in API
group "batch" in the namespace "argo"
`,
    },
    generateName: 'k8s-orchestrate-',
  },
  spec: { entrypoint: k8sOrchestrate },
});
