import { spawnSync } from 'node:child_process';
import { ensureGoBinary } from './cache.ts';

/** argo-lint (test/peers/argo-lint): Argo Workflows' validation code, built once from the pinned module. */
export function argoLintBinary(): string {
  return ensureGoBinary({ module: 'test/peers/argo-lint', pkg: '.', name: 'argo-lint' });
}

export interface LintFinding {
  readonly file: string;
  readonly kind: string;
  readonly name: string;
  readonly message: string;
}

export interface LintReport {
  readonly files: number;
  readonly linted: number;
  readonly findings: readonly LintFinding[];
}

/** Runs argo-lint over paths (their templates resolve against each other only) and parses its JSON. */
export function argoLint(binary: string, paths: readonly string[], opts: { strict?: boolean } = {}): LintReport {
  const args = ['--format', 'json', ...(opts.strict === false ? ['--strict=false'] : []), ...paths];
  const r = spawnSync(binary, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`argo-lint ${paths.join(' ')} failed (exit ${r.status}): ${r.stderr || r.error?.message}`);
  return JSON.parse(r.stdout) as LintReport;
}

/** Argo's verdict for each case of ../shared/corpus/argo-validate (empty error: valid). */
export function argoCorpusVerdicts(binary: string, corpus: string): { file: string; opts: string; error: string }[] {
  const r = spawnSync(binary, ['--corpus', corpus], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`argo-lint --corpus ${corpus} failed (exit ${r.status}): ${r.stderr}`);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { file: string; opts: string; error: string });
}
