import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIO as capture } from '../../test/capture-io.ts';
import { ROOT } from '../../test/shared-dir.ts';
import { ARGOSY_VERSION } from '../version.ts';
import { runCheck } from './check.ts';
import { runInit } from './init.ts';

const made: string[] = [];
const tmp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'argosy-init-'));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('argosy init', () => {
  it('GIVEN an empty directory WHEN init runs THEN it writes the scaffold, named after the directory, depending on this argosy', () => {
    const dir = join(tmp(), 'Churn Model');
    const io = capture();
    expect(runInit(dir, {}, io)).toBe(0);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({
      name: 'churn-model',
      type: 'module',
      argosy: { app: 'pipelines/index.ts' },
      dependencies: { argosy: `^${ARGOSY_VERSION}` },
    });
    expect(readdirSync(join(dir, 'components', 'scripts'))).toEqual(['train.py']);
    expect(readFileSync(join(dir, 'pipelines', 'index.ts'), 'utf8')).toContain("project('churn-model'");
    expect(readFileSync(join(dir, '.github', 'workflows', 'argosy.yml'), 'utf8')).toContain('argosy diff --base');
    expect(io.lines.at(-5)).toBe(`✓ created an Argosy project in ${dir}. Next:`);
  });

  it('GIVEN one of its files exists WHEN init runs THEN exit 2 naming it and nothing is written; --force overwrites', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'package.json'), '{"name":"mine"}\n');
    const io = capture();
    expect(runInit(dir, {}, io)).toBe(2);
    expect(io.errs).toEqual([
      `✗ ${join(dir, 'package.json')}: already exists (got 1 of the 11 files argosy init writes: package.json). Run argosy init in an empty directory, or pass --force to overwrite them.`,
    ]);
    expect(readdirSync(dir)).toEqual(['package.json']);
    expect(runInit(dir, { force: true }, capture())).toBe(0);
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toContain('"argosy"');
  });
});

describe('argosy check', () => {
  /** A project directory whose TypeScript is this repository's (linked, as npm would install it). */
  const project = (files: Record<string, string>): string => {
    const dir = tmp();
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(resolve(ROOT, 'node_modules', 'typescript'), join(dir, 'node_modules', 'typescript'), 'dir');
    for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
    return dir;
  };
  const tsconfig = (files: string[]) =>
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: 'NodeNext',
        allowImportingTsExtensions: true,
        skipLibCheck: true,
        types: [],
      },
      files,
    });

  it('GIVEN a type error WHEN checked THEN tsc prints it unchanged and check exits 1', async () => {
    const dir = project({
      'package.json': '{}',
      'tsconfig.json': tsconfig(['a.ts']),
      'a.ts': "export const n: number = 'one';\n",
    });
    const io = capture();
    expect(await runCheck({}, io, dir)).toBe(1);
    expect(io.errs[0]).toBe("a.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.");
    expect(io.errs.at(-1)).toBe('✗ type errors: tsc -p tsconfig.json exited 2. Fix them, then check again.');
  });

  it('GIVEN a project that type-checks but miswires at run time WHEN checked THEN the DSL error is printed as argosy synth prints it', async () => {
    const fixture = resolve(ROOT, 'test/fixtures/projects/broken-wiring.ts');
    const dir = project({ 'package.json': '{}', 'tsconfig.json': tsconfig([fixture]) });
    const io = capture();
    expect(await runCheck({ app: fixture }, io, dir)).toBe(1);
    expect(io.errs.join('\n')).toMatch(/task "retrain" > input "dataset": expected artifact Dataset \(got "Model"\)/);
  });

  it('GIVEN no tsconfig or no TypeScript in the project THEN exit 2 with the fix', async () => {
    const io = capture();
    expect(await runCheck({}, io, tmp())).toBe(2);
    expect(io.errs[0]).toMatch(/^✗ tsconfig.json: not found .*pass --project <tsconfig>\.$/);
    const bare = tmp();
    writeFileSync(join(bare, 'tsconfig.json'), '{}');
    const io2 = capture();
    expect(await runCheck({}, io2, bare)).toBe(2);
    expect(io2.errs[0]).toBe(
      '✗ typescript: not installed in this project (got no typescript/bin/tsc). Run npm install --save-dev typescript.',
    );
  });
});
