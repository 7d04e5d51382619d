import { steps, template, vars, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  steps: steps((s) => {
    const serverStep = s.step('server', server);
    s.step('client', client, {
      arguments: { parameters: { 'server-ip': serverStep.ip } },
      withSequence: { count: '10' },
    });
  }),
});

const server = template('server', {
  retryStrategy: { limit: '10' },
  daemon: true,
  container: {
    image: 'nginx:1.13',
    command: ['nginx'],
    args: ['-g', 'daemon off;'],
    readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 2, timeoutSeconds: 1 },
  },
});

const client = template('client', { inputs: { parameters: { 'server-ip': {} } } }, ({ inputs }) => ({
  synchronization: { mutexes: [{ name: `client-${vars.workflow.uid}` }] },
  container: {
    image: 'curlimages/curl:latest',
    command: ['/bin/sh', '-c'],
    args: [
      `echo curl --silent -G http://${inputs.parameters['server-ip']}:80/ && curl --silent -G http://${inputs.parameters['server-ip']}:80/`,
    ],
  },
}));

export default workflow({
  metadata: { generateName: 'steps-daemon-retry-', labels: { 'workflows.argoproj.io/no-test': 'duration' } },
  spec: { entrypoint: main },
});
