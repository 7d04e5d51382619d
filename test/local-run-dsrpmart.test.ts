import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TaskIR } from '../dsl/ir/index.ts';
import { discountTraining } from '../pipelines/discounts/discount-training.ts';
import { ctrDrift } from '../pipelines/recommended-categories/ctr-drift.ts';
import { ctrTraining } from '../pipelines/recommended-categories/ctr-training.ts';
import { queryDrift } from '../pipelines/search/query-drift.ts';
import { runLocal, type LocalRunRecord, type LocalRunOptions } from '../synth/local/index.ts';
import { python } from './python.ts';
import { ROOT } from './shared-dir.ts';

// The DSRPMart pipelines run locally end to end: their script components (drift check, champion
// gate, backtest) for real under python3 with numpy/scipy, on small seeded CSV data. Steps that
// need a warehouse, a trainer image or a registry run the stand-in fake_step.py through the
// runner's local-command override, with the same INPUT_*/OUTPUT_* environment.
const FAKE = resolve(ROOT, 'test', 'fixtures', 'local-run', 'fake_step.py');
const fake = (...args: (string | number)[]): string[] => [python(), FAKE, ...args.map(String)];

function options(extra: Partial<LocalRunOptions> = {}): LocalRunOptions {
  const root = mkdtempSync(join(tmpdir(), 'argosy-dsrpmart-'));
  return {
    workdir: join(root, 'run'),
    cacheDir: join(root, 'cache'),
    python: python(),
    values: { 'configMap:mlflow/tracking-uri': 'http://mlflow.invalid' },
    ...extra,
  };
}

const step = (record: LocalRunRecord, path: string) => record.tasks.find((t) => t.path === path);
const param = (record: LocalRunRecord, path: string, output: string): string | undefined => {
  const o = step(record, path)?.outputs[output];
  return o?.kind === 'param' ? o.value : undefined;
};
const artifactText = (record: LocalRunRecord, path: string, output: string): string => {
  const o = step(record, path)?.outputs[output];
  if (o?.kind !== 'artifact') throw new Error(`${path}.${output} is not an artifact`);
  return readFileSync(o.path, 'utf8');
};

/** The two-sample Kolmogorov-Smirnov distance, computed here to check the script's. */
function ksDistance(a: number[], b: number[]): number {
  const xs = [...new Set([...a, ...b])].sort((x, y) => x - y);
  const sa = [...a].sort((x, y) => x - y);
  const sb = [...b].sort((x, y) => x - y);
  const cdf = (s: number[], x: number): number => {
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((s[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo / s.length;
  };
  return Math.max(...xs.map((x) => Math.abs(cdf(sa, x) - cdf(sb, x))));
}

const column = (csv: string, name: string): number[] => {
  const [header, ...rows] = csv.trim().split('\n');
  const i = (header as string).split(',').indexOf(name);
  return rows.map((r) => Number(r.split(',')[i]));
};

describe('DSRPMart pipelines run locally', () => {
  it('GIVEN ctr-drift on a shifted current window WHEN it runs THEN the drift check reports PSI, JS and KS per feature, flags the shifted ones and retraining is decided by the condition', async () => {
    if (!ctrDrift.retrains) throw new Error('ctr-drift retrains');
    const check = ctrDrift.pipeline.ir.body.find((n): n is TaskIR => n.kind === 'task' && n.id === 'check');
    const features = check?.args.features;
    if (features?.kind !== 'literal') throw new Error('the features are a literal');
    const numeric = (features.value as { numeric: string[] }).numeric;
    const shifted = numeric.slice(0, Math.ceil(numeric.length / 2));
    const { ok, record } = await runLocal(
      ctrDrift.pipeline,
      { snapshotDate: '2026-01-31', autoRetrain: false, championVersion: '', gitopsEnvironment: 'staging' },
      options({
        commands: {
          'extract-reference': fake('table', 1, numeric.join(',')),
          'extract-current': fake('table', 2, numeric.join(','), shifted.join(',')),
        },
      }),
    );
    expect(ok, JSON.stringify(record.tasks, null, 2)).toBe(true);
    const report = JSON.parse(artifactText(record, 'check', 'report')) as {
      score: number;
      drifted: boolean;
      drifted_features: string[];
      features: { feature: string; drifted: boolean; statistics: Record<string, number> }[];
    };
    expect(report.drifted_features.sort()).toEqual([...shifted].sort());
    expect(report.score).toBeCloseTo(shifted.length / numeric.length, 12);
    expect(param(record, 'check', 'drifted')).toBe('true');
    for (const f of report.features) {
      expect(Object.keys(f.statistics)).toEqual(expect.arrayContaining(['psi', 'js', 'ks']));
      expect(f.drifted).toBe(shifted.includes(f.feature));
    }
    // The KS distance the script reports is the one of the data the extract steps wrote.
    const first = numeric[0] as string;
    const ks = report.features.find((f) => f.feature === first)?.statistics.ks;
    const ref = column(artifactText(record, 'extract-reference', 'table'), first);
    const cur = column(artifactText(record, 'extract-current', 'table'), first);
    expect(ks).toBeCloseTo(ksDistance(ref, cur), 9);
    expect(artifactText(record, 'check', 'metrics')).toContain('argosy_drift_score{model="ctr-categories"}');
    // autoRetrain=false: the retraining submit is skipped by its condition, not attempted.
    expect(step(record, 'retrain')?.status).toBe('Skipped');
  });

  it('GIVEN search-drift with one numeric and one categorical feature shifted THEN the chi-square test flags the category and the score stays under the threshold', async () => {
    if (queryDrift.retrains) throw new Error('search-drift only alerts');
    const columns = ['query_length', 'token_count', 'result_count', 'top_score', 'cat:language', 'cat:top_category'];
    const { ok, record } = await runLocal(
      queryDrift.pipeline,
      { snapshotDate: '2026-01-31' },
      options({
        commands: {
          'extract-reference': fake('table', 11, columns.join(',')),
          'extract-current': fake('table', 12, columns.join(','), 'query_length,language'),
        },
      }),
    );
    expect(ok, JSON.stringify(record.tasks, null, 2)).toBe(true);
    const report = JSON.parse(artifactText(record, 'check', 'report')) as {
      score: number;
      features: { feature: string; drifted: boolean; statistics: Record<string, number> }[];
    };
    const language = report.features.find((f) => f.feature === 'language');
    expect(Object.keys(language?.statistics ?? {}).sort()).toEqual(['chi2', 'chi2_pvalue', 'cramers_v', 'js', 'psi']);
    expect(language?.statistics.chi2_pvalue).toBeLessThan(1e-6);
    expect(
      report.features
        .filter((f) => f.drifted)
        .map((f) => f.feature)
        .sort(),
    ).toEqual(['language', 'query_length']);
    // 2 of 6 features: 0.333 is not above the 0.34 alert threshold.
    expect(report.score).toBeCloseTo(2 / 6, 12);
    expect(param(record, 'check', 'drifted')).toBe('false');
  });

  it('GIVEN discount-training WHEN the challenger is weak THEN the champion gate says no and register/promote are skipped; WHEN strong THEN they run', async () => {
    const args = { snapshotDate: '2026-01-31', championVersion: '', gitopsEnvironment: 'staging' as const };
    const root = mkdtempSync(join(tmpdir(), 'argosy-promote-'));
    const calls = join(root, 'calls.jsonl');
    const commands = (quality: number) => ({
      'extract-history': fake('table', 3, 'x'),
      'extract-holdout': fake('table', 4, 'x'),
      train: fake('predictions', 5, quality),
      register: fake('record', calls),
      promote: fake('record', calls),
    });
    const weak = await runLocal(discountTraining, args, options({ commands: commands(0) }));
    expect(weak.ok, JSON.stringify(weak.record.tasks, null, 2)).toBe(true);
    expect(param(weak.record, 'champion-gate', 'promote')).toBe('false');
    expect(Number(param(weak.record, 'champion-gate', 'challengerScore'))).toBeLessThan(0.65);
    expect(['register', 'promote'].map((s) => step(weak.record, s)?.status)).toEqual(['Skipped', 'Skipped']);
    const backtest = JSON.parse(artifactText(weak.record, 'backtest', 'report')) as {
      windows: unknown[];
      metric: string;
    };
    expect(backtest).toMatchObject({ metric: 'auc' });
    expect(backtest.windows).toHaveLength(4);

    const strong = await runLocal(discountTraining, args, options({ commands: commands(1.5) }));
    expect(strong.ok, JSON.stringify(strong.record.tasks, null, 2)).toBe(true);
    expect(param(strong.record, 'champion-gate', 'promote')).toBe('true');
    expect(Number(param(strong.record, 'backtest', 'worstScore'))).toBeGreaterThanOrEqual(0.62);
    expect(['register', 'promote'].map((s) => step(strong.record, s)?.status)).toEqual(['Succeeded', 'Succeeded']);
    const recorded = readFileSync(calls, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(recorded.find((r) => 'INPUT_SCORE' in r)?.INPUT_SCORE).toBe(
      param(strong.record, 'champion-gate', 'challengerScore'),
    );
    expect(JSON.parse(artifactText(strong.record, 'champion-gate', 'report'))).toMatchObject({
      metric: 'auc',
      promote: true,
      champion: null,
    });
  });

  it('GIVEN ctr-training run twice with the same inputs THEN the second run reuses every step from the cache', async () => {
    const first = options({
      commands: {
        extract: fake('table', 6, 'x'),
        features: fake('record', '/dev/null'),
        train: fake('predictions', 8, 0),
        // In the branch the gate closes; a run must be able to take every branch, so they are given too.
        'load-training-snapshot': fake('record', '/dev/null'),
        register: fake('record', '/dev/null'),
        promote: fake('record', '/dev/null'),
      },
    });
    const args = { snapshotDate: '2026-01-31', championVersion: '', gitopsEnvironment: 'production' as const };
    const one = await runLocal(ctrTraining, args, first);
    expect(one.ok, JSON.stringify(one.record.tasks, null, 2)).toBe(true);
    expect(param(one.record, 'evaluate', 'promote')).toBe('false');
    const two = await runLocal(ctrTraining, args, { ...first, workdir: `${first.workdir}-again` });
    const ran = two.record.tasks.filter((t) => t.status === 'Succeeded');
    expect(ran.map((t) => t.path).sort()).toEqual(['evaluate', 'extract', 'features', 'train']);
    expect(ran.every((t) => t.cached)).toBe(true);
    expect(param(two.record, 'evaluate', 'challengerScore')).toBe(param(one.record, 'evaluate', 'challengerScore'));
  });

  it('GIVEN a DSRPMart pipeline with warehouse steps and no container runtime nor local command THEN it fails before starting, listing them', async () => {
    await expect(
      runLocal(
        discountTraining,
        { snapshotDate: '2026-01-31', championVersion: '', gitopsEnvironment: 'staging' },
        options({ containerRuntime: 'none' }),
      ),
    ).rejects.toThrow(
      /no container runtime answers[^]*extract-history \(component warehouse-extract[^]*extract-holdout[^]*train \(component train-sklearn/,
    );
  });
});
