import { component, param, pipeline } from '../../dsl/index.ts';
import type { EquivalenceCase } from './_lib.ts';

const printText = component('print-text', {
  image: 'alpine:3.20',
  inputs: { text: param.string() },
  command: (io) => ['sh', '-c', 'echo "$0"', io.inputs.text],
});

export default {
  upstream: 'sdk/pipeline_with_after.yaml',
  pipeline: pipeline('pipeline-with-after', {}, (p) => {
    const first = p.task('print-text', printText, { text: '1st task' });
    const second = p.task('print-text-2', printText, { text: '2nd task' }).after(first);
    p.task('print-text-3', printText, { text: '3rd task' }).after(first, second);
  }),
} satisfies EquivalenceCase;
