import { artifact, component, param, pipeline } from '../../dsl/index.ts';
import type { EquivalenceCase } from './_lib.ts';

const writeText = component('component1', {
  image: 'alpine:3.20',
  inputs: { text: param.string() },
  outputs: { output_gcs: artifact('Dataset') },
  command: ['sh', '-c', 'mkdir -p "$(dirname "$1")" && printf "%s\\n" "$0" > "$1"'],
  args: (io) => [io.inputs.text, io.outputs.output_gcs.path],
});
const readText = component('component2', {
  image: 'alpine:3.20',
  inputs: { input_gcs: artifact('Dataset') },
  command: ['cat'],
  args: (io) => [io.inputs.input_gcs.path],
});

export default {
  upstream: 'sdk/two_step_pipeline_containerized.yaml',
  pipeline: pipeline(
    'containerized-two-step-pipeline',
    { params: { text: param.string().default('Hello KFP Containerized!') } },
    (p, params) => {
      const first = p.task('component1', writeText, { text: params.text });
      p.task('component2', readText, { input_gcs: first.outputs.output_gcs });
    },
  ),
} satisfies EquivalenceCase;
