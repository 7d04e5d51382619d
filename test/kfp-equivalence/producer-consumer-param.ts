import { component, param, pipeline } from '../../dsl/index.ts';
import type { EquivalenceCase } from './_lib.ts';

const image = 'registry.access.redhat.com/ubi9/python-311:1-77';
const producer = component('producer', {
  image,
  inputs: { input_text: param.string() },
  outputs: { output_value: param.string() },
  command: (io) => [
    'sh',
    '-c',
    'mkdir -p "$(dirname "$1")" && echo "$0 (produced)" > "$1"',
    io.inputs.input_text,
    io.outputs.output_value.path,
  ],
});
const consumer = component('consumer', {
  image,
  inputs: { input_value: param.string() },
  command: (io) => ['sh', '-c', 'echo "consumed: $0"', io.inputs.input_value],
});

export default {
  upstream: 'sdk/producer_consumer_param_pipeline.yaml',
  pipeline: pipeline(
    'producer-consumer-param-pipeline',
    { params: { text: param.string().default('Hello world') } },
    (p, params) => {
      const made = p.task('producer', producer, { input_text: params.text });
      p.task('consumer', consumer, { input_value: made.outputs.output_value });
    },
  ),
} satisfies EquivalenceCase;
