import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/volumes-emptydir.yaml. An emptyDir volume shared by the containers of a pod. */
const volumesEmptydirExample = template('volumes-emptydir-example', {
  container: {
    image: 'alpine:3.23',
    command: ['/bin/sh', '-c'],
    args: [
      ' if grep -q /mnt/vol /proc/mounts; then echo "Volume mounted and found"; else echo "Not found"; exit 1; fi ',
    ],
    volumeMounts: [{ name: 'workdir', mountPath: '/mnt/vol' }],
  },
});

export default workflow({
  metadata: { generateName: 'volumes-emptydir-' },
  spec: { entrypoint: volumesEmptydirExample, volumes: [{ name: 'workdir', emptyDir: {} }] },
});
