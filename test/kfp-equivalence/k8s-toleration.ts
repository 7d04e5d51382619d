import { pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const comp = pythonFunction('comp', {
  tolerations: [{ key: 'key1', operator: 'Equal', value: 'value1', effect: 'NoExecute', tolerationSeconds: 10 }],
});

export default {
  upstream: 'kubernetes/toleration.yaml',
  pipeline: pipeline('my-pipeline', {}, (p) => {
    p.task('comp', comp);
  }),
} satisfies EquivalenceCase;
