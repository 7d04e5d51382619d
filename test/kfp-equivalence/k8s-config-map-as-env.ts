import { configMapKey, pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const comp = pythonFunction('comp', { env: { CONFIG_MAP_VAR: configMapKey('my-cm', 'foo') } });

export default {
  upstream: 'kubernetes/config_map_as_env.yaml',
  pipeline: pipeline('my-pipeline', {}, (p) => {
    p.task('comp', comp);
  }),
} satisfies EquivalenceCase;
