import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as one from '../dsl/index.ts';
import { synthesize } from '../synth/engine.ts';
import { ROOT } from './shared-dir.ts';

/**
 * A user's tree can hold two copies of argosy (a project and a component library that each
 * installed one). The second copy here is the DSL module graph copied to a temporary directory
 * and imported from there: separate modules, separate classes, as two installs would be.
 */
type Dsl = typeof one;
let dir: string;
let two: Dsl;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'argosy-second-copy-'));
  cpSync(resolve(ROOT, 'dsl'), join(dir, 'dsl'), { recursive: true, filter: (f) => !/\.test(-d)?\.ts$/.test(f) });
  two = (await import(pathToFileURL(join(dir, 'dsl', 'index.ts')).href)) as Dsl;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The same small project, its components and one pipeline built by `lib`, the rest by `app`. */
function project(app: Dsl, lib: Dsl) {
  const extract = lib.component('extract', {
    image: 'ghcr.io/acme/extract:1.0.0',
    inputs: { date: lib.param.string() },
    outputs: { table: lib.artifact('Dataset'), rows: lib.param.int() },
    command: (io) => ['extract', io.inputs.date, io.outputs.table.path, io.outputs.rows.path],
  });
  const train = lib.component('train', {
    image: 'ghcr.io/acme/train:1.0.0',
    inputs: { dataset: lib.artifact('Dataset'), run: lib.param.string() },
    outputs: { model: lib.artifact('Model') },
    command: (io) => ['train', io.inputs.dataset.path, io.inputs.run, io.outputs.model.path],
  });
  const features = lib.pipeline('features', { params: { date: lib.param.string() } }, (p, params) => ({
    table: p.task('extract', extract, { date: params.date }).outputs.table,
  }));
  // The app's pipeline: params declared with the library's ports, refs, conditions and the
  // runtime value from the library's copy, components and a called pipeline from it too.
  const training = app.pipeline('training', { params: { date: lib.param.string() } }, (p, params) => {
    const f = p.subPipeline('features', features, { date: params.date });
    const e = p.task('extract', extract, { date: params.date });
    p.when(lib.gt(e.outputs.rows, 0), (p) => {
      p.task('train', train, { dataset: f.outputs.table, run: `${lib.runtime.workflowName}` });
    });
    p.task('train-anyway', train, { dataset: e.outputs.table, run: lib.runtime.workflowName }).after(e);
  });
  const weekly = lib.schedule(training, { cron: '0 3 * * 1', args: { date: lib.runtime.scheduledTime } });
  return app.project('two-copies', { apps: [app.app('ml', { pipelines: [training], schedules: [weekly] })] });
}

describe('two copies of argosy in one process', () => {
  it("GIVEN a second copy THEN its classes are not the first copy's (the test would prove nothing otherwise)", () => {
    expect(two.component).not.toBe(one.component);
    expect(two.ParamRef).not.toBe(one.ParamRef);
    expect(two.runtime.workflowName instanceof one.ParamRef).toBe(false);
  });

  it('GIVEN components, ports, refs, conditions and a pipeline from one copy WHEN another copy builds with them THEN the output is the same as from one copy', () => {
    const mixed = synthesize(project(one, two), { toolVersion: '0.1.0' }).files;
    const single = synthesize(project(one, one), { toolVersion: '0.1.0' }).files;
    expect(mixed.map((f) => f.path)).toEqual(single.map((f) => f.path));
    expect(mixed.map((f) => f.content)).toEqual(single.map((f) => f.content));
    expect(mixed.map((f) => f.path)).toEqual([
      'default/ml/cronworkflow.training.yaml',
      'default/ml/workflowtemplate.training.yaml',
    ]);
  });

  it("GIVEN a reference from a pipeline of the other copy WHEN used THEN it is still caught as another pipeline's", () => {
    let leaked: unknown;
    two.pipeline('other', { params: { x: two.param.string() } }, (p, params) => {
      leaked = params.x;
      p.task('noop', two.component('noop', { image: 'busybox:1.36', command: ['true'] }));
    });
    const echo = one.component('echo', {
      image: 'busybox:1.36',
      inputs: { text: one.param.string() },
      command: (io) => ['echo', io.inputs.text],
    });
    expect(() => one.pipeline('mine', {}, (p) => void p.task('a', echo, { text: leaked as string }))).toThrow(
      /input "text": reference belongs to a different pipeline/,
    );
  });

  it('GIVEN an error thrown by the other copy THEN instanceof DslError holds for both copies', () => {
    let caught: unknown;
    try {
      two.component('Bad Name', { image: 'busybox:1.36', command: ['true'] });
    } catch (e) {
      caught = e;
    }
    expect(caught instanceof one.DslError).toBe(true);
    expect(caught instanceof two.DslError).toBe(true);
    expect(new Error('x') instanceof one.DslError).toBe(false);
  });

  it('GIVEN Argo-native templates from the other copy WHEN a workflow of this copy runs them THEN they are collected like its own', () => {
    const leaf = two.argo.template('leaf', { container: { image: 'busybox:1.36', args: ['hi'] } });
    const main = one.argo.template('main', { steps: one.argo.steps((s) => void s.step('leaf', leaf)) });
    const wf = one.argo.workflow({ metadata: { generateName: 'mixed-' }, spec: { entrypoint: main } });
    expect(wf.ir.spec.templates?.map((t) => t.name)).toEqual(['main', 'leaf']);
  });
});
