import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DslError } from '../dsl/errors.ts';
import { captureIO } from '../test/capture-io.ts';
import { ROOT } from '../test/shared-dir.ts';
import { runDiff } from './commands/diff.ts';
import { runGraph } from './commands/graph.ts';
import { runSynth } from './commands/synth.ts';
import { listErrors, MAX_LISTED, renderErrorList, userLocation } from './error-list.ts';

const MISTAKES = 'test/fixtures/mistakes/index.ts';

/** A DslError whose stack says it was made at `frames` (innermost first). */
function madeAt(path: string[], ...frames: string[]): DslError {
  const e = new DslError({ path, problem: 'is wrong', got: 1, fix: 'Fix it' });
  e.stack = [`DslError: ${e.message}`, ...frames.map((f) => `    at ${f}`)].join('\n');
  return e;
}

describe('where a mistake was made', () => {
  it("GIVEN a stack through Argosy's own code, installed packages and Node THEN the first frame of the user's code is the location", () => {
    const stack = [
      'DslError: x',
      `    at bindArtifact (${resolve(ROOT, 'dsl/pipeline/args.ts')}:97:11)`,
      `    at Scope.task (${pathToFileURL(resolve(ROOT, 'dsl/pipeline/scope.ts')).href}:102:14)`,
      '    at node:internal/modules/esm/module_job:123:5',
      `    at wrapped (${resolve(ROOT, 'node_modules/tsx/dist/x.mjs')}:1:1)`,
      `    at <anonymous> (${pathToFileURL(resolve(ROOT, 'pipelines/ctr.ts')).href}:12:5)`,
      `    at pipeline (${resolve(ROOT, 'dsl/pipeline/pipeline.ts')}:150:3)`,
      `    at ${resolve(ROOT, 'pipelines/ctr.ts')}:10:24`,
    ].join('\n');
    expect(userLocation(stack, ROOT)).toEqual({ file: 'pipelines/ctr.ts', line: 12 });
    expect(userLocation(stack, '/elsewhere')).toEqual({ file: resolve(ROOT, 'pipelines/ctr.ts'), line: 12 });
    expect(userLocation(`DslError: x\n    at f (${resolve(ROOT, 'dsl/errors.ts')}:1:1)`, ROOT)).toBeUndefined();
    expect(userLocation(undefined)).toBeUndefined();
  });

  it('GIVEN mistakes in any order THEN they are listed by file, then path, located ones first, each once', () => {
    const at = (file: string, line: number) => `f (${resolve(ROOT, file)}:${line}:1)`;
    const errors = [
      madeAt(['pipeline "b"'], at('pipelines/b.ts', 3)),
      madeAt(['environment "x"', 'app "y"']),
      madeAt(['pipeline "a" > task "z"'], at('pipelines/a.ts', 9)),
      madeAt(['pipeline "a"', 'task "c"'], at('pipelines/a.ts', 20)),
      madeAt(['pipeline "b"'], at('pipelines/b.ts', 3)),
      madeAt(['component "k"'], at('components/k.ts', 1)),
    ];
    expect(
      listErrors(errors, ROOT).map((e) => `${e.location?.file ?? '-'}:${e.location?.line ?? '-'} ${e.path}`),
    ).toEqual([
      'components/k.ts:1 component "k"',
      'pipelines/a.ts:20 pipeline "a" > task "c"',
      'pipelines/a.ts:9 pipeline "a" > task "z"',
      'pipelines/b.ts:3 pipeline "b"',
      '-:- environment "x" > app "y"',
    ]);
  });

  it(`GIVEN more than ${MAX_LISTED} mistakes THEN the first ${MAX_LISTED} are listed and the rest counted`, () => {
    const errors = Array.from({ length: MAX_LISTED + 12 }, (_, i) =>
      madeAt([`task "t${String(i).padStart(3, '0')}"`], `f (${resolve(ROOT, 'p.ts')}:${i + 1}:1)`),
    );
    const lines = renderErrorList(errors, ROOT);
    expect(lines).toHaveLength(MAX_LISTED + 2);
    expect(lines[0]).toBe('✗ p.ts:1: task "t000": is wrong (got 1). Fix it.');
    expect(lines.at(-2)).toBe('✗ ... and 12 more');
    expect(lines.at(-1)).toBe(`✗ ${MAX_LISTED + 12} mistakes in the project.`);
  });
});

describe('every command that builds the project lists all its mistakes', () => {
  const expected = async (): Promise<string[]> => {
    const io = captureIO();
    expect(
      await runSynth({ app: MISTAKES, out: join(mkdtempSync(join(tmpdir(), 'argosy-errors-')), 'dist') }, io),
    ).toBe(1);
    return io.errs;
  };

  it('GIVEN the project with seven mistakes WHEN synthesized twice THEN both runs list the same seven, in the same order', async () => {
    const first = await expected();
    expect(first).toHaveLength(8);
    expect(first.at(-1)).toBe('✗ 7 mistakes in the project.');
    // Each is `<file>:<line>: <path>: <problem> (got <value>). <fix>.` (a did-you-mean fix asks).
    for (const line of first.slice(0, -1))
      expect(line).toMatch(/^✗ [\w/.-]+\.ts:\d+: [^:]+: .+ \(got .+\)\. [A-Z].*[.?]$/);
    expect(new Set(first.slice(0, -1).map((l) => l.split(':')[0]))).toEqual(
      new Set([
        '✗ test/fixtures/mistakes/components.ts',
        '✗ test/fixtures/mistakes/index.ts',
        '✗ test/fixtures/mistakes/pipelines.ts',
      ]),
    );
    expect(await expected()).toEqual(first);
  });

  it('GIVEN the same project WHEN checked (synth --check) THEN the same list, exit 1', async () => {
    const io = captureIO();
    expect(await runSynth({ app: MISTAKES, out: 'dist', check: true }, io)).toBe(1);
    expect(io.errs).toEqual(await expected());
  });

  it('GIVEN the same project WHEN drawn (graph) THEN the same list, exit 1', async () => {
    const io = captureIO();
    expect(await runGraph('training', { app: MISTAKES }, io, ROOT)).toBe(1);
    expect(io.errs).toEqual(await expected());
  });

  it('GIVEN the same project as the working tree WHEN diffed THEN the same list, then why nothing was compared (exit 2)', async () => {
    // A repository of its own, so the base worktree is small; the project is the fixture, by absolute path.
    const repo = mkdtempSync(join(tmpdir(), 'argosy-errors-repo-'));
    writeFileSync(join(repo, 'README.md'), 'x\n');
    for (const args of [
      ['init', '-q'],
      ['add', '.'],
      ['commit', '-qm', 'base'],
    ])
      spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo });
    const io = captureIO();
    const app = resolve(ROOT, MISTAKES);
    const code = await runDiff([], { base: 'HEAD', app, synthesizeCheckout: () => undefined }, io, repo);
    expect(code).toBe(2);
    expect(io.errs.filter((l) => l.startsWith('✗ test/') || /mistakes in the project/.test(l))).toEqual(
      await expected(),
    );
    expect(io.errs.at(-1)).toBe('✗ argosy diff could not compare the trees (exit 2); nothing was written.');
  });
});
