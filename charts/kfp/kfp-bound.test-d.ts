import { describe, expectTypeOf, it } from 'vitest';
import {
  allFailed,
  and,
  anySucceeded,
  artifact,
  completed,
  component,
  eq,
  errored,
  failed,
  gt,
  not,
  or,
  param,
  pipeline,
  runtime,
  skipped,
  succeeded,
  type ArtifactListRef,
  type ArtifactRef,
  type ParamRef,
  type PipelineBuilder,
  type PipelineOptions,
} from '../../dsl/index.ts';

const step = component('step', {
  image: 'alpine:3.20',
  inputs: { n: param.int() },
  outputs: { n2: param.int() },
  command: (io) => ['true', io.inputs.n, io.outputs.n2.path],
});
const say = component('say', {
  image: 'alpine:3.20',
  inputs: { text: param.string() },
  command: (io) => ['echo', io.inputs.text],
});
const fixed = component('fixed', {
  image: 'alpine:3.20',
  outputs: { m: artifact('Model').at('/m.bin') },
  command: ['true'],
});
const fixedOptional = component('fixed-optional', {
  image: 'alpine:3.20',
  inputs: { m: artifact('Model').at('/m.bin').optional() },
  command: ['true'],
});
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
const other = pipeline('other', { params: { n: param.int() } }, (p, params) => void p.task('s', step, { n: params.n }));

it('GIVEN a pipeline pinned to KFP THEN settings KFP cannot honour are type errors', () => {
  // @ts-expect-error KFP has no run-wide parallelism
  pipeline('a', { target: 'kfp', parallelism: 2 }, (p) => void p.task('s', step, { n: 1 }));
  pipeline(
    'b',
    // @ts-expect-error the Argo artifact repository has no meaning on KFP
    { target: 'kfp', artifactRepository: { configMap: 'c', key: 'k' } },
    (p) => void p.task('s', step, { n: 1 }),
  );
  // @ts-expect-error unknown backend
  pipeline('c', { target: 'airflow' }, (p) => void p.task('s', step, { n: 1 }));
  pipeline('d', { target: 'argo', parallelism: 2 }, (p) => void p.task('s', step, { n: 1 }));
  pipeline('e', { target: 'kfp', timeout: '1h' }, (p) => void p.task('s', step, { n: 1 }));
  expectTypeOf<{ target: 'kfp'; parallelism: 2 }>().not.toMatchTypeOf<PipelineOptions<{}>>();
});

it('GIVEN param.list THEN the port carries a list type', () => {
  expectTypeOf(param.list<string>()).toEqualTypeOf<ReturnType<typeof param.json<string[]>>>();
});

describe('GIVEN a pipeline pinned to KFP THEN what KFP cannot run is a type error', () => {
  it('p.submit', () => {
    pipeline('s', { target: 'kfp' }, (p) => {
      p.task('s', step, { n: 1 });
      // @ts-expect-error p.submit() is Argo-only: Kubeflow Pipelines cannot start another pipeline's run
      p.submit('retrain', other, { n: 1 });
      p.when(gt(p.task('t', step, { n: 1 }).outputs.n2, 0), (p) => {
        // @ts-expect-error also inside a condition
        p.submit('retrain-2', other, { n: 1 });
      });
    });
  });

  it('components with .at() ports, in tasks and exit tasks, however the port is chained', () => {
    pipeline('at', { target: 'kfp' }, (p) => {
      // @ts-expect-error kubeflowPipelinesCannotRunThis: a port placed with .at(path)
      p.task('f', fixed);
      // @ts-expect-error .optional() after .at() keeps the mark
      p.onExit('g', fixedOptional);
      p.forEach('l', [1, 2], (p) => {
        // @ts-expect-error also inside a loop
        p.task('f2', fixed);
      });
    });
  });

  it('status tests KFP cannot trigger on, also combined and on task.when', () => {
    pipeline('status', { target: 'kfp' }, (p) => {
      const a = p.task('a', step, { n: 1 });
      const loop = p.forEach('l', [1], (p, n) => void p.task('in', step, { n }));
      // @ts-expect-error failed() is Argo-only
      p.when(failed(a), () => undefined);
      // @ts-expect-error errored() is Argo-only
      p.task('b', step, { n: 1 }).when(errored(a));
      // @ts-expect-error skipped() is Argo-only, also inside and()
      p.task('c', step, { n: 1 }).when(and(skipped(a), gt(a.outputs.n2, 1)));
      // @ts-expect-error anySucceeded() is Argo-only
      p.when(anySucceeded(loop), () => undefined);
      // @ts-expect-error allFailed() is Argo-only
      p.when(allFailed(loop), () => undefined);
      // @ts-expect-error KFP cannot negate a status test
      p.when(not(succeeded(a)), () => undefined);
      // @ts-expect-error KFP cannot test status inside or()
      p.when(or(succeeded(a), eq(a.outputs.n2, 3)), () => undefined);
      p.when(eq(a.outputs.n2, 1), () => undefined)
        // @ts-expect-error nor in an elseWhen branch
        .elseWhen(failed(a), () => undefined);
      const inner = p.subPipeline('inner', other, { n: 1 });
      // @ts-expect-error nor on a called pipeline's task
      inner.when(failed(a));
      // What KFP can run stays allowed.
      p.task('d', step, { n: 1 }).when(succeeded(a));
      p.task('e', step, { n: 1 }).when(completed(a));
      p.task('f', step, { n: 1 }).when(and(succeeded(a), gt(a.outputs.n2, 1)));
      p.when(or(eq(a.outputs.n2, 1), not(eq(a.outputs.n2, 2))), () => undefined);
    });
  });

  it('runtime values KFP has no placeholder for', () => {
    pipeline('runtime', { target: 'kfp' }, (p) => {
      p.task('a', say, { text: 'x' });
      // @ts-expect-error runtime.workflowStatus is Argo-only
      p.onExit('notify', say, { text: runtime.workflowStatus });
      // @ts-expect-error runtime.workflowFailures is Argo-only
      p.onExit('notify-2', say, { text: runtime.workflowFailures });
      // @ts-expect-error runtime.workflowNamespace is Argo-only
      p.task('ns', say, { text: runtime.workflowNamespace });
      p.task('name', say, { text: runtime.workflowName });
      p.task('time', say, { text: runtime.scheduledTime });
    });
  });

  it('the same code is fine when the pipeline may run on Argo', () => {
    for (const target of ['argo', undefined] as const) {
      pipeline('free', { ...(target ? { target } : {}) }, (p) => {
        const a = p.task('a', step, { n: 1 });
        p.task('f', fixed).when(failed(a));
        p.submit('retrain', other, { n: 1 });
        p.onExit('notify', say, { text: runtime.workflowStatus });
      });
    }
    pipeline('argo', { target: 'argo' }, (p) => {
      const a = p.task('a', step, { n: 1 });
      p.task('f', fixed).when(or(failed(a), errored(a)));
      p.submit('retrain', other, { n: 1 });
    });
  });
});

describe('GIVEN a pipeline pinned to Argo THEN artifact lists are type errors', () => {
  it('collecting artifacts, looping over them, list inputs', () => {
    pipeline('argo-lists', { target: 'argo' }, (p) => {
      // @ts-expect-error ArgoCollectsParametersOnly: a loop body cannot return an artifact
      p.forEach('l', ['a'], (p, shard) => ({ part: p.task('cut', cut, { shard }).outputs.part }));
      const parts = {} as ArtifactListRef<'Dataset'>;
      // @ts-expect-error kfpOnly: lists of artifacts are Kubeflow Pipelines only
      p.forEach('each', parts, () => undefined);
      // @ts-expect-error argoWorkflowsCannotRunThis: an artifact(...).list() input
      p.task('merge', merge, { parts });
    });
  });

  it('they stay allowed when the pipeline may run on KFP, and keep their types', () => {
    for (const target of ['kfp', undefined] as const) {
      pipeline('lists', { ...(target ? { target } : {}) }, (p) => {
        const parts = p.forEach('l', ['a'], (p, shard) => ({ part: p.task('cut', cut, { shard }).outputs.part }));
        expectTypeOf(parts.outputs.part).toEqualTypeOf<ArtifactListRef<'Dataset'>>();
        p.forEach(
          'each',
          parts.outputs.part,
          (_p, part) => void expectTypeOf(part).toEqualTypeOf<ArtifactRef<'Dataset'>>(),
        );
        p.task('merge', merge, { parts: parts.outputs.part });
      });
    }
  });
});

it('GIVEN a bound builder THEN inference is intact and it passes where a PipelineBuilder is expected', () => {
  const helper = (p: PipelineBuilder, n: ParamRef<number>): void => void p.task('h', step, { n });
  pipeline('kfp-typed', { target: 'kfp', params: { n: param.int() } }, (p, params) => {
    expectTypeOf(p).toEqualTypeOf<PipelineBuilder<'kfp'>>();
    const t = p.task('t', step, { n: params.n });
    expectTypeOf(t.outputs.n2).toEqualTypeOf<ParamRef<number>>();
    // @ts-expect-error wiring is still typed: n is an int
    p.task('bad', step, { n: 'x' });
    helper(p, t.outputs.n2);
    p.when(gt(t.outputs.n2, 1), (inner) => {
      expectTypeOf(inner).toEqualTypeOf<PipelineBuilder<'kfp'>>();
      helper(inner, t.outputs.n2);
    });
  });
  pipeline('argo-typed', { target: 'argo' }, (p) => helper(p, p.task('t', step, { n: 1 }).outputs.n2));
  pipeline('free-typed', {}, (p) => void expectTypeOf(p).toEqualTypeOf<PipelineBuilder>());
});
