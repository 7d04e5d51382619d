import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, synth } from 'argosy/testing';
import { environment, project } from 'argosy';
import small from '../../test/fixtures/projects/small.ts';
import dsrpmart from '../../pipelines/index.ts';

describe('argosy/testing synth()', () => {
  it('GIVEN the small fixture WHEN synthesized in memory THEN its files are the ones argosy synth writes, and objects are found by kind and name', () => {
    const out = synth(small);
    expect([...out.files.keys()]).toEqual([
      'dev/greetings/cronworkflow.hello.yaml',
      'dev/greetings/workflowtemplate.hello.yaml',
    ]);
    const cron = out.find('CronWorkflow', 'hello');
    expect(cron.metadata?.namespace).toBe('dev');
    expect(out.findAll('CronWorkflow', { env: 'dev', app: 'greetings' })).toEqual([cron]);
    expect(out.findAll('CronWorkflow', { env: 'prod' })).toEqual([]);
  });

  it('GIVEN the reference project WHEN synthesized in memory THEN every file equals the committed dist/ tree', () => {
    const out = synth(dsrpmart);
    expect(out.files.size).toBeGreaterThan(100);
    for (const [path, content] of out.files) expect(readFileSync(join('dist', path), 'utf8'), path).toBe(content);
  });

  it('GIVEN a name that is missing or in several environments THEN find says what there is and how to pick', () => {
    const out = synth(dsrpmart);
    expect(() => out.find('CronWorkflow', 'nope', { env: 'staging', app: 'discounts' })).toThrow(
      /^CronWorkflow "nope": not found in env staging, app discounts \(got discount-drift-daily, .*\)\. Check the name and kind\.$/,
    );
    const name = out.findAll('CronWorkflow', { env: 'production', app: 'discounts' })[0]?.metadata?.name as string;
    expect(() => out.find('CronWorkflow', name)).toThrow(
      /2 objects match \(got production\/discounts\/.*, staging\/discounts\/.*\)\. Pass \{ env, app \}/,
    );
    expect(out.find('CronWorkflow', name, { env: 'production' }).kind).toBe('CronWorkflow');
  });

  it('GIVEN a project with a mistake WHEN built and synthesized in a test THEN it throws the error argosy synth prints', () => {
    const dev = (namespace: string) => environment('dev', { namespace });
    expect(() => synth(project('x', { environments: [dev('dev'), dev('dev2')], apps: small.apps }))).toThrow(
      'project "x" > environments: two environments are named "dev" (got "dev"). Give every environment a unique name.',
    );
  });
});

describe('argosy/testing expectGolden()', () => {
  const dir = mkdtempSync(join(tmpdir(), 'argosy-testing-'));

  it('GIVEN the update flag WHEN called THEN it writes the file; without it, equal text passes', () => {
    const file = join(dir, 'sub', 'a.yaml');
    expectGolden(file, 'a: 1\n', { ARGOSY_UPDATE_GOLDEN: '1' });
    expect(readFileSync(file, 'utf8')).toBe('a: 1\n');
    expect(() => expectGolden(file, 'a: 1\n', {})).not.toThrow();
  });

  it('GIVEN different text or no file THEN it fails naming the first differing line and the flag', () => {
    const file = join(dir, 'b.yaml');
    writeFileSync(file, 'a: 1\nb: 2\n');
    expect(() => expectGolden(file, 'a: 1\nb: 3\n', {})).toThrow(
      `${file}:2: differs from the golden file (got "b: 3", expected "b: 2"). If intended, run the tests with ARGOSY_UPDATE_GOLDEN=1 and review the diff.`,
    );
    expect(() => expectGolden(file, 'a: 1\n', {})).toThrow(/:3: differs .*got "<end of output>"|:2: differs/);
    expect(() => expectGolden(join(dir, 'none.yaml'), 'x', {})).toThrow(
      /golden file missing\. Run the tests with ARGOSY_UPDATE_GOLDEN=1/,
    );
  });
});
