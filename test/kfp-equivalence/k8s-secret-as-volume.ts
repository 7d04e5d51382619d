import { pipeline, volume } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const comp = pythonFunction('comp', { volumes: [{ mountPath: '/mnt/my_vol', source: volume.secret('my-secret') }] });

export default {
  upstream: 'kubernetes/secret_as_vol.yaml',
  pipeline: pipeline('my-pipeline', {}, (p) => {
    p.task('comp', comp);
  }),
} satisfies EquivalenceCase;
