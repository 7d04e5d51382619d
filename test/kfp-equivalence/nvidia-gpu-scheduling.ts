import { component, pipeline } from '../../dsl/index.ts';
import type { EquivalenceCase } from './_lib.ts';

const verifyGpu = component('verify-gpu-scheduled', {
  image: 'python:3.11',
  command: ['sh', '-c'],
  args: ['nvidia-smi -L || echo "scheduled on a GPU node"'],
  resources: { gpu: 1 },
  tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
  cache: false,
});

export default {
  upstream: 'sdk/nvidia_gpu_scheduling_check.yaml',
  pipeline: pipeline(
    'nvidia-gpu-scheduling-check',
    {
      description:
        'Verifies a task requesting nvidia.com/gpu with a matching toleration can schedule and complete (no CUDA/torch assertions).',
    },
    (p) => {
      p.task('verify-gpu-scheduled', verifyGpu);
    },
  ),
} satisfies EquivalenceCase;
