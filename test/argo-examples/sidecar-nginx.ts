import { template, workflow } from '../../dsl/argo/index.ts';

const sidecarNginxExample = template('sidecar-nginx-example', {
  container: {
    image: 'curlimages/curl:latest',
    command: ['sh', '-c'],
    args: ["until `curl -G 'http://127.0.0.1/' >& /tmp/out`; do echo sleep && sleep 1; done && cat /tmp/out"],
  },
  sidecars: [{ name: 'nginx', image: 'nginx:1.13', command: ['nginx', '-g', 'daemon off;'] }],
});

export default workflow({
  metadata: { generateName: 'sidecar-nginx-' },
  spec: { entrypoint: sidecarNginxExample },
});
