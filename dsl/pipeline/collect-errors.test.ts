import { describe, expect, it } from 'vitest';
import { collectErrors } from '../common/collect.ts';
import { isDslErrors } from '../errors.ts';
import { app, project, resolveProject } from '../project/project.ts';
import { schedule } from '../schedule/schedule.ts';
import { component } from './component.ts';
import { eq, succeeded } from './conditions.ts';
import { pipeline } from './pipeline.ts';
import { artifact, param } from './ports.ts';

const extract = component('extract', {
  image: 'ghcr.io/acme/extract:1.0.0',
  inputs: { date: param.string() },
  outputs: { table: artifact('Dataset'), rows: param.int() },
  command: (io) => ['extract', io.inputs.date, io.outputs.table.path, io.outputs.rows.path],
});
const train = component('train', {
  image: 'ghcr.io/acme/train:1.0.0',
  inputs: { dataset: artifact('Dataset'), learningRate: param.float() },
  outputs: { model: artifact('Model') },
  command: (io) => ['train', io.inputs.dataset.path, io.inputs.learningRate, io.outputs.model.path],
});

/** The messages of every mistake a build collects (none: an empty list). */
async function mistakes(build: () => unknown): Promise<string[]> {
  try {
    await collectErrors(build);
    return [];
  } catch (e) {
    if (!isDslErrors(e)) throw e;
    return e.errors.map((x) => x.message);
  }
}

describe('a pipeline build that collects its errors', () => {
  it('GIVEN two tasks with wrong arguments and a wrong setting WHEN collected THEN each is reported', async () => {
    const found = await mistakes(() =>
      pipeline('p', { parallelism: 0 }, (p) => {
        const e = p.task('extract', extract, { date: 3 as never });
        p.task('train', train, { dataset: e.outputs.table, learningRate: 'fast' as never });
        p.task('train-2', train, { dataset: e.outputs.rows as never, learningRate: 0.1 });
      }),
    );
    expect(found).toEqual([
      'pipeline "p" > parallelism: parallelism must be a positive integer (got 0). Use e.g. parallelism: 4.',
      'pipeline "p" > task "extract" > input "date": expected string (got 3). Pass a string literal or a reference to a string parameter.',
      'pipeline "p" > task "train" > input "learningRate": expected float (got "fast"). Pass a float literal or a reference to a float parameter.',
      'pipeline "p" > task "train-2" > input "dataset": expected artifact Dataset (got "a parameter"). Pass an artifact output of an upstream task.',
    ]);
  });

  it('GIVEN a component that failed WHEN pipelines, a schedule and a project use it THEN only its own mistake is reported', async () => {
    const found = await mistakes(() => {
      const broken = component('broken', {
        image: 'ghcr.io/acme/broken', // not pinned
        inputs: { x: param.string() },
        outputs: { out: param.string() },
        command: ['true'],
      });
      const first = pipeline('first', { params: { x: param.string() } }, (p, params) => {
        const b = p.task('b', broken, { x: params.x });
        p.task('after-b', extract, { date: b.outputs.out }).after(b).when(succeeded(b));
        p.when(eq(b.outputs.out, 'go'), (p) => void p.task('then', extract, { date: 'x' }));
        p.forEach(
          'each',
          b.outputs.out as never,
          (p, item) => void p.task('in-loop', extract, { date: item as never }),
        );
        return { out: b.outputs.out };
      });
      const second = pipeline('second', {}, (p) => void p.subPipeline('call', first, { x: 'y' }));
      const weekly = schedule(first, { cron: '0 3 * * 1', args: { x: 'y' } });
      resolveProject(project('p', { apps: [app('a', { pipelines: [first, second], schedules: [weekly] })] }));
    });
    expect(found).toEqual([
      'component "broken" > image: image is not pinned to a version (got "ghcr.io/acme/broken"). Add an explicit tag or digest, e.g. "python:3.12-slim"; "latest" and untagged images change under you.',
    ]);
  });

  it('GIVEN a step that failed WHEN later steps read its outputs and wait for it THEN only the step itself is reported', async () => {
    const found = await mistakes(() =>
      pipeline('p', {}, (p) => {
        const e = p.task('extract', extract, { date: 'x' });
        const dup = p.task('extract', extract, { date: 'y' });
        p.task('train', train, { dataset: dup.outputs.table, learningRate: 0.1 }).after(dup);
        p.task('train-2', train, { dataset: e.outputs.table, learningRate: 0.1 }).when(succeeded(dup));
      }),
    );
    expect(found).toEqual([
      'pipeline "p" > task "extract": duplicate id: a task, loop or condition named "extract" already exists (got "extract"). Give every task and loop of a pipeline its own id.',
    ]);
  });

  it('GIVEN loop items that are wrong WHEN collected THEN the mistakes in the loop body are reported too', async () => {
    const found = await mistakes(() =>
      pipeline('p', {}, (p) => {
        p.forEach('each', 'not a list' as never, (p) => void p.task('t', extract, { date: 1 as never }));
      }),
    );
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^pipeline "p" > loop "each" > items: loop items must be a list/);
    expect(found[1]).toMatch(/^pipeline "p" > task "t" > input "date": expected string/);
  });

  it('GIVEN a mistake in a condition and one inside its branch WHEN collected THEN both are reported', async () => {
    const found = await mistakes(() =>
      pipeline('p', {}, (p) => {
        const e = p.task('extract', extract, { date: 'x' });
        p.when(
          eq(e.outputs.rows, 'many' as never),
          (p) => void p.task('t', train, { dataset: e.outputs.table } as never),
        );
      }),
    );
    expect(found).toEqual([
      'condition: cannot compare a number with a string (got ["a number reference","many"]). Compare values of the same type.',
      'pipeline "p" > task "t" > input "learningRate": required input is missing (got undefined). Pass learningRate: <float>.',
    ]);
  });

  it('GIVEN a misspelt argument name WHEN bound THEN it is one mistake with the name it was meant for, not also a missing input', async () => {
    const found = await mistakes(() =>
      pipeline('p', {}, (p) => {
        const e = p.task('extract', extract, { date: 'x' });
        p.task('train', train, { datset: e.outputs.table, learningRate: 0.1 } as never);
      }),
    );
    expect(found).toEqual([
      'pipeline "p" > task "train" > input "datset": component "train" has no input "datset" (got extract.outputs.table). Did you mean "dataset"?',
    ]);
  });
});
