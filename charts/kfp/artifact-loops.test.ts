import { describe, expect, it } from 'vitest';
import { artifact, component, param, pipeline } from '../../dsl/index.ts';
import { kfpLintFindings } from './lint.ts';
import { compileKfpPipeline } from './pipeline-spec.ts';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const cut = component('cut', {
  image: 'alpine:3.20',
  inputs: { shard: param.string() },
  outputs: { part: artifact('Dataset') },
  command: (io) => ['cut', io.inputs.shard, io.outputs.part.path],
});
const merge = component('merge', {
  image: 'alpine:3.20',
  inputs: { parts: artifact('Dataset').list() },
  outputs: { merged: artifact('Dataset') },
  command: (io) => ['merge', io.inputs.parts, io.outputs.merged.path],
});
const inspect = component('inspect', {
  image: 'alpine:3.20',
  inputs: { part: artifact('Dataset') },
  outputs: { n: param.int() },
  command: (io) => ['wc', io.inputs.part.path, io.outputs.n.path],
});

const compile = (p: { ir: Parameters<typeof compileKfpPipeline>[0] }): Any => {
  const c = compileKfpPipeline(p.ir, { toolVersion: '0' });
  expect(kfpLintFindings(c)).toEqual([]);
  return c.pipelineSpec as Any;
};

describe('KFP: artifacts collected from loops and loops over artifacts', () => {
  const fanIn = pipeline('fan-in', { params: { shards: param.list<string>() } }, (p, params) => {
    const parts = p.forEach('shards', params.shards, (p, shard) => ({
      part: p.task('cut', cut, { shard }).outputs.part,
    }));
    p.task('merge', merge, { parts: parts.outputs.part });
    p.forEach('each', parts.outputs.part, (p, part) => void p.task('inspect', inspect, { part }), { parallelism: 2 });
    return { parts: parts.outputs.part };
  });
  const spec = compile(fanIn);

  it('GIVEN a loop returning an artifact THEN its DAG exports the list with artifactSelectors, typed isArtifactList', () => {
    const loop = spec.components['comp-shards'];
    expect(loop.dag.outputs.artifacts['pipelinechannel--cut-part']).toEqual({
      artifactSelectors: [{ producerSubtask: 'cut', outputArtifactKey: 'part' }],
    });
    expect(loop.outputDefinitions.artifacts['pipelinechannel--cut-part']).toEqual({
      artifactType: { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' },
      isArtifactList: true,
    });
  });

  it('GIVEN a list input THEN the component declares isArtifactList and the command reads the whole list', () => {
    expect(spec.components['comp-merge'].inputDefinitions.artifacts.parts).toMatchObject({ isArtifactList: true });
    expect(spec.root.dag.tasks.merge.inputs.artifacts.parts).toEqual({
      taskOutputArtifact: { producerTask: 'shards', outputArtifactKey: 'pipelinechannel--cut-part' },
    });
    expect(spec.root.dag.tasks.merge.dependentTasks).toEqual(['shards']);
    expect(spec.deploymentSpec.executors['exec-merge'].container.command).toEqual([
      'merge',
      "{{$.inputs.artifacts['parts']}}",
      "{{$.outputs.artifacts['merged'].path}}",
    ]);
  });

  it('GIVEN a loop over the collected list THEN it is an artifactIterator over a DAG input, one artifact per iteration', () => {
    const each = spec.root.dag.tasks.each;
    expect(each.artifactIterator).toEqual({
      itemInput: 'pipelinechannel--cut-part-loop-item',
      items: { inputArtifact: 'pipelinechannel--cut-part' },
    });
    expect(each.iteratorPolicy).toEqual({ parallelismLimit: 2 });
    expect(each.inputs.artifacts['pipelinechannel--cut-part']).toEqual({
      taskOutputArtifact: { producerTask: 'shards', outputArtifactKey: 'pipelinechannel--cut-part' },
    });
    const defs = spec.components['comp-each'].inputDefinitions.artifacts;
    expect(defs['pipelinechannel--cut-part']).toMatchObject({ isArtifactList: true });
    expect(defs['pipelinechannel--cut-part-loop-item']).toEqual({
      artifactType: { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' },
    });
    expect(spec.components['comp-each'].dag.tasks.inspect.inputs.artifacts.part).toEqual({
      componentInputArtifact: 'pipelinechannel--cut-part-loop-item',
    });
  });

  it('GIVEN the pipeline returns the collected artifacts THEN the root output is an artifact list', () => {
    expect(spec.root.dag.outputs.artifacts.parts).toEqual({
      artifactSelectors: [{ producerSubtask: 'shards', outputArtifactKey: 'pipelinechannel--cut-part' }],
    });
    expect(spec.root.outputDefinitions.artifacts.parts).toMatchObject({ isArtifactList: true });
  });

  it('GIVEN the item read in a nested group THEN it travels in as a DAG input', () => {
    const nested = pipeline('nested', {}, (p) => {
      const parts = p.forEach('shards', ['a'], (p, shard) => ({ part: p.task('cut', cut, { shard }).outputs.part }));
      p.forEach('each', parts.outputs.part, (p, part) => {
        p.forEach('twice', [1, 2], (p) => void p.task('inspect', inspect, { part }));
      });
    });
    const s = compile(nested);
    expect(s.components['comp-each'].dag.tasks.twice.inputs.artifacts['pipelinechannel--cut-part-loop-item']).toEqual({
      componentInputArtifact: 'pipelinechannel--cut-part-loop-item',
    });
    expect(s.components['comp-twice'].dag.tasks.inspect.inputs.artifacts.part).toEqual({
      componentInputArtifact: 'pipelinechannel--cut-part-loop-item',
    });
  });
});
