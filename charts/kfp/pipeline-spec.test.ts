import { describe, expect, it } from 'vitest';
import { artifact, component, eq, failed, gt, param, pipeline, runtime } from '../../dsl/index.ts';
import { toYaml } from '../../synth/serialize.ts';
import { expectGolden } from '../../test/golden.ts';
import { ctrTraining } from '../../pipelines/recommended-categories/ctr-training.ts';
import { SCRIPT_BOOTSTRAP } from './executor.ts';
import { kfpLintFindings } from './lint.ts';
import { compileKfpPipeline } from './pipeline-spec.ts';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const compile = (p: { ir: Parameters<typeof compileKfpPipeline>[0] }): Any =>
  compileKfpPipeline(p.ir, { toolVersion: '9.9.9' }) as Any;

const flip = component('flip', {
  image: 'python:3.12-slim',
  outputs: { side: param.string(), n: param.int() },
  command: (io) => ['flip', io.outputs.side.path, io.outputs.n.path],
});
const say = component('say', {
  image: 'alpine:3.20',
  inputs: { text: param.string() },
  command: (io) => ['echo', io.inputs.text],
});

describe('compileKfpPipeline', () => {
  it('GIVEN the reference CTR pipeline WHEN compiled THEN the IR matches the reviewed golden file', () => {
    const { pipelineSpec, platformSpec } = compile(ctrTraining);
    expect(pipelineSpec.sdkVersion).toBe('argosy-9.9.9');
    expect(pipelineSpec.schemaVersion).toBe('2.1.0');
    expectGolden(
      'kfp/pipelinespec.ctr-training.yaml',
      toYaml(platformSpec ? [pipelineSpec, platformSpec] : [pipelineSpec]),
    );
  });

  it('GIVEN when/elseWhen/otherwise WHEN compiled THEN a condition-branches DAG holds one branch per case with the earlier conditions negated', () => {
    const p = pipeline('branches', {}, (p) => {
      const f = p.task('flip', flip);
      p.when(eq(f.outputs.side, 'heads'), (p) => void p.task('heads', say, { text: 'h' }))
        .elseWhen(gt(f.outputs.n, 5), (p) => void p.task('big', say, { text: 'b' }))
        .otherwise((p) => void p.task('other', say, { text: 'o' }));
    });
    const { pipelineSpec } = compile(p);
    expect(kfpLintFindings({ pipelineSpec })).toEqual([]);
    expect(pipelineSpec.root.dag.tasks['condition-branches-1'].dependentTasks).toEqual(['flip']);
    const branches = pipelineSpec.components['comp-condition-branches-1'].dag.tasks;
    const side = "inputs.parameter_values['pipelinechannel--flip-side']";
    const n = "int(inputs.parameter_values['pipelinechannel--flip-n'])";
    expect(branches['condition-2'].triggerPolicy.condition).toBe(`${side} == 'heads'`);
    expect(branches['condition-3'].triggerPolicy.condition).toBe(`!(${side} == 'heads') && ${n} > 5`);
    expect(branches['condition-4'].triggerPolicy.condition).toBe(`!(${side} == 'heads') && !(${n} > 5)`);
  });

  it("GIVEN nested groups WHEN compiled THEN they number and wire like the SDK: operands of enclosing conditions flow in, a chain's first branch is numbered after its body", () => {
    const p = pipeline('nested', {}, (p) => {
      const f = p.task('flip', flip);
      p.when(eq(f.outputs.side, 'heads'), (p) => {
        p.when(gt(f.outputs.n, 1), (p) => void p.task('inner', say, { text: 'i' }));
      }).otherwise((p) => void p.task('other', say, { text: 'o' }));
    });
    const { pipelineSpec } = compile(p);
    expect(kfpLintFindings({ pipelineSpec })).toEqual([]);
    // condition-branches-1 > [condition-3 (heads, after its nested condition-2), condition-4 (otherwise)]
    expect(Object.keys(pipelineSpec.components['comp-condition-branches-1'].dag.tasks).sort()).toEqual([
      'condition-3',
      'condition-4',
    ]);
    expect(Object.keys(pipelineSpec.components['comp-condition-3'].dag.tasks)).toEqual(['condition-2']);
    expect(Object.keys(pipelineSpec.components['comp-condition-2'].inputDefinitions.parameters).sort()).toEqual([
      'pipelinechannel--flip-n',
      'pipelinechannel--flip-side',
    ]);
  });

  it('GIVEN a task with its own value condition WHEN a sibling reads its output THEN the condition group exports it', () => {
    const p = pipeline('own-when', {}, (p) => {
      const f = p.task('flip', flip);
      const g = p.task('gated', flip).when(eq(f.outputs.side, 'heads'));
      p.task('after', say, { text: g.outputs.side });
    });
    const { pipelineSpec } = compile(p);
    expect(kfpLintFindings({ pipelineSpec })).toEqual([]);
    expect(pipelineSpec.root.dag.tasks.after.inputs.parameters.text).toEqual({
      taskOutputParameter: { producerTask: 'condition-1', outputParameterKey: 'pipelinechannel--gated-side' },
    });
    expect(pipelineSpec.components['comp-condition-1'].dag.outputs.parameters['pipelinechannel--gated-side']).toEqual({
      valueFromParameter: { producerSubtask: 'gated', outputParameterKey: 'side' },
    });
  });

  it('GIVEN a string template argument WHEN compiled THEN it becomes a constant with placeholders and one input per reference', () => {
    const p = pipeline('template', { params: { day: param.string() } }, (p, params) => {
      p.task('say', say, { text: `day=${params.day} run=${runtime.workflowName}` });
    });
    const params = compile(p).pipelineSpec.root.dag.tasks.say.inputs.parameters;
    expect(params.text).toEqual({
      runtimeValue: { constant: "day={{$.inputs.parameters['pipelinechannel--day']}} run={{$.pipeline_job_name}}" },
    });
    expect(params['pipelinechannel--day']).toEqual({ componentInputParameter: 'day' });
  });

  it('GIVEN a script component WHEN compiled THEN the source runs from a file with INPUT_/OUTPUT_ variables set from KFP placeholders', () => {
    const script = component('scripted', {
      image: 'python:3.12-slim',
      inputs: { data: artifact('Dataset'), rate: param.float() },
      outputs: { score: param.float() },
      script: { source: 'print(1)\n' },
    });
    const producer = component('make', {
      image: 'alpine:3.20',
      outputs: { data: artifact('Dataset') },
      command: (io) => ['make', io.outputs.data.path],
    });
    const p = pipeline('scripted', {}, (p) => {
      const m = p.task('make', producer);
      p.task('score', script, { data: m.outputs.data, rate: 0.5 });
    });
    const container = compile(p).pipelineSpec.deploymentSpec.executors['exec-scripted'].container;
    expect(container.command).toEqual(['sh', '-ec', SCRIPT_BOOTSTRAP, 'print(1)\n']);
    expect(container.args).toEqual([
      'env',
      "INPUT_DATA={{$.inputs.artifacts['data'].path}}",
      "INPUT_RATE={{$.inputs.parameters['rate']}}",
      "OUTPUT_SCORE={{$.outputs.parameters['score'].output_file}}",
      'python3',
    ]);
  });

  it.each([
    [
      'run-wide parallelism',
      () => pipeline('x', { parallelism: 2 }, (p) => void p.task('f', flip)),
      'pipeline "x" > parallelism: Kubeflow Pipelines cannot express a run-wide parallelism limit',
    ],
    [
      'a failure condition',
      () =>
        pipeline('x', {}, (p) => {
          const f = p.task('f', flip);
          p.task('s', say, { text: 'x' }).when(failed(f));
        }),
      'pipeline "x" > task "s": Kubeflow Pipelines cannot express this task status condition',
    ],
    [
      'the final status as text',
      () =>
        pipeline('x', {}, (p) => {
          p.task('f', flip);
          p.onExit('bye', say, { text: runtime.workflowStatus });
        }),
      'Kubeflow Pipelines cannot express runtime.workflowStatus',
    ],
    [
      'ephemeral storage',
      () =>
        pipeline(
          'x',
          {},
          (p) =>
            void p.task(
              'f',
              component('big', { image: 'alpine:3.20', command: ['true'], resources: { ephemeralStorage: '10Gi' } }),
            ),
        ),
      'Kubeflow Pipelines cannot express ephemeral-storage',
    ],
    [
      'a fixed artifact path',
      () =>
        pipeline(
          'x',
          {},
          (p) =>
            void p.task(
              'f',
              component('fixed', {
                image: 'alpine:3.20',
                outputs: { m: artifact('Model').at('/m.bin') },
                command: ['true'],
              }),
            ),
        ),
      'Kubeflow Pipelines cannot express a fixed artifact path',
    ],
    [
      'an output the command never mentions',
      () =>
        pipeline(
          'x',
          {},
          (p) =>
            void p.task(
              'f',
              component('mute', { image: 'alpine:3.20', outputs: { n: param.int() }, command: ['true'] }),
            ),
        ),
      'pipeline "x" > component "mute" > output "n": Kubeflow Pipelines cannot express a port the container never receives (KFP passes values and paths only through placeholders) (got ["outputs.n"]). Use io.outputs.n.path in the command, args or env, or remove the port.',
    ],
  ])('GIVEN %s WHEN compiled for KFP THEN a DslError names the pipeline and the feature', (_what, build, message) => {
    expect(() => compile(build())).toThrow(message);
  });
});
