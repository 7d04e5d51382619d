import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/volumes-pvc.yaml. A volumeClaimTemplate created for the workflow and shared by its steps. */
const volumesPvcExample = template('volumes-pvc-example', {
  steps: steps((s) => {
    s.step('generate', helloWorldToFile);
    s.step('print', printMessageFromFile);
  }),
});

const helloWorldToFile = template('hello-world-to-file', {
  container: {
    image: 'busybox',
    command: ['sh', '-c'],
    args: ['echo generating message in volume; echo hello world | tee /mnt/vol/hello_world.txt'],
    volumeMounts: [{ name: 'workdir', mountPath: '/mnt/vol' }],
  },
});

const printMessageFromFile = template('print-message-from-file', {
  container: {
    image: 'alpine:3.23',
    command: ['sh', '-c'],
    args: ['echo getting message from volume; find /mnt/vol; cat /mnt/vol/hello_world.txt'],
    volumeMounts: [{ name: 'workdir', mountPath: '/mnt/vol' }],
  },
});

export default workflow({
  metadata: { generateName: 'volumes-pvc-' },
  spec: {
    entrypoint: volumesPvcExample,
    volumeClaimTemplates: [
      {
        metadata: { name: 'workdir' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    ],
  },
});
