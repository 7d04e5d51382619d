import { artifact, eq, param, pipeline, type ArtifactPort, type Task } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const flipCoin = pythonFunction('flip-coin', { outputs: { Output: param.string() } });
const paramToArtifact = pythonFunction('param-to-artifact', {
  inputs: { val: param.string() },
  outputs: { a: artifact('Artifact') },
});
const printArtifact = pythonFunction('print-artifact', { inputs: { a: artifact('Artifact') } });

type Made = Task<{ readonly a: ArtifactPort<'Artifact'> }>;

/** If/Else whose artifact outputs are merged with dsl.OneOf, read inside and returned from a called pipeline. */
const flipCoinPipeline = pipeline('flip-coin-pipeline', {}, (p) => {
  const flip = p.task('flip-coin', flipCoin);
  let heads!: Made;
  let tails!: Made;
  p.when(eq(flip.outputs.Output, 'heads'), (p) => {
    heads = p.task('param-to-artifact', paramToArtifact, { val: flip.outputs.Output });
  }).otherwise((p) => {
    tails = p.task('param-to-artifact-2', paramToArtifact, { val: flip.outputs.Output });
  });
  const x = p.oneOf(heads.outputs.a, tails.outputs.a);
  p.task('print-artifact', printArtifact, { a: x });
  return { Output: x };
});

export default {
  upstream: 'sdk/if_else_with_oneof_artifacts.yaml',
  pipeline: pipeline('outer-pipeline', {}, (p) => {
    const flip = p.subPipeline('flip-coin-pipeline', flipCoinPipeline);
    p.task('print-artifact', printArtifact, { a: flip.outputs.Output });
  }),
} satisfies EquivalenceCase;
