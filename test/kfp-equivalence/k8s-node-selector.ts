import { pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const comp = pythonFunction('comp', { nodeSelector: { 'cloud.google.com/gke-accelerator': 'nvidia-tesla-p4' } });

export default {
  upstream: 'kubernetes/node_selector.yaml',
  pipeline: pipeline('my-pipeline', {}, (p) => {
    p.task('comp', comp);
  }),
} satisfies EquivalenceCase;
