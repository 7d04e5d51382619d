import { component, param, pipeline } from '../../dsl/index.ts';
import type { EquivalenceCase } from './_lib.ts';

const containerIo = component('container-io', {
  image: 'registry.access.redhat.com/ubi9/python-311:1-77',
  inputs: { text: param.string() },
  outputs: { output_path: param.string() },
  command: (io) => ['my_program', io.inputs.text],
  args: (io) => ['--output_path', io.outputs.output_path.path],
});

export default {
  upstream: 'sdk/container_io.yaml',
  pipeline: pipeline('container-io', { params: { text: param.string() } }, (p, params) => {
    const t = p.task('container-io', containerIo, { text: params.text });
    return { output_path: t.outputs.output_path };
  }),
} satisfies EquivalenceCase;
