import { artifact, param, pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const makeArtifact = pythonFunction('make-artifact', {
  inputs: { data: param.string() },
  outputs: { Output: artifact('Artifact') },
});
const makeDataset = pythonFunction('make-dataset', {
  inputs: { data: param.string() },
  outputs: { Output: artifact('Dataset') },
});
const printArtifactName = pythonFunction('print-artifact-name', {
  inputs: { artifact: artifact('Artifact') },
  outputs: { Output: param.string() },
});
const texts = param.list<string>().default(['Hello', ',', ' ', 'world!']);

/** A called pipeline returning the artifacts it collected from a loop. */
const makeArtifacts = pipeline('make-artifacts', { params: { texts } }, (p, params) => {
  const made = p.forEach('for-loop-1', params.texts, (p, data) => ({
    Output: p.task('make-artifact', makeArtifact, { data }).outputs.Output,
  }));
  return { Output: made.outputs.Output };
});
const makeDatasets = pipeline('make-datasets', { params: { texts } }, (p, params) => {
  const made = p.forEach('for-loop-1', params.texts, (p, data) => ({
    Output: p.task('make-dataset', makeDataset, { data }).outputs.Output,
  }));
  return { Output: made.outputs.Output };
});

/** ParallelFor over lists of artifacts (artifactIterator), kubeflow/pipelines#12033. */
export default {
  upstream: 'sdk/pipeline_with_parallelfor_list_artifacts_GH-12033.yaml',
  pipeline: pipeline('pipeline-parallelfor-artifacts', {}, (p) => {
    const artifacts = p.subPipeline('make-artifacts', makeArtifacts);
    p.forEach(
      'for-loop-1',
      artifacts.outputs.Output,
      (p, a) => void p.task('print-artifact-name', printArtifactName, { artifact: a }),
    );
    const datasets = p.subPipeline('make-datasets', makeDatasets);
    // An Artifact input takes any kind, as KFP's system.Artifact does.
    p.forEach(
      'for-loop-2',
      datasets.outputs.Output,
      (p, d) => void p.task('print-artifact-name-2', printArtifactName, { artifact: d }),
    );
  }),
} satisfies EquivalenceCase;
