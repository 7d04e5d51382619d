import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/volumes-existing.yaml. An existing PersistentVolumeClaim mounted by several steps. */
const volumesExistingExample = template('volumes-existing-example', {
  steps: steps((s) => {
    s.step('generate', appendToAccesslog);
    s.step('print', printAccesslog);
  }),
});

const appendToAccesslog = template('append-to-accesslog', {
  container: {
    image: 'alpine:3.23',
    command: ['sh', '-c'],
    args: ['echo accessed at: $(date) | tee -a /mnt/vol/accesslog'],
    volumeMounts: [{ name: 'workdir', mountPath: '/mnt/vol' }],
  },
});

const printAccesslog = template('print-accesslog', {
  container: {
    image: 'alpine:3.23',
    command: ['sh', '-c'],
    args: ["echo 'Volume access log:'; cat /mnt/vol/accesslog"],
    volumeMounts: [{ name: 'workdir', mountPath: '/mnt/vol' }],
  },
});

export default workflow({
  metadata: { generateName: 'volumes-existing-' },
  spec: {
    entrypoint: volumesExistingExample,
    volumes: [{ name: 'workdir', persistentVolumeClaim: { claimName: 'my-existing-volume' } }],
  },
});
