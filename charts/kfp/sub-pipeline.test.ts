import { describe, expect, it } from 'vitest';
import { artifact, component, eq, param, pipeline, type Task } from '../../dsl/index.ts';
import { kfpLintFindings } from './lint.ts';
import { compileKfpPipeline } from './pipeline-spec.ts';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const compile = (p: { ir: Parameters<typeof compileKfpPipeline>[0] }): Any =>
  compileKfpPipeline(p.ir, { toolVersion: '9.9.9' }) as Any;

const flip = component('flip', {
  image: 'python:3.12-slim',
  outputs: { side: param.string() },
  command: (io) => ['flip', io.outputs.side.path],
});
const say = component('say', {
  image: 'alpine:3.20',
  inputs: { text: param.string() },
  outputs: { said: param.string() },
  command: (io) => ['say', io.inputs.text, io.outputs.said.path],
});
const make = component('make', {
  image: 'alpine:3.20',
  inputs: { text: param.string() },
  outputs: { file: artifact('Dataset') },
  command: (io) => ['make', io.inputs.text, io.outputs.file.path],
});

/** heads/tails branches with one `say` and one `make` each, gathered with p.oneOf(). */
const coin = pipeline('coin', { params: { greeting: param.string().default('hi') } }, (p, params) => {
  const f = p.task('flip', flip);
  let h!: Task<typeof say.outputs>;
  let t!: Task<typeof say.outputs>;
  let hf!: Task<typeof make.outputs>;
  let tf!: Task<typeof make.outputs>;
  p.when(eq(f.outputs.side, 'heads'), (p) => {
    h = p.task('heads', say, { text: params.greeting });
    hf = p.task('heads-file', make, { text: 'h' });
  }).otherwise((p) => {
    t = p.task('tails', say, { text: 'tails' }).timeout('5m');
    tf = p.task('tails-file', make, { text: 't' });
  });
  const said = p.oneOf(h.outputs.said, t.outputs.said);
  p.when(eq(said, 'hi'), (p) => {
    p.task('echo-said', say, { text: said });
  });
  return { said, file: p.oneOf(hf.outputs.file, tf.outputs.file) };
});

describe('KFP: pipelines as tasks', () => {
  const outer = pipeline('outer', {}, (p) => {
    const c = p.subPipeline('coin', coin, { greeting: 'hello' });
    p.subPipeline('coin-again', coin);
    p.task('report', say, { text: c.outputs.said });
  });
  const { pipelineSpec } = compile(outer);

  it('GIVEN a called pipeline THEN it is one DAG component with its params and outputs, used by each task', () => {
    expect(kfpLintFindings({ pipelineSpec })).toEqual([]);
    expect(pipelineSpec.root.dag.tasks.coin).toEqual({
      taskInfo: { name: 'coin' },
      componentRef: { name: 'comp-coin' },
      inputs: { parameters: { greeting: { runtimeValue: { constant: 'hello' } } } },
      cachingOptions: { enableCache: true },
    });
    expect(pipelineSpec.root.dag.tasks['coin-again'].componentRef).toEqual({ name: 'comp-coin' });
    expect(pipelineSpec.root.dag.tasks.report.inputs.parameters.text).toEqual({
      taskOutputParameter: { producerTask: 'coin', outputParameterKey: 'said' },
    });
    const comp = pipelineSpec.components['comp-coin'];
    expect(comp.inputDefinitions).toEqual({
      parameters: { greeting: { parameterType: 'STRING', defaultValue: 'hi', isOptional: true } },
    });
    expect(comp.outputDefinitions).toEqual({
      parameters: { said: { parameterType: 'STRING' } },
      artifacts: { file: { artifactType: { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' } } },
    });
    expect(comp.dag.tasks['condition-branches-1'].componentRef).toEqual({ name: 'comp-coin-condition-branches-1' });
  });

  it('GIVEN a called pipeline THEN its groups and per-task executors are prefixed, components shared', () => {
    expect(Object.keys(pipelineSpec.components).sort()).toEqual([
      'comp-coin',
      'comp-coin-condition-2',
      'comp-coin-condition-3',
      'comp-coin-condition-4',
      'comp-coin-condition-branches-1',
      'comp-coin-say-tails',
      'comp-flip',
      'comp-make',
      'comp-say',
    ]);
    expect(Object.keys(pipelineSpec.deploymentSpec.executors).sort()).toEqual([
      'exec-coin-say-tails',
      'exec-flip',
      'exec-make',
      'exec-say',
    ]);
  });
});

describe('KFP: p.oneOf()', () => {
  const { pipelineSpec } = compile(coin);
  const branches = pipelineSpec.components['comp-condition-branches-1'];

  it('GIVEN parameter and artifact oneOfs THEN the if/else group exports them with valueFromOneof and artifactSelectors', () => {
    expect(kfpLintFindings({ pipelineSpec })).toEqual([]);
    expect(branches.dag.outputs).toEqual({
      parameters: {
        'pipelinechannel--condition-branches-1-oneof-1': {
          valueFromOneof: {
            parameterSelectors: [
              { producerSubtask: 'condition-2', outputParameterKey: 'pipelinechannel--heads-said' },
              { producerSubtask: 'condition-3', outputParameterKey: 'pipelinechannel--tails-said' },
            ],
          },
        },
      },
      artifacts: {
        'pipelinechannel--condition-branches-1-oneof-2': {
          artifactSelectors: [
            { producerSubtask: 'condition-2', outputArtifactKey: 'pipelinechannel--heads-file-file' },
            { producerSubtask: 'condition-3', outputArtifactKey: 'pipelinechannel--tails-file-file' },
          ],
        },
      },
    });
    expect(branches.outputDefinitions.parameters['pipelinechannel--condition-branches-1-oneof-1']).toEqual({
      parameterType: 'STRING',
    });
  });

  it("GIVEN a oneOf read by a later condition and returned THEN it travels as the group's output and as an input channel", () => {
    expect(pipelineSpec.root.dag.outputs.parameters.said).toEqual({
      valueFromParameter: {
        producerSubtask: 'condition-branches-1',
        outputParameterKey: 'pipelinechannel--condition-branches-1-oneof-1',
      },
    });
    expect(pipelineSpec.root.dag.outputs.artifacts.file).toEqual({
      artifactSelectors: [
        { producerSubtask: 'condition-branches-1', outputArtifactKey: 'pipelinechannel--condition-branches-1-oneof-2' },
      ],
    });
    const gate = pipelineSpec.root.dag.tasks['condition-4'];
    expect(gate.dependentTasks).toEqual(['condition-branches-1']);
    expect(gate.triggerPolicy.condition).toBe(
      "inputs.parameter_values['pipelinechannel--condition-branches-1-oneof-1'] == 'hi'",
    );
    expect(pipelineSpec.components['comp-condition-4'].dag.tasks['echo-said'].inputs.parameters.text).toEqual({
      componentInputParameter: 'pipelinechannel--condition-branches-1-oneof-1',
    });
  });
});

describe('KFP: created and mounted claims', () => {
  const claims = pipeline('claims', { params: { existing: param.string() } }, (p, params) => {
    const c = p.createPvc('make-claim', { nameSuffix: '-x', size: '1Gi', accessModes: ['ReadWriteOnce'] });
    const f = p.task('flip', flip);
    p.when(eq(f.outputs.side, 'heads'), (p) => {
      p.task('inside', say, { text: 'x' })
        .mount(c, '/data')
        .mount(params.existing, '/e', { subPath: 'sub' })
        .mount('fixed', '/f');
    });
  });
  const compiled = compile(claims);

  it('GIVEN createPvc THEN it is the kfp-kubernetes CreatePVC interface on the argostub executor', () => {
    expect(kfpLintFindings(compiled as Parameters<typeof kfpLintFindings>[0])).toEqual([]);
    const { pipelineSpec } = compiled;
    expect(pipelineSpec.deploymentSpec.executors['exec-createpvc']).toEqual({
      container: { image: 'argostub/createpvc' },
    });
    expect(Object.keys(pipelineSpec.components['comp-createpvc'].inputDefinitions.parameters).sort()).toEqual([
      'access_modes',
      'annotations',
      'data_source',
      'pvc_name',
      'pvc_name_suffix',
      'size',
      'storage_class_name',
      'volume_name',
    ]);
    expect(pipelineSpec.root.dag.tasks['make-claim'].inputs.parameters).toEqual({
      access_modes: { runtimeValue: { constant: ['ReadWriteOnce'] } },
      pvc_name_suffix: { runtimeValue: { constant: '-x' } },
      size: { runtimeValue: { constant: '1Gi' } },
    });
  });

  it('GIVEN mounts inside a condition THEN pvcMount names the claims as inputs of that DAG, with the deprecated field beside', () => {
    const { pipelineSpec, platformSpec } = compiled;
    expect(pipelineSpec.components['comp-condition-1'].dag.tasks.inside.componentRef).toEqual({
      name: 'comp-say-inside',
    });
    expect(pipelineSpec.root.dag.tasks['condition-1'].dependentTasks).toEqual(['flip', 'make-claim']);
    expect(platformSpec.platforms.kubernetes.deploymentSpec.executors['exec-say-inside'].pvcMount).toEqual([
      {
        mountPath: '/data',
        pvcNameParameter: { componentInputParameter: 'pipelinechannel--make-claim-name' },
        componentInputParameter: 'pipelinechannel--make-claim-name',
      },
      {
        mountPath: '/e',
        subPath: 'sub',
        pvcNameParameter: { componentInputParameter: 'pipelinechannel--existing' },
        componentInputParameter: 'pipelinechannel--existing',
      },
      { mountPath: '/f', pvcNameParameter: { runtimeValue: { constant: 'fixed' } }, constant: 'fixed' },
    ]);
  });

  it('GIVEN a component named like the kfp-kubernetes claim component THEN KFP refuses the pair, in the pipeline or a callee', () => {
    const createpvc = component('createpvc', { image: 'alpine:3.20', command: ['true'] });
    const both = pipeline('both', {}, (p) => {
      p.createPvc('c', { nameSuffix: '-x', size: '1Gi', accessModes: ['ReadWriteOnce'] });
      p.task('t', createpvc);
    });
    expect(() => compile(both)).toThrow(
      'pipeline "both" > task "c": Kubeflow Pipelines cannot express a component named "createpvc" beside a claim operation, which KFP runs as the kfp-kubernetes component of that name (got "createpvc"). Rename the component.',
    );
    const inner = pipeline('inner', {}, (p) => {
      p.task('t', createpvc);
    });
    const outer = pipeline('outer', {}, (p) => {
      p.createPvc('c', { nameSuffix: '-x', size: '1Gi', accessModes: ['ReadWriteOnce'] });
      p.subPipeline('call', inner);
    });
    expect(() => compile(outer)).toThrow(/two KFP components named "comp-createpvc"/);
  });

  it('GIVEN a read-only mount or a subPath into a created claim THEN KFP refuses it, naming the task', () => {
    const ro = pipeline('ro', {}, (p) => {
      p.task('t', say, { text: 'x' }).mount('fixed', '/f', { readOnly: true });
    });
    expect(() => compile(ro)).toThrow(
      'pipeline "ro" > task "t" > mount "/f": Kubeflow Pipelines cannot express a read-only PVC mount (got "/f"). Mount it read-write, or compile this pipeline for Argo.',
    );
    const sub = pipeline('sub', {}, (p) => {
      const c = p.createPvc('c', { nameSuffix: '-x', size: '1Gi', accessModes: ['ReadWriteOnce'] });
      p.task('t', say, { text: 'x' }).mount(c, '/f', { subPath: 'dir' });
    });
    expect(() => compile(sub)).toThrow(
      /task "t" > mount "\/f": Kubeflow Pipelines cannot express a subPath into a claim the run creates/,
    );
  });
});
