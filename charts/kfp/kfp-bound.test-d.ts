import { expectTypeOf, it } from 'vitest';
import { component, param, pipeline, type PipelineOptions } from '../../dsl/index.ts';

const step = component('step', { image: 'alpine:3.20', inputs: { n: param.int() }, command: ['true'] });

it('GIVEN a pipeline pinned to KFP THEN settings KFP cannot honour are type errors', () => {
  // @ts-expect-error KFP has no run-wide parallelism
  pipeline('a', { target: 'kfp', parallelism: 2 }, (p) => void p.task('s', step, { n: 1 }));
  // @ts-expect-error the Argo artifact repository has no meaning on KFP
  pipeline('b', { target: 'kfp', artifactRepository: { configMap: 'c', key: 'k' } }, (p) => void p.task('s', step, { n: 1 }));
  // @ts-expect-error unknown backend
  pipeline('c', { target: 'airflow' }, (p) => void p.task('s', step, { n: 1 }));
  pipeline('d', { target: 'argo', parallelism: 2 }, (p) => void p.task('s', step, { n: 1 }));
  pipeline('e', { target: 'kfp', timeout: '1h' }, (p) => void p.task('s', step, { n: 1 }));
  expectTypeOf<{ target: 'kfp'; parallelism: 2 }>().not.toMatchTypeOf<PipelineOptions<{}>>();
});

it('GIVEN param.list THEN the port carries a list type', () => {
  expectTypeOf(param.list<string>()).toEqualTypeOf<ReturnType<typeof param.json<string[]>>>();
});
