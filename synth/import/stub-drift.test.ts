import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { captureIO } from '../../test/capture-io.ts';
import { runValidate, type ValidateCommandOptions } from '../commands/validate.ts';
import type { DocumentReport } from '../validate/finding.ts';
import { runStubs } from './import-command.ts';
import { stubRecords } from './stub-drift.ts';

const FIXTURE = 'test/fixtures/stubs/library.yaml';
/** Layers that have nothing to say about stubs, skipped so only drift findings remain. */
const ONLY_STUBS = ['schema', 'argo', 'policy', 'metadata', 'size'];

let dir: string;

beforeEach(async () => {
  // GIVEN the templates in lib/ and their stub in src/stubs/, as `argosy stubs --out` writes it
  dir = mkdtempSync(join(tmpdir(), 'argosy-stub-drift-'));
  mkdirSync(join(dir, 'lib'));
  copyFileSync(FIXTURE, join(dir, 'lib', 'library.yaml'));
  expect(await runStubs(['lib'], { out: 'src/stubs/library.ts', dsl: 'argosy/argo' }, captureIO(), dir)).toBe(0);
});

async function validate(
  opts: ValidateCommandOptions = {},
): Promise<{ code: number; drift: DocumentReport[]; errs: string[] }> {
  const io = captureIO();
  const code = await runValidate(['lib'], { stubs: ['src'], skip: ONLY_STUBS, format: 'json', ...opts }, io, dir);
  const out = io.lines.length ? (JSON.parse(io.lines.join('\n')) as { reports: DocumentReport[] }) : { reports: [] };
  return { code, drift: out.reports.filter((r) => r.findings.some((f) => f.rule === 'stubs/drift')), errs: io.errs };
}

const edit = (from: string, to: string): void => {
  const path = join(dir, 'lib', 'library.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
};

describe('argosy validate --stubs (drift from the YAML files)', () => {
  it('GIVEN a stub module WHEN its records are read THEN each stub gives kind, name, hash and the file relative to the module', () => {
    const records = stubRecords(readFileSync(join(dir, 'src/stubs/library.ts'), 'utf8'), 'src/stubs/library.ts');
    expect(records.map((r) => [r.kind, r.name, r.file, r.resourceVersion])).toEqual([
      ['ClusterWorkflowTemplate', 'notify', '../../lib/library.yaml', undefined],
      ['WorkflowTemplate', 'data-library', '../../lib/library.yaml', '4711'],
    ]);
    expect(records.every((r) => /^sha256:[0-9a-f]{64}$/.test(r.hash))).toBe(true);
  });

  it('GIVEN unchanged templates WHEN validated with --stubs THEN no drift and the summary counts the stubs', async () => {
    const r = await validate();
    expect(r.code).toBe(0);
    expect(r.drift).toEqual([]);
    expect(r.errs).toContain('  stubs: 2 in 1 module(s); 2 compared with their YAML files');
  });

  it('GIVEN a template whose default changed WHEN validated THEN a drift warning on that stub only, in the house format, exit 0', async () => {
    edit('default: info', 'default: debug');
    const r = await validate();
    expect(r.code).toBe(0);
    expect(r.drift).toHaveLength(1);
    expect(r.drift[0]).toMatchObject({
      file: 'src/stubs/library.ts',
      index: 1,
      kind: 'WorkflowTemplate',
      name: 'data-library',
    });
    expect(r.drift[0]!.findings).toEqual([
      {
        severity: 'warning',
        layer: 'stubs',
        rule: 'stubs/drift',
        path: 'source.hash',
        message: expect.stringMatching(
          /^WorkflowTemplate data-library in lib\/library\.yaml changed since the stub was generated \(got sha256:[0-9a-f]{12}…, the stub has sha256:[0-9a-f]{12}…\)\. Regenerate the stub with `argosy stubs` from the same sources, and fix the calls tsc then rejects$/,
        ),
      },
    ]);
  });

  it('GIVEN only comments, quoting and a resourceVersion changed WHEN validated THEN no drift (the spec is the same)', async () => {
    edit('resourceVersion: "4711"', 'resourceVersion: "9999"');
    edit('image: python:3.12', "image: 'python:3.12' # pinned later");
    expect((await validate()).drift).toEqual([]);
  });

  it('GIVEN the object or the file gone WHEN validated THEN a warning says which', async () => {
    edit('name: notify', 'name: notify-v2');
    expect((await validate()).drift[0]!.findings[0]!.message).toMatch(
      /^lib\/library\.yaml no longer holds ClusterWorkflowTemplate notify \(got no such object\)\./,
    );
    renameSync(join(dir, 'lib', 'library.yaml'), join(dir, 'lib', 'moved.yaml'));
    const r = await validate();
    expect(r.drift.map((d) => d.name)).toEqual(['notify', 'data-library']);
    expect(r.drift[0]!.findings[0]!.message).toMatch(
      /^the YAML the stub was generated from is gone \(got no file lib\/library\.yaml\)\./,
    );
  });

  it('GIVEN a drifted template WHEN --skip stubs or stubs/drift THEN no drift check runs', async () => {
    edit('default: info', 'default: debug');
    for (const skip of ['stubs', 'stubs/drift'])
      expect((await validate({ skip: [...ONLY_STUBS, skip] })).drift).toEqual([]);
  });

  it('GIVEN a drifted template WHEN validated as text THEN the warning is listed under the stub module', async () => {
    edit('default: info', 'default: debug');
    const io = captureIO();
    expect(await runValidate(['lib'], { stubs: ['src/stubs/library.ts'], skip: ONLY_STUBS }, io, dir)).toBe(0);
    const text = io.lines.join('\n');
    expect(text).toContain(
      'src/stubs/library.ts\n  WorkflowTemplate data-library (document 2)\n    warning stubs/drift source.hash: WorkflowTemplate data-library in lib/library.yaml changed',
    );
  });

  it('GIVEN misused flags WHEN validated THEN exit 2 with the fix', async () => {
    writeFileSync(join(dir, 'src', 'plain.ts'), 'export const x = 1;\n');
    const cases: [ValidateCommandOptions, RegExp][] = [
      [{ stubs: ['src/plain.ts'] }, /^✗ --stubs src\/plain\.ts: not a module written by `argosy stubs`/],
      [{ stubs: ['nope'] }, /^✗ --stubs nope: no such file or directory/],
      [{ stubs: [], cluster: true }, /^✗ --cluster: compares stubs with the cluster, and no --stubs were given/],
      [
        { context: 'prod' },
        /^✗ --context: only applies with --cluster \(got no --cluster\)\. Add --cluster, or drop it\.$/,
      ],
    ];
    for (const [opts, message] of cases) {
      const r = await validate(opts);
      expect(r.code).toBe(2);
      expect(r.errs.at(-1)).toMatch(message);
    }
  });
});
