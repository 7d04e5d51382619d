import { describe, expect, it } from 'vitest';
import { artifact, component, param, pipeline } from '../../dsl/index.ts';
import { workflowTemplate } from './workflow-template.ts';

const cut = component('cut', {
  image: 'alpine:3.20',
  inputs: { shard: param.string() },
  outputs: { part: artifact('Dataset') },
  command: (io) => ['cut', io.inputs.shard, io.outputs.part.path],
});
const merge = component('merge', {
  image: 'alpine:3.20',
  inputs: { parts: artifact('Dataset').list() },
  command: (io) => ['merge', io.inputs.parts],
});
const inspect = component('inspect', {
  image: 'alpine:3.20',
  inputs: { part: artifact('Dataset') },
  command: (io) => ['wc', io.inputs.part.path],
});
const FIX =
  "Compile this pipeline for Kubeflow Pipelines (target: 'kfp'), collect a parameter instead (e.g. each artifact's URI), or write the fan-in with the Argo-native API (dsl/argo): key-only artifacts written under one key prefix and read back as one directory.";

describe('Argo refuses artifact lists by name', () => {
  it('GIVEN a loop collecting an artifact THEN the error names the pipeline, loop and output, and the fix', () => {
    const p = pipeline(
      'fan-in',
      {},
      (p) => void p.forEach('shards', ['a'], (p, shard) => ({ part: p.task('cut', cut, { shard }).outputs.part })),
    );
    expect(() => workflowTemplate(p.ir, 'ml')).toThrow(
      `pipeline "fan-in" > loop "shards" > output "part": Argo Workflows cannot collect artifacts across loop iterations (only output parameters are aggregated) (got "cut.outputs.part"). ${FIX}`,
    );
  });

  it('GIVEN a loop over an artifact list inside a called pipeline THEN the error names both pipelines and the loop', () => {
    const inner = pipeline('inner', {}, (p) => ({
      parts: p.forEach('shards', ['a'], (p, shard) => ({ part: p.task('cut', cut, { shard }).outputs.part })).outputs
        .part,
    }));
    const outer = pipeline('outer', {}, (p) => {
      const made = p.subPipeline('inner', inner);
      p.task('merge', merge, { parts: made.outputs.parts });
    });
    expect(() => workflowTemplate(outer.ir, 'ml')).toThrow(
      'pipeline "outer" > task "merge" > input "parts": Argo Workflows cannot pass a list of artifacts to one input (component "merge")',
    );
    const looping = pipeline('looping', {}, (p) => {
      const made = p.subPipeline('inner', inner);
      p.forEach('each', made.outputs.parts, (p, part) => void p.task('inspect', inspect, { part }));
    });
    expect(() => workflowTemplate(looping.ir, 'ml')).toThrow(
      'pipeline "looping" > loop "each" > items: Argo Workflows cannot loop over a list of artifacts',
    );
  });
});
