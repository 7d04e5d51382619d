import { describe, expect, it } from 'vitest';
import { cronIntervals, resolveProject } from '../dsl/index.ts';
import type { AppIR, NodeIR, PipelineIR, ScheduleIR } from '../dsl/ir/index.ts';
import referenceProject from './index.ts';

const HOUR = 3600;
const DAY = 24 * HOUR;
const ir = resolveProject(referenceProject);
const env = (name: string) => ir.environments.find((e) => e.name === name) as (typeof ir.environments)[number];
const appOf = (envName: string, name: string): AppIR => {
  const found = env(envName).apps.find((a) => a.name === name);
  if (!found) throw new Error(`app ${name} missing in ${envName}`);
  return found;
};
const production = (name: string) => appOf('production', name);
const pipelineOf = (app: AppIR, name: string): PipelineIR => {
  const found = app.pipelines.find((p) => p.name === name);
  if (!found) throw new Error(`pipeline ${name} missing in app ${app.name}`);
  return found;
};
/** Schedules that run the given pipeline. */
const schedulesOf = (app: AppIR, pipeline: string): ScheduleIR[] => app.schedules.filter((s) => s.pipeline === pipeline);
const period = (s: ScheduleIR) => cronIntervals(s.crons);
const components = (p: PipelineIR) => p.components.map((c) => c.name);
const nodes = (body: readonly NodeIR[]): NodeIR[] => body.flatMap((n) => [n, ...(n.kind === 'loop' ? nodes(n.body) : n.kind === 'condition' ? n.branches.flatMap((b) => nodes(b.body)) : [])]);
const submitted = (p: PipelineIR) => nodes(p.body).flatMap((n) => (n.kind === 'submit' ? [n.pipeline] : []));

/** A schedule running exactly once per `seconds`. */
function expectEvery(s: ScheduleIR | undefined, seconds: number): void {
  expect(s, 'schedule missing').toBeDefined();
  expect(period(s as ScheduleIR), `${s?.name} (${s?.crons.join(', ')})`).toEqual({ minSeconds: seconds, maxSeconds: seconds });
}

describe('DSRPMart use cases', () => {
  it('GIVEN the project WHEN resolved THEN it has the six use cases in staging and production', () => {
    const expected = ['discounts', 'recommended-categories', 'notifications', 'product-recommendations', 'search', 'popular-products'];
    for (const e of ['staging', 'production']) expect(env(e).apps.map((a) => a.name)).toEqual(expected);
  });

  it('GIVEN personalized discounts THEN predictions are batch-scored weekly and training has a backtested champion/challenger gate', () => {
    const app = production('discounts');
    expectEvery(schedulesOf(app, 'discount-predictions')[0], 7 * DAY);
    expectEvery(schedulesOf(app, 'discount-training')[0], 7 * DAY);
    expect(components(pipelineOf(app, 'discount-predictions'))).toContain('batch-predict');
    expect(components(pipelineOf(app, 'discount-training'))).toEqual(expect.arrayContaining(['train-sklearn', 'evaluate-backtest', 'champion-gate', 'register-model', 'promote']));
  });

  it('GIVEN recommended categories THEN the CTR model is trained weekly', () => {
    const app = production('recommended-categories');
    expectEvery(schedulesOf(app, 'ctr-training')[0], 7 * DAY);
    expect(components(pipelineOf(app, 'ctr-training'))).toEqual(expect.arrayContaining(['train-xgboost', 'champion-gate', 'promote']));
  });

  it('GIVEN notifications THEN the selection model trains daily and two daily sends compose the morning and evening messages', () => {
    const app = production('notifications');
    expectEvery(schedulesOf(app, 'notification-selection-training')[0], DAY);
    const sends = schedulesOf(app, 'notification-send');
    expect(sends).toHaveLength(2);
    sends.forEach((s) => expectEvery(s, DAY));
    expect(sends.map((s) => s.args.slot)).toEqual([{ kind: 'literal', value: 'morning' }, { kind: 'literal', value: 'evening' }]);
    // Together: two sends a day at different times.
    const both = cronIntervals(sends.flatMap((s) => s.crons));
    expect(both.maxSeconds).toBeLessThan(DAY);
    expect(components(pipelineOf(app, 'notification-send'))).toEqual(expect.arrayContaining(['warehouse-extract', 'compose-notifications', 'batch-predict']));
  });

  it('GIVEN product recommendations THEN the ranker trains daily and rankings refresh several times a day', () => {
    const app = production('product-recommendations');
    expectEvery(schedulesOf(app, 'product-ranking-training')[0], DAY);
    const refresh = period(schedulesOf(app, 'product-ranking-batch')[0] as ScheduleIR);
    expect(refresh.maxSeconds).toBeLessThanOrEqual(6 * HOUR);
    expect(DAY / refresh.maxSeconds).toBeGreaterThanOrEqual(3);
    expect(nodes(pipelineOf(app, 'product-ranking-batch').body).some((n) => n.kind === 'loop' && n.parallelism !== undefined)).toBe(true);
  });

  it('GIVEN search THEN an embeddings and vector index pipeline rebuilds the index nightly', () => {
    const app = production('search');
    expectEvery(schedulesOf(app, 'search-index-build')[0], DAY);
    expect(components(pipelineOf(app, 'search-index-build'))).toEqual(expect.arrayContaining(['compute-embeddings', 'build-vector-index', 'register-model', 'promote']));
  });

  it('GIVEN popular products THEN a daily heuristic batch runs with no model to register', () => {
    const app = production('popular-products');
    expectEvery(schedulesOf(app, 'popular-products')[0], DAY);
    expect(components(pipelineOf(app, 'popular-products'))).not.toContain('register-model');
  });

  it.each([
    ['discounts', 'discount-drift', 'discount-training', 'discount-optimizer'],
    ['recommended-categories', 'ctr-drift', 'ctr-training', 'ctr-categories'],
    ['notifications', 'notification-drift', 'notification-selection-training', 'notification-selection'],
    ['product-recommendations', 'product-ranking-drift', 'product-ranking-training', 'product-ranker'],
    ['search', 'search-drift', 'search-index-build', 'search-index'],
  ])('GIVEN %s THEN a daily drift check submits %s\'s training (%s) and the model has drift alerts', (appName, drift, training, model) => {
    const app = production(appName);
    expectEvery(schedulesOf(app, drift)[0], DAY);
    expect(submitted(pipelineOf(app, drift))).toEqual([training]);
    const rule = app.monitoring?.find((m) => m.model === model);
    expect(rule?.drift?.threshold).toBeGreaterThan(0);
    expect(rule?.schedules.map((s) => s.name)).toEqual(expect.arrayContaining(schedulesOf(app, drift).map((s) => s.name)));
  });

  it('GIVEN staging THEN training and batch schedules are suspended while drift checks run without retraining', () => {
    for (const app of env('staging').apps) {
      for (const s of app.schedules) {
        const isDrift = s.pipeline.endsWith('-drift');
        expect(s.suspend, s.name).toBe(!isDrift);
        if (isDrift) expect(s.args.autoRetrain).toEqual({ kind: 'literal', value: false });
      }
    }
    for (const s of production('search').schedules) expect(s.suspend).toBe(false);
  });

  it('GIVEN the environments THEN the ranking batch scales out in production only', () => {
    const shards = (e: string) => nodes(pipelineOf(appOf(e, 'product-recommendations'), 'product-ranking-batch').body).find((n) => n.kind === 'loop');
    expect(shards('staging')).toMatchObject({ parallelism: 2, items: { values: ['0', '1'] } });
    expect(shards('production')).toMatchObject({ parallelism: 4 });
  });
});
