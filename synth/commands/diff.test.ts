import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../../test/golden.ts';
import { ROOT } from '../../test/shared-dir.ts';
import { UsageError } from '../load-app.ts';
import { runDiff } from './diff.ts';
import { captureIO as capture } from '../../test/capture-io.ts';

const BROKEN_WIRING = resolve(ROOT, 'test/fixtures/projects/broken-wiring.ts');

function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
}

const vs = (canary: number): string => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ranker, namespace: ml}
spec:
  hosts: [ranker]
  http:
  - name: primary
    route:
    - destination: {host: ranker-stable}
      weight: ${100 - canary}
    - destination: {host: ranker-canary}
      weight: ${canary}
`;
const isvc = (uri: string): string => `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: ranker, namespace: ml}
spec:
  predictor:
    model: {modelFormat: {name: xgboost}, storageUri: ${uri}}
`;
const wft = (tag: string, script: string): string => `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata: {name: train, namespace: ml}
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      tasks:
      - {name: fit, template: fit}
  - name: fit
    script:
      image: ghcr.io/acme/train:${tag}
      source: |
${script
  .split('\n')
  .map((l) => `        ${l}`)
  .join('\n')}
`;
const cron = (s: string): string => `apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata: {name: train-weekly, namespace: ml}
spec:
  schedules: ['${s}']
  workflowSpec: {workflowTemplateRef: {name: train}}
`;
const ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: trainer, namespace: ml}
rules:
- apiGroups: [argoproj.io]
  resources: [workflows]
  verbs: [create, get]
`;
const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: old-settings, namespace: ml}\ndata: {a: b}\n';

function craftedTrees(): { before: string; after: string } {
  const root = mkdtempSync(join(tmpdir(), 'argosy-diff-'));
  write(join(root, 'before'), {
    'staging/ranking/virtualservice.ranker.yaml': vs(0),
    'staging/ranking/inferenceservice.ranker.yaml': isvc('gs://models/ranker/v7'),
    'staging/ranking/workflowtemplate.train.yaml': wft('1.4.0', 'import model\nmodel.fit(epochs=10)\nmodel.save()'),
    'staging/ranking/cronworkflow.train-weekly.yaml': cron('0 3 * * 1'),
    'staging/ranking/configmap.old-settings.yaml': CM,
  });
  write(join(root, 'after'), {
    'staging/ranking/virtualservice.ranker.yaml': vs(10),
    'staging/ranking/inferenceservice.ranker.yaml': isvc('gs://models/ranker/v8'),
    'staging/ranking/workflowtemplate.train.yaml': wft('1.5.0', 'import model\nmodel.fit(epochs=20)\nmodel.save()'),
    'staging/ranking/cronworkflow.train-weekly.yaml': cron('0 3 * * *'),
    'staging/ranking/role.trainer.yaml': ROLE,
  });
  return { before: join(root, 'before'), after: join(root, 'after') };
}

describe('argosy diff on two directories', () => {
  it('GIVEN crafted before/after trees WHEN diffed as markdown THEN the PR comment lists objects, fields and risks', async () => {
    const { before, after } = craftedTrees();
    const io = capture();
    expect(await runDiff([before, after], { format: 'markdown' }, io)).toBe(1);
    expectGolden(
      'diff/crafted.md',
      `${io.lines.join('\n').replace(/Argosy diff .* → .*?:/, 'Argosy diff before → after:')}\n`,
    );
  });

  it('GIVEN crafted before/after trees WHEN diffed as text THEN changes and risks are listed for the terminal', async () => {
    const { before, after } = craftedTrees();
    const io = capture();
    expect(await runDiff([before, after], { format: 'text' }, io)).toBe(1);
    expectGolden('diff/crafted.txt', `${io.lines.join('\n')}\n`);
  });

  it('GIVEN two equal trees WHEN diffed THEN it exits 0 and says so', async () => {
    const { before } = craftedTrees();
    const io = capture();
    expect(await runDiff([before, before], { format: 'markdown' }, io)).toBe(0);
    expect(io.lines.join('\n')).toContain('No changes to the synthesized manifests.');
  });

  it('GIVEN one directory WHEN diffed THEN it is a usage error', async () => {
    const io = capture();
    expect(await runDiff(['a'], {}, io)).toBe(2);
  });

  it('GIVEN --output and --full-output WHEN the trees differ THEN the capped comment and the full diff are written and stdout stays empty', async () => {
    const { before, after } = craftedTrees();
    const io = capture();
    const out = join(before, '..', 'comment.md');
    const full = join(before, '..', 'full.md');
    expect(
      await runDiff([before, after], { format: 'markdown', output: out, fullOutput: full, maxChars: 1_500 }, io),
    ).toBe(1);
    expect(io.lines).toEqual([]);
    expect(readFileSync(out, 'utf8').length).toBeLessThanOrEqual(1_500);
    expect(readFileSync(out, 'utf8')).toContain('more objects not shown');
    expect(readFileSync(full, 'utf8')).not.toContain('not shown');
    expect(readFileSync(full, 'utf8')).toContain('<details>');
  });

  it('GIVEN an --output path that cannot be written WHEN diffed THEN it is trouble (exit 2) naming the file, and no temporary file is left', async () => {
    const { before, after } = craftedTrees();
    const out = join(before, '..', 'taken');
    mkdirSync(out);
    writeFileSync(join(out, 'keep'), 'x');
    const io = capture();
    expect(await runDiff([before, after], { format: 'markdown', output: out }, io)).toBe(2);
    expect(io.errs).toHaveLength(1);
    expect(io.errs[0]).toContain(`✗ ${out}: could not write the diff (got `);
    expect(io.errs[0]).toMatch(/\)\. Pass a writable --output\/--full-output path\.$/);
    expect(readdirSync(join(out, '..')).filter((f) => f.includes('argosy-tmp'))).toEqual([]);
  });

  it('GIVEN a directory holding broken YAML WHEN diffed THEN it is trouble (exit 2), not a difference', async () => {
    const { before, after } = craftedTrees();
    writeFileSync(join(after, 'broken.yaml'), 'a: [1,\n');
    const io = capture();
    const out = join(before, '..', 'comment.md');
    expect(await runDiff([before, after], { format: 'markdown', output: out }, io)).toBe(2);
    expect(io.errs.join('\n')).toContain('broken.yaml: not valid YAML');
    expect(existsSync(out)).toBe(false);
  });
});

describe('argosy diff against a git ref', () => {
  const gitIn = (cwd: string, ...args: string[]): void => {
    const r = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
      cwd,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(r.stderr);
  };

  /** A git repository holding `files` in one commit (and whatever `prepare` copies in first). */
  const committedRepo = (files: Record<string, string>, prepare: (repo: string) => void = () => undefined): string => {
    const repo = mkdtempSync(join(tmpdir(), 'argosy-repo-'));
    gitIn(repo, 'init', '-q');
    prepare(repo);
    write(repo, files);
    gitIn(repo, 'add', '.');
    gitIn(repo, 'commit', '-qm', 'base');
    return repo;
  };

  it('GIVEN a repository whose base commit differs WHEN diffed with --base THEN the base is built in a temporary worktree and removed after', async () => {
    const { before, after } = craftedTrees();
    const repo = committedRepo({ 'project/app.ts': 'export default 1;\n' }, (r) =>
      cpSync(before, join(r, 'project', 'manifests'), { recursive: true }),
    );
    const seen: string[] = [];
    // Stand-ins for the two synth runs: the base copies its committed manifests, the working tree is `after`.
    const io = capture();
    const code = await runDiff(
      [],
      {
        base: 'HEAD',
        app: 'app.ts',
        format: 'text',
        synthesizeCheckout: (projectDir, out) => {
          seen.push(projectDir);
          cpSync(join(projectDir, 'manifests'), out, { recursive: true });
        },
        synthesizeWorkingTree: () => after,
      },
      io,
      join(repo, 'project'),
    );
    expect(io.errs).toEqual([
      '  synthesizing HEAD in a temporary git worktree...',
      '  synthesizing the working tree...',
    ]);
    expect(code).toBe(1);
    expect(seen[0]).toMatch(/argosy-diff-.*base[/\\]project$/);
    expect(io.lines.at(-1)).toBe('1 added, 1 removed, 4 changed');
    const worktrees = spawnSync('git', ['worktree', 'list'], { cwd: repo, encoding: 'utf8' }).stdout.trim().split('\n');
    expect(worktrees).toHaveLength(1);
  });

  it('GIVEN a working tree that does not synthesize (broken wiring) WHEN diffed THEN it exits 2 with the reason and writes no comment file', async () => {
    const repo = committedRepo({ 'README.md': 'x\n' });
    const io = capture();
    const out = join(repo, 'argosy-diff.md');
    const code = await runDiff(
      [],
      { base: 'HEAD', app: BROKEN_WIRING, format: 'markdown', output: out, synthesizeCheckout: () => undefined },
      io,
      repo,
    );
    expect(code).toBe(2);
    expect(io.lines).toEqual([]);
    expect(io.errs.join('\n')).toContain('the working tree does not synthesize');
    expect(io.errs.join('\n')).toContain('retrain');
    expect(existsSync(out)).toBe(false);
  });

  it('GIVEN a base revision that does not synthesize WHEN diffed THEN it exits 2, not 1', async () => {
    const { after } = craftedTrees();
    const repo = committedRepo({ 'app.ts': 'export default 1;\n' });
    const io = capture();
    const failing = (): void => {
      throw new UsageError(
        'the base revision does not synthesize (got exit 1: boom). Diff against a ref that synthesizes, or fix it there',
      );
    };
    expect(
      await runDiff(
        [],
        { base: 'HEAD', app: 'app.ts', synthesizeCheckout: failing, synthesizeWorkingTree: () => after },
        io,
        repo,
      ),
    ).toBe(2);
    expect(io.errs.join('\n')).toContain('the base revision does not synthesize');
    expect(io.lines).toEqual([]);
  });

  it('GIVEN a ref that does not exist WHEN diffed THEN it is a usage error naming the ref, before any progress is printed', async () => {
    const repo = committedRepo({ 'app.ts': 'export default 1;\n' });
    const io = capture();
    let synthesized = false;
    expect(
      await runDiff(
        [],
        {
          base: 'no-such-ref',
          app: 'app.ts',
          synthesizeCheckout: () => {
            synthesized = true;
          },
          synthesizeWorkingTree: () => repo,
        },
        io,
        repo,
      ),
    ).toBe(2);
    expect(io.errs).toEqual([
      '✗ --base no-such-ref: no such commit in this repository (got "no-such-ref"). Pass a branch, tag or commit that exists, e.g. --base origin/main (git fetch it first if it is remote).',
      '✗ argosy diff could not compare the trees (exit 2); nothing was written.',
    ]);
    expect(io.lines).toEqual([]);
    expect(synthesized).toBe(false);
  });

  it('GIVEN a directory outside any git checkout WHEN diffed against a ref THEN it is a usage error suggesting two directories', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'argosy-nogit-'));
    const io = capture();
    // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temporary directory.
    const ceiling = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = tmpdir();
    try {
      expect(await runDiff([], { base: 'HEAD', app: 'app.ts', synthesizeWorkingTree: () => dir }, io, dir)).toBe(2);
    } finally {
      if (ceiling === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = ceiling;
    }
    expect(io.errs[0]).toMatch(
      /^✗ .*argosy-nogit-\w+: not inside a git checkout \(got .*not a git repository.*\)\. Run argosy diff inside a git checkout, or pass two directories to compare\.$/,
    );
    expect(io.errs).toHaveLength(2);
  });
});
