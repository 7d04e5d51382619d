import { component, param, pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const double = pythonFunction('double', { inputs: { num: param.int() }, outputs: { Output: param.int() } });
const add = pythonFunction('add', { inputs: { nums: param.list<number>() }, outputs: { Output: param.int() } });
const addContainer = component('add-container', {
  image: 'jetbrainsinfra/jq:1.6',
  inputs: { nums: param.list<number>() },
  outputs: { sum: param.int() },
  command: ['sh', '-c'],
  args: (io) => [
    `set -e; mkdir -p "$(dirname '${io.outputs.sum.path}')"; echo '${io.inputs.nums}' | jq add > '${io.outputs.sum.path}'`,
  ],
});

export default {
  upstream: 'sdk/parameters_simple.yaml',
  pipeline: pipeline('math-pipeline', {}, (p) => {
    const doubled = p.forEach('for-loop-2', [1, 2, 3], (p, n) => {
      const d = p.task('double', double, { num: n });
      return { doubled: d.outputs.Output };
    });
    p.task('add', add, { nums: doubled.outputs.doubled });
    p.task('add-container', addContainer, { nums: doubled.outputs.doubled });
    return { Output: doubled.outputs.doubled };
  }),
} satisfies EquivalenceCase;
