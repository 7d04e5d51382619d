import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureIO as capture } from '../../test/capture-io.ts';
import { ROOT } from '../../test/shared-dir.ts';
import { runDiff } from './diff.ts';

const BIN = resolve(ROOT, 'synth/bin.mjs');
const DSL = pathToFileURL(resolve(ROOT, 'dsl/index.ts')).href;

/** A one-app project on this repository's DSL: a scheduled pipeline whose image tag and schedule hour vary. */
const app = (tag: string, hour: number, extra = ''): string => `
import { app, component, cron, environment, param, pipeline, project, schedule } from '${DSL}';
const say = component('say', { image: 'busybox:${tag}', inputs: { text: param.string() }, outputs: {}, command: (io) => ['echo', io.inputs.text], resources: { cpu: '100m', memory: '64Mi' } });
const hello = pipeline('hello', {}, (p) => { p.task('say', say, { text: 'hi' }); });
${extra}
export default project('e2e', {
  environments: [environment('dev', { namespace: 'dev' })],
  apps: [app('greetings', { schedules: [schedule(hello, { cron: cron.daily({ hour: ${hour} }) })]${extra ? ', pipelines: [bye]' : ''} })],
});
`;

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync(
    'git',
    ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args],
    { cwd, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
}

/**
 * A git repository holding the project at its base commit. Its `synth/bin.mjs` forwards to this
 * repository's CLI, so the base revision is synthesized the real way: a worktree, a child process.
 */
function repoWithBase(base: string): string {
  const repo = mkdtempSync(join(tmpdir(), 'argosy-e2e-'));
  mkdirSync(join(repo, 'synth'));
  writeFileSync(join(repo, 'synth', 'bin.mjs'), `await import(${JSON.stringify(pathToFileURL(BIN).href)});\n`);
  // The project's TypeScript is ESM, as in any Argosy project.
  writeFileSync(join(repo, 'package.json'), '{ "private": true, "type": "module" }\n');
  writeFileSync(join(repo, 'app.ts'), base);
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'base');
  return repo;
}

describe('argosy diff --base through the real base synthesis (end to end)', () => {
  // The command runs in-process; the base revision is synthesized by its own CLI in a child process.
  it('GIVEN a committed project and a changed working tree WHEN diffed against HEAD THEN it lists the object-level changes and exits 1; the worktree is gone after', async () => {
    const repo = repoWithBase(app('1.36', 6));
    writeFileSync(
      join(repo, 'app.ts'),
      app('1.37', 7, "const bye = pipeline('bye', {}, (p) => { p.task('say', say, { text: 'bye' }); });"),
    );
    const io = capture();
    const code = await runDiff([], { base: 'HEAD', app: 'app.ts' }, io, repo);
    expect(io.errs).toEqual([
      '  synthesizing HEAD in a temporary git worktree...',
      '  synthesizing the working tree...',
    ]);
    expect(code).toBe(1);
    expect(io.lines).toContain('+ dev/greetings: WorkflowTemplate bye');
    expect(io.lines).toContain('~ dev/greetings: WorkflowTemplate hello');
    expect(io.lines).toContain('~ dev/greetings: CronWorkflow hello');
    expect(io.lines).toContain('    spec.templates[name=say].container.image: "busybox:1.36" → "busybox:1.37"');
    expect(io.lines.join('\n')).toMatch(
      /schedule +dev\/greetings: CronWorkflow hello spec\.schedules\[0\]: "0 6 \* \* \*" → "0 7 \* \* \*"/,
    );
    expect(io.lines.at(-1)).toBe('1 added, 0 removed, 2 changed');
    const worktrees = spawnSync('git', ['worktree', 'list'], { cwd: repo, encoding: 'utf8' }).stdout.trim().split('\n');
    expect(worktrees).toHaveLength(1);
  }, 60_000);

  it('GIVEN a base commit that does not synthesize WHEN diffed against it THEN it exits 2 and writes no comment file', async () => {
    const repo = repoWithBase(app('1.36', 6).replace("text: 'hi'", 'text: 42 as never'));
    writeFileSync(join(repo, 'app.ts'), app('1.36', 6));
    const io = capture();
    expect(
      await runDiff([], { base: 'HEAD', app: 'app.ts', format: 'markdown', output: 'argosy-diff.md' }, io, repo),
    ).toBe(2);
    expect(io.lines).toEqual([]);
    expect(io.errs.join('\n')).toContain('the base revision does not synthesize');
    expect(existsSync(join(repo, 'argosy-diff.md'))).toBe(false);
  }, 60_000);
});
