import { steps, template, workflow } from '../../dsl/argo/index.ts';

/**
 * This example demonstrates the ability for a workflow to attach 
 * to a pre-created, existing volume for use throughout a workflow.
 * A PVC named 'my-existing-volume' is assumed to exist. Create it
 * using `kubectl create -f examples/testvolume.yaml`.
 * The first step will append the current timestamp to an access log. 
 * The second step will dump the contents of the access log. Submit
 * this workflow multiple times to see the access log grow after each
 * submission.
 */
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
