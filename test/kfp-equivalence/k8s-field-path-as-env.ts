import { fieldRef, pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const comp = pythonFunction('comp', {
  env: { KFP_RUN_NAME: fieldRef("metadata.annotations['pipelines.kubeflow.org/run_name']") },
});

export default {
  upstream: 'kubernetes/field_path_as_env.yaml',
  pipeline: pipeline('my-pipeline', {}, (p) => {
    p.task('comp', comp);
  }),
} satisfies EquivalenceCase;
