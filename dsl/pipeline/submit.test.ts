import { describe, expect, it } from 'vitest';
import { component } from './component.ts';
import { eq } from './conditions.ts';
import { DslError } from '../errors.ts';
import type { ConditionIR } from '../ir/index.ts';
import { pipeline } from './pipeline.ts';
import { param } from './ports.ts';
import { app, environment, project, resolveProject } from '../project/project.ts';

const check = component('check', {
  image: 'python:3.12-slim',
  inputs: { date: param.string() },
  outputs: { drifted: param.bool() },
  command: ['check'],
});
const training = pipeline(
  'training',
  { params: { snapshotDate: param.string(), learningRate: param.float().default(0.05) } },
  (p, params) => {
    p.task('fit', check, { date: params.snapshotDate });
  },
);

function driftPipeline(args: Record<string, unknown>) {
  return pipeline('drift', { params: { snapshotDate: param.string() } }, (p, params) => {
    const c = p.task('check', check, { date: params.snapshotDate });
    p.when(eq(c.outputs.drifted, true), (p) => {
      // Untyped on purpose: these cases check the run-time checks behind the types.
      (p.submit as (id: string, t: unknown, a: unknown) => unknown)('retrain', training, args);
    });
  });
}

describe('p.submit()', () => {
  it('GIVEN a submit inside a condition WHEN built THEN the IR holds a submit node with bound args and the branch condition', () => {
    const drift = pipeline('drift', { params: { snapshotDate: param.string() } }, (p, params) => {
      const c = p.task('check', check, { date: params.snapshotDate });
      p.when(eq(c.outputs.drifted, true), (p) => {
        p.submit('retrain', training, { snapshotDate: params.snapshotDate, learningRate: 0.1 });
      });
    });
    const branch = drift.ir.body[1];
    expect(branch?.kind).toBe('condition');
    const node = (branch as ConditionIR).branches[0]?.body[0];
    expect(node).toEqual({
      kind: 'submit',
      id: 'retrain',
      pipeline: 'training',
      args: {
        snapshotDate: { kind: 'pipelineParam', name: 'snapshotDate' },
        learningRate: { kind: 'literal', value: 0.1 },
      },
      after: [],
    });
    expect(drift.submits).toEqual([training]);
    expect(drift.ir.components.map((c) => c.name)).toEqual(['check']);
  });

  it('GIVEN an unknown parameter WHEN built THEN the error names the target pipeline and its parameters', () => {
    expect(() => driftPipeline({ snapshotDate: 'x', learnRate: 0.1 })).toThrow(
      'pipeline "drift" > submit "retrain" > arg "learnRate": pipeline "training" has no parameter "learnRate" (got 0.1). Use one of: snapshotDate, learningRate.',
    );
  });

  it('GIVEN a missing required parameter WHEN built THEN the error says which', () => {
    expect(() => driftPipeline({})).toThrow(
      /submit "retrain" > arg "snapshotDate": required parameter of pipeline "training" has no value/,
    );
  });

  it('GIVEN a value of the wrong type WHEN built THEN the parameter type is enforced', () => {
    expect(() => driftPipeline({ snapshotDate: 'x', learningRate: 'fast' })).toThrow(
      /input "learningRate": expected float/,
    );
  });

  it('GIVEN something that is not a pipeline WHEN submitted THEN a DslError explains what to pass', () => {
    const bad = () =>
      pipeline('bad', {}, (p) => {
        p.task('check', check, { date: 'x' });
        (p.submit as (id: string, t: unknown) => unknown)('go', check);
      });
    expect(bad).toThrow(DslError);
    expect(bad).toThrow(/p.submit\(\) needs a pipeline to start/);
  });

  it('GIVEN a task ordered after a submission WHEN built THEN the dependency is recorded', () => {
    const drift = pipeline('drift', { params: { snapshotDate: param.string() } }, (p, params) => {
      const s = p.submit('retrain', training, { snapshotDate: params.snapshotDate });
      p.task('check', check, { date: 'done' }).after(s);
    });
    expect(drift.ir.body[1]).toMatchObject({ kind: 'task', after: ['retrain'] });
  });

  it('GIVEN an app listing only the submitting pipeline WHEN resolved THEN the submitted pipeline is deployed too', () => {
    const drift = pipeline('drift', { params: { snapshotDate: param.string() } }, (p, params) => {
      p.submit('retrain', training, { snapshotDate: params.snapshotDate });
    });
    const ir = resolveProject(
      project('p', {
        environments: [environment('prod', { namespace: 'ml' })],
        apps: [app('a', { pipelines: [drift] })],
      }),
    );
    expect(ir.environments[0]?.apps[0]?.pipelines.map((p) => p.name)).toEqual(['drift', 'training']);
  });
});
