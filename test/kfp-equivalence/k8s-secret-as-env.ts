import { pipeline, secretKey } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const comp = pythonFunction('comp', { env: { SECRET_VAR: secretKey('my-secret', 'password') } });

export default {
  upstream: 'kubernetes/secret_as_env.yaml',
  pipeline: pipeline('my-pipeline', {}, (p) => {
    p.task('comp', comp);
  }),
} satisfies EquivalenceCase;
