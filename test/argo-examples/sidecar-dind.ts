import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/sidecar-dind.yaml. A Docker-in-Docker sidecar next to the main container. */
const dindSidecarExample = template('dind-sidecar-example', {
  container: {
    image: 'docker:19.03.13',
    command: ['sh', '-c'],
    args: ['until docker ps; do sleep 3; done; docker run --rm debian:latest cat /etc/os-release'],
    env: [{ name: 'DOCKER_HOST', value: '127.0.0.1' }],
  },
  sidecars: [
    {
      name: 'dind',
      image: 'docker:19.03.13-dind',
      command: ['dockerd-entrypoint.sh'],
      env: [{ name: 'DOCKER_TLS_CERTDIR', value: '' }],
      securityContext: { privileged: true },
      mirrorVolumeMounts: true,
    },
  ],
});

export default workflow({
  metadata: { generateName: 'sidecar-dind-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { entrypoint: dindSidecarExample },
});
