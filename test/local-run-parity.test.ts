import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipelineWorkflowSpec } from '../charts/argo-workflows/workflow-template.ts';
import { DagDeps } from '../charts/argo-workflows/dag-deps.ts';
import { resolveProject } from '../dsl/index.ts';
import type { PipelineIR } from '../dsl/ir/index.ts';
import project from '../pipelines/index.ts';
import { discountTraining } from '../pipelines/discounts/discount-training.ts';
import { flattenBranches } from '../dsl/ir/conditions.ts';
import { entryDeps } from '../synth/local/dag.ts';
import { runLocal, type LocalEvent } from '../synth/local/index.ts';
import { python } from './python.ts';
import { ROOT } from './shared-dir.ts';

/** The task names an Argo `depends` expression waits for (`a && (b.Failed || c)` -> a, b, c). */
const dependsIds = (depends: string | undefined): string[] =>
  [...new Set((depends ?? '').match(/[A-Za-z0-9][A-Za-z0-9-]*(?=\.[A-Z]|\s|\)|$)/g) ?? [])].filter(
    (t) =>
      !['Succeeded', 'Failed', 'Errored', 'Skipped', 'Omitted', 'Daemoned', 'AnySucceeded', 'AllFailed'].includes(t),
  );

const pipelines = (): PipelineIR[] => {
  const seen = new Map<string, PipelineIR>();
  for (const env of resolveProject(project).environments)
    for (const app of env.apps) for (const p of app.pipelines) if (!seen.has(p.name)) seen.set(p.name, p);
  return [...seen.values()];
};

describe('local runs wait for what Argo waits for', () => {
  it.each(pipelines().map((p) => [p.name, p] as const))(
    'GIVEN DSRPMart pipeline %s THEN each top-level step waits locally for exactly the tasks of its Argo `depends`',
    (_name, p) => {
      const spec = pipelineWorkflowSpec(p);
      const entry = (spec.templates ?? []).find((t) => t.name === spec.entrypoint);
      const argo = new Map((entry?.dag?.tasks ?? []).map((t) => [t.name, dependsIds(t.depends).sort()]));
      const entries = flattenBranches(p.body);
      const local = new Set(entries.map((e) => e.node.id));
      const deps = new DagDeps(p);
      const mine = new Map(entries.map((e) => [e.node.id, entryDeps(deps, e, local).all.sort()]));
      expect(Object.fromEntries(mine)).toEqual(Object.fromEntries([...argo].filter(([name]) => mine.has(name))));
    },
  );

  it('GIVEN a local run of discount-training THEN no step started before every task its Argo `depends` names had ended', async () => {
    const spec = pipelineWorkflowSpec(discountTraining.ir);
    const entry = (spec.templates ?? []).find((t) => t.name === spec.entrypoint);
    const events: LocalEvent[] = [];
    const root = mkdtempSync(join(tmpdir(), 'argosy-parity-'));
    const fake = (...a: (string | number)[]) => [
      python(),
      join(ROOT, 'test/fixtures/local-run/fake_step.py'),
      ...a.map(String),
    ];
    const { ok } = await runLocal(
      discountTraining,
      { snapshotDate: '2026-01-31', championVersion: '', gitopsEnvironment: 'staging' },
      {
        workdir: join(root, 'run'),
        noCache: true,
        python: python(),
        values: { 'configMap:mlflow/tracking-uri': 'http://mlflow.invalid' },
        commands: {
          'extract-history': fake('table', 1, 'x'),
          'extract-holdout': fake('table', 2, 'x'),
          train: fake('predictions', 3, 1.5),
          register: fake('record', '/dev/null'),
          promote: fake('record', '/dev/null'),
        },
        onEvent: (e) => events.push(e),
      },
    );
    expect(ok).toBe(true);
    const at = (kind: LocalEvent['kind'], id: string) => events.findIndex((e) => e.kind === kind && e.task.path === id);
    let checked = 0;
    for (const task of entry?.dag?.tasks ?? []) {
      const started = at('start', task.name);
      if (started < 0) continue;
      for (const dep of dependsIds(task.depends)) {
        expect(at('end', dep), `${dep} ended before ${task.name} started`).toBeGreaterThanOrEqual(0);
        expect(at('end', dep)).toBeLessThan(started);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });
});
