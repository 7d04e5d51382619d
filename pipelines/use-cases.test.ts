import { describe, expect, it } from 'vitest';
import { cronIntervals, resolveProject } from 'argosy';
import type { AppIR, DeploymentIR, NodeIR, PipelineIR, ScheduleIR } from '../dsl/ir/index.ts';
import { discountOptimizer } from './discounts/optimizer-deployment.ts';
import referenceProject, { production as productionEnv, staging as stagingEnv } from './index.ts';
import { productRanker } from './product-recommendations/ranker-deployment.ts';
import { ctrCategories } from './recommended-categories/ctr-deployment.ts';
import { searchRetriever } from './search/retriever-deployment.ts';
import { modelVersions, type ModelVersions } from './shared/model-versions.ts';

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
const schedulesOf = (app: AppIR, pipeline: string): ScheduleIR[] =>
  app.schedules.filter((s) => s.pipeline === pipeline);
const period = (s: ScheduleIR) => cronIntervals(s.crons);
const components = (p: PipelineIR) => p.components.map((c) => c.name);
const nodes = (body: readonly NodeIR[]): NodeIR[] =>
  body.flatMap((n) => [
    n,
    ...(n.kind === 'loop' ? nodes(n.body) : n.kind === 'condition' ? n.branches.flatMap((b) => nodes(b.body)) : []),
  ]);
const submitted = (p: PipelineIR) => nodes(p.body).flatMap((n) => (n.kind === 'submit' ? [n.pipeline] : []));

const deploymentsOf = (app: AppIR): DeploymentIR[] => [...app.deployments];
const strategyOf = (d: DeploymentIR | undefined) => d?.strategy;
const promoteTask = (p: PipelineIR) => nodes(p.body).find((n) => n.kind === 'task' && n.id === 'promote');
/** A recorded serving version plus a candidate, whatever the committed file holds right now. */
const withCandidate = (model: string): ModelVersions => {
  const v = modelVersions(productionEnv, model);
  return {
    serving: v.serving,
    candidate: {
      ...v.serving,
      version: '999',
      storageUri: 's3://dsrpmart-mlflow-production/0/candidate/artifacts/model',
    },
  };
};
const withoutCandidate = (model: string): ModelVersions => ({ serving: modelVersions(productionEnv, model).serving });

/** A schedule running exactly once per `seconds`. */
function expectEvery(s: ScheduleIR | undefined, seconds: number): void {
  expect(s, 'schedule missing').toBeDefined();
  expect(period(s as ScheduleIR), `${s?.name} (${s?.crons.join(', ')})`).toEqual({
    minSeconds: seconds,
    maxSeconds: seconds,
  });
}

describe('DSRPMart use cases', () => {
  it('GIVEN the project WHEN resolved THEN it has the six use cases in staging and production', () => {
    const expected = [
      'discounts',
      'recommended-categories',
      'notifications',
      'product-recommendations',
      'search',
      'popular-products',
    ];
    for (const e of ['staging', 'production']) expect(env(e).apps.map((a) => a.name)).toEqual(expected);
  });

  it('GIVEN personalized discounts THEN predictions are batch-scored weekly and training has a backtested champion/challenger gate', () => {
    const app = production('discounts');
    expectEvery(schedulesOf(app, 'discount-predictions')[0], 7 * DAY);
    expectEvery(schedulesOf(app, 'discount-training')[0], 7 * DAY);
    expect(components(pipelineOf(app, 'discount-predictions'))).toContain('batch-predict');
    expect(components(pipelineOf(app, 'discount-training'))).toEqual(
      expect.arrayContaining(['train-sklearn', 'evaluate-backtest', 'champion-gate', 'register-model', 'promote']),
    );
  });

  it('GIVEN personalized discounts THEN the real-time optimizer rolls a challenger out by champion/challenger: the training gate offline, a shadow online', () => {
    const d = discountOptimizer(productionEnv, withCandidate('discount-optimizer')).ir;
    expect(d.serving.kind).toBe('kserve');
    const s = strategyOf(d);
    expect(s?.kind).toBe('championChallenger');
    if (s?.kind !== 'championChallenger') return;
    expect(s.offlineGate.pipeline).toBe('discount-training');
    expect(s.online.kind).toBe('shadow');
    expect(s.online.analysis?.metrics.map((m) => m.name)).toEqual(['p99-latency', 'error-rate', 'propensity-shift']);
    // The app deploys the training pipeline the gate relies on, and the committed versions decide what runs.
    const deployed = deploymentsOf(production('discounts'));
    expect(deployed.map((x) => x.name)).toEqual(['discount-optimizer']);
    expect(strategyOf(deployed[0])?.kind).toBe(
      modelVersions(productionEnv, 'discount-optimizer').candidate ? 'championChallenger' : 'canary',
    );
  });

  it('GIVEN recommended categories THEN the CTR model is trained weekly', () => {
    const app = production('recommended-categories');
    expectEvery(schedulesOf(app, 'ctr-training')[0], 7 * DAY);
    expect(components(pipelineOf(app, 'ctr-training'))).toEqual(
      expect.arrayContaining(['train-xgboost', 'champion-gate', 'promote']),
    );
  });

  it('GIVEN recommended categories THEN the model serves in real time on KServe and a new version must win an A/B test on click-through rate', () => {
    const d = ctrCategories(productionEnv, withCandidate('ctr-categories')).ir;
    expect(d.serving.kind).toBe('kserve');
    const s = strategyOf(d);
    expect(s?.kind).toBe('abTest');
    if (s?.kind !== 'abTest') return;
    expect(s.variants.map((v) => [v.name, v.model?.version])).toEqual([
      ['champion', undefined],
      ['challenger', 'v999'],
    ]);
    expect(s.primary).toBe('champion');
    expect(s.assignBy).toEqual({ kind: 'header', name: 'x-dsrpmart-ab-arm' });
    expect(s.metric).toMatchObject({ name: 'category-ctr', test: 'proportions', higherIsBetter: true });
    expect(s.require).toBe('better');
    expect(s.metric.queries.candidate.successes).toContain('dsrpmart_category_clicks_total');
    // Between tests the champion serves alone, on the same predictor Service the A/B routing binds to.
    const idle = ctrCategories(productionEnv, withoutCandidate('ctr-categories')).ir;
    expect(idle.objects).toEqual([{ kind: 'InferenceService', name: 'ctr-categories' }]);
    expect(idle.names.predictorServices?.primary).toBe(d.names.predictorServices?.primary);
  });

  it('GIVEN notifications THEN the selection model trains daily and two daily sends compose the morning and evening messages', () => {
    const app = production('notifications');
    expectEvery(schedulesOf(app, 'notification-selection-training')[0], DAY);
    const sends = schedulesOf(app, 'notification-send');
    expect(sends).toHaveLength(2);
    sends.forEach((s) => expectEvery(s, DAY));
    expect(sends.map((s) => s.args.slot)).toEqual([
      { kind: 'literal', value: 'morning' },
      { kind: 'literal', value: 'evening' },
    ]);
    // Together: two sends a day at different times.
    const both = cronIntervals(sends.flatMap((s) => s.crons));
    expect(both.maxSeconds).toBeLessThan(DAY);
    expect(components(pipelineOf(app, 'notification-send'))).toEqual(
      expect.arrayContaining(['warehouse-extract', 'compose-notifications', 'batch-predict']),
    );
  });

  it('GIVEN notifications THEN there is no online deployment: the sends score in batch with the serving version the reviewed promotion recorded', () => {
    for (const e of ['staging', 'production']) expect(deploymentsOf(appOf(e, 'notifications'))).toEqual([]);
    const app = production('notifications');
    const serving = modelVersions(productionEnv, 'notification-selection').serving.version;
    for (const send of schedulesOf(app, 'notification-send'))
      expect(send.args.modelVersion).toEqual({ kind: 'literal', value: serving });
    expect(promoteTask(pipelineOf(app, 'notification-selection-training'))).toMatchObject({
      args: { recordAs: { kind: 'literal', value: 'serving' } },
    });
  });

  it('GIVEN product recommendations THEN the ranker trains daily and rankings refresh several times a day', () => {
    const app = production('product-recommendations');
    expectEvery(schedulesOf(app, 'product-ranking-training')[0], DAY);
    const refresh = period(schedulesOf(app, 'product-ranking-batch')[0] as ScheduleIR);
    expect(refresh.maxSeconds).toBeLessThanOrEqual(6 * HOUR);
    expect(DAY / refresh.maxSeconds).toBeGreaterThanOrEqual(3);
    expect(
      nodes(pipelineOf(app, 'product-ranking-batch').body).some(
        (n) => n.kind === 'loop' && n.parallelism !== undefined,
      ),
    ).toBe(true);
  });

  it('GIVEN product recommendations THEN the ranker serves in real time from a Rollout and a new version goes shadow first, then canary', () => {
    const [d] = deploymentsOf(production('product-recommendations'));
    expect(d?.serving.kind).toBe('server');
    const s = strategyOf(d);
    expect(s?.kind).toBe('shadow');
    if (s?.kind !== 'shadow') return;
    expect(s.analysis?.metrics.map((m) => m.name)).toEqual(['p99-latency', 'error-rate', 'ranking-shift']);
    expect(s.then?.kind).toBe('canary');
    expect(s.then?.steps.map((x) => x.weight)).toEqual([10, 25, 50]);
    expect(s.then?.analysis?.metrics.map((m) => m.name)).toEqual(['p99-latency', 'error-rate']);
    // Promotions change the serving pod template, which is what starts the Rollout's steps.
    expect(promoteTask(pipelineOf(production('product-recommendations'), 'product-ranking-training'))).toMatchObject({
      args: { recordAs: { kind: 'literal', value: 'serving' } },
    });
    expect(productRanker(productionEnv, withCandidate('product-ranker')).ir.strategy).toMatchObject({
      kind: 'shadow',
      challengers: [{ model: { version: 'v999' } }],
    });
  });

  it('GIVEN search THEN an embeddings and vector index pipeline rebuilds the index nightly', () => {
    const app = production('search');
    expectEvery(schedulesOf(app, 'search-index-build')[0], DAY);
    expect(components(pipelineOf(app, 'search-index-build'))).toEqual(
      expect.arrayContaining(['compute-embeddings', 'build-vector-index', 'register-model', 'promote']),
    );
  });

  it('GIVEN search THEN the retriever serves on KServe and a new index is a canary gated on latency and error rate', () => {
    const d = searchRetriever(productionEnv, withCandidate('search-index')).ir;
    expect(d.serving.kind).toBe('kserve');
    const s = strategyOf(d);
    expect(s?.kind).toBe('canary');
    if (s?.kind !== 'canary') return;
    expect(s.candidate).toEqual({
      version: 'v999',
      storageUri: 's3://dsrpmart-mlflow-production/0/candidate/artifacts/model',
    });
    expect(s.analysis?.metrics.map((m) => [m.name, m.successCondition])).toEqual([
      ['p99-latency', 'result[0] < 0.3'],
      ['error-rate', 'result[0] < 0.005'],
    ]);
    expect(d.names.workflow).toBe('search-retriever-promote');
    expect(deploymentsOf(production('search')).map((x) => x.name)).toEqual(['search-retriever']);
  });

  it('GIVEN popular products THEN a daily heuristic batch runs with no model to register', () => {
    const app = production('popular-products');
    expectEvery(schedulesOf(app, 'popular-products')[0], DAY);
    expect(components(pipelineOf(app, 'popular-products'))).not.toContain('register-model');
    // No model, so nothing to deploy or roll out: the app only publishes the daily list.
    expect(deploymentsOf(app)).toEqual([]);
    expect(app.monitoring?.every((m) => !m.endpoint && !m.deployment)).toBe(true);
  });

  it.each([
    ['discounts', 'discount-drift', 'discount-training', 'discount-optimizer'],
    ['recommended-categories', 'ctr-drift', 'ctr-training', 'ctr-categories'],
    ['notifications', 'notification-drift', 'notification-selection-training', 'notification-selection'],
    ['product-recommendations', 'product-ranking-drift', 'product-ranking-training', 'product-ranker'],
    ['search', 'search-drift', undefined, 'search-index'],
  ])(
    'GIVEN %s THEN a daily drift check (%s) submits its training (%s) and the model has drift alerts',
    (appName, drift, training, model) => {
      const app = production(appName);
      expectEvery(schedulesOf(app, drift)[0], DAY);
      // Search only alerts: the nightly rebuild already uses the current catalog, and a rebuild would not answer a new query mix.
      expect(submitted(pipelineOf(app, drift))).toEqual(training ? [training] : []);
      const rule = app.monitoring?.find((m) => m.model === model);
      expect(rule?.drift?.threshold).toBeGreaterThan(0);
      expect(rule?.schedules.map((s) => s.name)).toEqual(
        expect.arrayContaining(schedulesOf(app, drift).map((s) => s.name)),
      );
    },
  );

  it('GIVEN staging THEN training and batch schedules are suspended while drift checks run without retraining', () => {
    for (const app of env('staging').apps) {
      for (const s of app.schedules) {
        const isDrift = s.pipeline.endsWith('-drift');
        expect(s.suspend, s.name).toBe(!isDrift);
        const retrains = isDrift && submitted(pipelineOf(app, s.pipeline)).length > 0;
        if (retrains) expect(s.args.autoRetrain, s.name).toEqual({ kind: 'literal', value: false });
        // An alert-only check has no retraining to switch off.
        else if (isDrift) expect(s.args.autoRetrain, s.name).toBeUndefined();
      }
    }
    for (const s of production('search').schedules) expect(s.suspend).toBe(false);
  });

  it('GIVEN the environments THEN replicas and rollout pacing differ: staging walks every strategy quickly on little capacity', () => {
    const ranker = (e: string) => deploymentsOf(appOf(e, 'product-recommendations'))[0];
    expect(
      [ranker('staging'), ranker('production')].map((d) => (d?.serving.kind === 'server' ? d.serving.replicas : 0)),
    ).toEqual([2, 6]);
    const steps = (e: typeof stagingEnv) => {
      const s = searchRetriever(e, withCandidate('search-index')).ir.strategy;
      return s.kind === 'canary'
        ? s.steps.map((x) => [x.weight, x.pause?.kind === 'duration' ? x.pause.seconds : undefined])
        : [];
    };
    expect(steps(stagingEnv)).toEqual([[50, 300]]);
    expect(steps(productionEnv)).toEqual([
      [10, 900],
      [25, 1800],
      [50, 3600],
    ]);
    const isvc = (e: string) => deploymentsOf(appOf(e, 'search'))[0]?.serving;
    expect(
      [isvc('staging'), isvc('production')].map((x) => (x?.kind === 'kserve' ? [x.minReplicas, x.maxReplicas] : [])),
    ).toEqual([
      [1, 2],
      [4, 16],
    ]);
  });

  it('GIVEN the environments THEN the ranking batch scales out in production only', () => {
    const shards = (e: string) =>
      nodes(pipelineOf(appOf(e, 'product-recommendations'), 'product-ranking-batch').body).find(
        (n) => n.kind === 'loop',
      );
    expect(shards('staging')).toMatchObject({ parallelism: 2, items: { values: ['0', '1'] } });
    expect(shards('production')).toMatchObject({ parallelism: 4 });
  });
});
