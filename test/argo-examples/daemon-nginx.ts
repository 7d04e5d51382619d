import { steps, template, workflow } from '../../dsl/argo/index.ts';

const daemonNginxExample = template('daemon-nginx-example', {
  steps: steps((s) => {
    const nginxServerStep = s.step('nginx-server', nginxServer);
    s.step('nginx-client', nginxClient, { arguments: { parameters: { 'server-ip': nginxServerStep.ip } } });
  }),
});

const nginxServer = template('nginx-server', {
  daemon: true,
  container: {
    image: 'nginx:1.13',
    readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 2, timeoutSeconds: 1 },
  },
});

const nginxClient = template('nginx-client', { inputs: { parameters: { 'server-ip': {} } } }, ({ inputs }) => ({
  container: {
    image: 'curlimages/curl:latest',
    command: ['/bin/sh', '-c'],
    args: [
      `echo curl --silent -G http://${inputs.parameters['server-ip']}:80/ && curl --silent -G http://${inputs.parameters['server-ip']}:80/`,
    ],
  },
}));

export default workflow({
  metadata: { generateName: 'daemon-nginx-' },
  spec: { entrypoint: daemonNginxExample },
});
