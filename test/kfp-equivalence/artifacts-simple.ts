import { artifact, component, param, pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const double = pythonFunction('double', {
  inputs: { num: param.int() },
  outputs: { out_dataset: artifact('Dataset') },
});
const add = pythonFunction('add', {
  inputs: { in_datasets: artifact('Dataset').list() },
  outputs: { out_dataset: artifact('Dataset') },
});
// The container receives the list as KFP's JSON of the artifacts and sums the files behind their URIs.
const addContainer = component('add-container', {
  image: 'registry.access.redhat.com/ubi9/python-311:1-77',
  inputs: { in_datasets: artifact('Dataset').list() },
  outputs: { out_dataset: artifact('Dataset') },
  command: ['python', '-c'],
  args: (io) => [
    'import json, sys\ntotal = sum(int(open(d["uri"].replace("gs://", "/gcs/")).read()) for d in json.loads(sys.argv[1]))\nopen(sys.argv[2], "w").write(str(total))\n',
    io.inputs.in_datasets,
    io.outputs.out_dataset.path,
  ],
});

/** Artifacts collected from a loop (dsl.Collected) into List[Dataset] inputs and a pipeline output. */
export default {
  upstream: 'sdk/artifacts_simple.yaml',
  pipeline: pipeline('math-pipeline', {}, (p) => {
    const doubled = p.forEach('for-loop-2', [1, 2, 3], (p, num) => ({
      out: p.task('double', double, { num }).outputs.out_dataset,
    }));
    p.task('add', add, { in_datasets: doubled.outputs.out });
    p.task('add-container', addContainer, { in_datasets: doubled.outputs.out });
    return { Output: doubled.outputs.out };
  }),
} satisfies EquivalenceCase;
