import { component, pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const printEnv = component('print-env', {
  image: 'alpine:3.20',
  command: ['sh', '-c', 'echo "$ENV1 $ENV2 $ENV3"'],
  env: { ENV1: 'val0', ENV2: 'val2', ENV3: 'val3' },
});
const printEnvOp = pythonFunction('print-env-op', { env: { ENV1: 'val1' } });

export default {
  upstream: 'sdk/pipeline_with_env.yaml',
  pipeline: pipeline('pipeline-with-env', {}, (p) => {
    p.task('print-env', printEnv);
    p.task('print-env-op', printEnvOp);
  }),
} satisfies EquivalenceCase;
