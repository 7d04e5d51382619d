import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANDIDATE_COLUMNS, INTERACTION_FEATURES, WAREHOUSE_PARAMS } from '../components/index.ts';
import { resolveProject } from '../dsl/index.ts';
import type { PipelineIR } from '../dsl/ir/index.ts';
import { DISCOUNT_FEATURES } from '../pipelines/discounts/discount-training.ts';
import referenceProject from '../pipelines/index.ts';
import { SELECTION_FEATURES } from '../pipelines/notifications/selection-training.ts';
import { RANKER_FEATURES } from '../pipelines/product-recommendations/ranker-features.ts';
import { CTR_FEATURES } from '../pipelines/recommended-categories/ctr-features.ts';
import { SOURCE_TABLES } from '../pipelines/shared/warehouse-tables.ts';
import { columnsOf, literalArg, loadedColumns, tasksOf, textArg } from './dsrpmart-lineage.ts';
import { python } from './python.ts';
import { ROOT } from './shared-dir.ts';
import { columnsRead, queryParameters, tablesRead } from './sql-columns.ts';

const environments = resolveProject(referenceProject).environments;
const production = environments.find((e) => e.name === 'production');
const pipeline = (name: string): PipelineIR => {
  const found = production?.apps.flatMap((a) => a.pipelines).find((p) => p.name === name);
  if (!found) throw new Error(`pipeline ${name} missing`);
  return found;
};
// Both environments: staging's batch ranking has other shards, the SQL is built per environment.
const everyPipeline = environments.flatMap((e) => e.apps.flatMap((a) => a.pipelines.map((p) => ({ env: e.name, p }))));
const tasks = (p: PipelineIR, component: string) => tasksOf(p).filter((t) => t.component === component);
const extracts = everyPipeline.flatMap(({ env, p }) =>
  tasks(p, 'warehouse-extract').map((t) => ({ where: `${env}/${p.name}/${t.id}`, sql: textArg(p, t, 'sql') })),
);
const loads = everyPipeline.flatMap(({ env, p }) =>
  tasks(p, 'warehouse-load').map((t) => ({
    where: `${env}/${p.name}/${t.id}`,
    table: String(literalArg(p, t, 'table')),
    columns: loadedColumns(p, t),
  })),
);
const loadedTables = new Set(loads.map((l) => l.table));

/** Runs a Python expression in components/scripts and parses its JSON output. */
function fromPython(expression: string): unknown {
  const dir = resolve(ROOT, 'components', 'scripts');
  const r = spawnSync(
    python(),
    ['-c', `import json, ${expression.split('.')[0]}; print(json.dumps(list(${expression})))`],
    { cwd: dir, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe('DSRPMart data contracts: scoring feeds the model exactly what it was trained on', () => {
  // [use case, training pipeline, scoring pipeline (batch), the one feature list]
  const useCases = [
    ['discounts', 'discount-training', 'discount-predictions', DISCOUNT_FEATURES],
    ['notifications', 'notification-selection-training', 'notification-send', SELECTION_FEATURES],
    ['product recommendations', 'product-ranking-training', 'product-ranking-batch', RANKER_FEATURES],
    ['recommended categories', 'ctr-training', undefined, CTR_FEATURES],
  ] as const;

  it.each(useCases)(
    'GIVEN %s THEN the trainer and every batch scorer get the same feature list, and their datasets have those columns',
    (_name, training, scoring, features) => {
      const train = pipeline(training);
      const trainers = tasksOf(train).filter((t) => t.component.startsWith('train-'));
      expect(trainers).toHaveLength(1);
      for (const t of trainers) {
        expect(literalArg(train, t, 'features')).toEqual([...features]);
        for (const input of ['dataset', 'holdout'])
          expect(columnsOf(train, t, input), `${training} ${input}`).toEqual(expect.arrayContaining([...features]));
      }
      if (scoring === undefined) return;
      const score = pipeline(scoring);
      const scorers = tasks(score, 'batch-predict');
      expect(scorers.length).toBeGreaterThan(0);
      for (const t of scorers) {
        expect(literalArg(score, t, 'features')).toEqual(literalArg(train, trainers[0] as never, 'features'));
        expect(columnsOf(score, t, 'dataset'), `${scoring} dataset`).toEqual(expect.arrayContaining([...features]));
      }
    },
  );

  it('GIVEN the real-time models THEN their logged request columns carry the features they were trained on', () => {
    expect(SOURCE_TABLES['ml_logs.ctr_categories_requests']?.columns).toEqual(
      expect.arrayContaining([...CTR_FEATURES]),
    );
    expect(SOURCE_TABLES['ml_logs.product_ranker_requests']?.columns).toEqual(
      expect.arrayContaining([...RANKER_FEATURES]),
    );
  });

  it('GIVEN the Python scripts THEN the columns the TypeScript side relies on are the ones they write', () => {
    expect(fromPython('compose_notifications.COLUMNS')).toEqual([...CANDIDATE_COLUMNS]);
    expect(fromPython('feature_engineering.FEATURES')).toEqual([...INTERACTION_FEATURES]);
  });
});

describe('DSRPMart data contracts: every table is written before it is read', () => {
  it('GIVEN every warehouse query of every pipeline THEN each table it reads is a declared source or loaded by a pipeline', () => {
    const unknown = extracts.flatMap(({ where, sql }) =>
      tablesRead(sql)
        .filter((t) => !SOURCE_TABLES[t] && !loadedTables.has(t))
        .map((t) => `${where}: ${t}`),
    );
    expect(unknown).toEqual([]);
  });

  it('GIVEN every table a pipeline loads THEN some query reads it, and none is also declared a source', () => {
    const read = new Set(extracts.flatMap(({ sql }) => tablesRead(sql)));
    expect([...loadedTables].filter((t) => !read.has(t))).toEqual([]);
    expect([...loadedTables].filter((t) => SOURCE_TABLES[t])).toEqual([]);
  });

  it('GIVEN a query over a loaded table (or a source with known columns) THEN every column it reads is written there', () => {
    const missing = extracts.flatMap(({ where, sql }) =>
      tablesRead(sql).flatMap((table) => {
        const written = loadedTables.has(table)
          ? loads.filter((l) => l.table === table).map((l) => l.columns)
          : SOURCE_TABLES[table]?.columns
            ? [SOURCE_TABLES[table]?.columns ?? []]
            : [];
        return written.flatMap((cols) =>
          columnsRead(sql, table)
            .filter((c) => !cols.includes(c))
            .map((c) => `${where}: ${table}.${c}`),
        );
      }),
    );
    expect(missing).toEqual([]);
  });

  it('GIVEN every drift check THEN it monitors only columns both its windows have', () => {
    const checks = everyPipeline.filter(({ p }) => p.name.endsWith('-drift'));
    expect(checks.length).toBeGreaterThanOrEqual(10);
    for (const { env, p } of checks) {
      const [check] = tasks(p, 'drift-check');
      if (!check) throw new Error(`${p.name} has no check`);
      const spec = literalArg(p, check, 'features') as { numeric?: string[]; categorical?: string[] };
      const monitored = [...(spec.numeric ?? []), ...(spec.categorical ?? [])];
      expect(monitored.length).toBeGreaterThan(0);
      for (const input of ['reference', 'current'])
        expect(columnsOf(p, check, input), `${env}/${p.name} ${input}`).toEqual(expect.arrayContaining(monitored));
    }
  });

  it('GIVEN every warehouse query THEN it is BigQuery with the two named parameters warehouse-extract binds', () => {
    for (const { where, sql } of extracts) {
      expect(
        queryParameters(sql).filter((x) => !(WAREHOUSE_PARAMS as readonly string[]).includes(x)),
        where,
      ).toEqual([]);
      expect(sql, `${where}: a :name bind`).not.toMatch(/(^|[^:]):[a-z_]+\b/);
      expect(sql, `${where}: a table alias with a column list`).not.toMatch(/\bAS\s+\w+\s*\(/i);
    }
  });
});
