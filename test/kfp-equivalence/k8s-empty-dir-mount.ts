import { pipeline, volume } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const comp = pythonFunction('comp', {
  volumes: [
    {
      name: 'emptydir-vol-1',
      mountPath: '/mnt/my_vol_1',
      source: volume.emptyDir({ medium: 'Memory', sizeLimit: '1Gi' }),
    },
  ],
});

export default {
  upstream: 'kubernetes/empty_dir_mounts.yaml',
  pipeline: pipeline('my-pipeline', {}, (p) => {
    p.task('comp', comp);
  }),
} satisfies EquivalenceCase;
