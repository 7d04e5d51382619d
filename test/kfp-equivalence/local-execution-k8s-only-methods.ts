import { param, pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

// set_cpu_limit('1000m') / set_memory_limit('256Mi') / set_accelerator_limit(1): limits only, so
// the deprecated numeric fields the SDK writes beside them (cpuLimit 1.0, memoryLimit in GB) are compared.
const echo = pythonFunction('echo', {
  inputs: { message: param.string() },
  outputs: { Output: param.string() },
  resources: { gpu: 1, limits: { cpu: '1000m', memory: '256Mi' } },
});

export default {
  upstream: 'sdk/local_execution_pipeline_with_k8s_only_methods.yaml',
  pipeline: pipeline(
    'pipeline-with-k8s-only-methods',
    { params: { message: param.string().default('hello') } },
    (p, params) => {
      const e = p.task('echo', echo, { message: params.message });
      return { Output: e.outputs.Output };
    },
  ),
} satisfies EquivalenceCase;
