import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DeploymentIR } from '../../dsl/ir/index.ts';
import {
  abTest,
  analysis,
  app,
  below,
  canary,
  days,
  environment,
  errorRate,
  kserve,
  metric,
  minutes,
  modelDeployment,
  project,
  resolveProject,
  server,
  type CanaryStep,
  type ModelDeployment,
} from '../../dsl/index.ts';
import { abTestMetric } from '../../components/index.ts';
import { promotionWorkflow, VERDICT_CHECK_STEP } from '../../charts/kserve/promotion-workflow.ts';
import { rolloutStrategy } from '../../charts/argo-rollouts/strategies/index.ts';
import { deploymentFixtures, fixtureProject } from '../../test/fixtures/deployments.ts';
import { expectGolden } from '../../test/golden.ts';
import { deploymentGraph } from './deployment-graph.ts';
import type { Graph, GraphNode } from './model.ts';
import { renderDot } from './render-dot.ts';
import { renderMermaid } from './render-mermaid.ts';

function fixture(key: string): { d: DeploymentIR; namespace?: string } {
  const env = resolveProject(fixtureProject(key)).environments[0];
  const d = env?.apps[0]?.deployments[0];
  if (!d) throw new Error(`fixture ${key} has no deployment`);
  return { d, ...(env.namespace ? { namespace: env.namespace } : {}) };
}

const titles = (g: Graph, shape?: GraphNode['shape']): string[] =>
  g.nodes.filter((n) => !shape || n.shape === shape).map((n) => n.label[0] ?? '');
const node = (g: Graph, title: string): GraphNode => {
  const n = g.nodes.find((x) => x.label[0] === title);
  if (!n) throw new Error(`no node "${title}" in ${titles(g).join(', ')}`);
  return n;
};
const failuresTo = (g: Graph, id: string): string[] =>
  g.edges
    .filter((e) => e.style === 'failure' && e.to === id)
    .map((e) => g.nodes.find((n) => n.id === e.from)?.label[0] ?? e.from);

/** What holds for every strategy graph: edges join drawn nodes, every node is reached from the start, every gate can fail. */
function expectWellFormed(g: Graph): void {
  const ids = new Set(g.nodes.map((n) => n.id));
  expect(ids.size, 'node ids are unique').toBe(g.nodes.length);
  for (const e of g.edges) expect(ids.has(e.from) && ids.has(e.to), `${e.from} -> ${e.to}`).toBe(true);
  const start = g.nodes.find((n) => g.edges.every((e) => e.to !== n.id))?.id;
  const seen = new Set([start]);
  for (let grew = true; grew;) {
    grew = false;
    for (const e of g.edges) if (seen.has(e.from) && !seen.has(e.to)) grew = Boolean(seen.add(e.to));
  }
  expect(g.nodes.filter((n) => !seen.has(n.id)).map((n) => n.label[0])).toEqual([]);
  for (const gate of g.nodes.filter((n) => n.shape === 'gate' && !n.id.startsWith('pipeline_'))) {
    expect(
      g.edges.some((e) => e.from === gate.id && e.style === 'failure'),
      `gate "${gate.label[0]}" has a failure edge`,
    ).toBe(true);
  }
}

const srv = server({
  image: 'ghcr.io/acme/m:1',
  version: 'v1',
  port: 8080,
  replicas: 2,
  resources: { cpu: '1', memory: '1Gi' },
});
const v2 = { version: 'v2', image: 'ghcr.io/acme/m:2' };
const errors = analysis({ metrics: [metric.prometheus('error-rate', { query: errorRate(), success: below(0.01) })] });
function draw(d0: ModelDeployment): Graph {
  const env = resolveProject(
    project('p', { environments: [environment('prod', { namespace: 'ml' })], apps: [app('a', { deployments: [d0] })] }),
  ).environments[0];
  const d = env?.apps[0]?.deployments[0];
  if (!d) throw new Error('no deployment');
  return deploymentGraph(d, 'ml');
}

describe('argosy graph (deployments)', () => {
  it.each(Object.keys(deploymentFixtures))(
    'GIVEN the %s fixture WHEN drawn THEN the Mermaid and DOT snapshots match and the graph is well formed',
    (key) => {
      const { d, namespace } = fixture(key);
      const g = deploymentGraph(d, namespace);
      expectWellFormed(g);
      expect(g.title).toBe(`deployment ${d.name}`);
      expectGolden(`graph/deployments/${key}.mmd`, renderMermaid(g));
      expectGolden(`graph/deployments/${key}.dot`, renderDot(g));
    },
  );

  it('GIVEN a plain-server canary WHEN drawn THEN its steps carry the weights and pauses, the background analysis its metrics, and it ends in promote or abort', () => {
    const g = deploymentGraph(fixture('server-canary').d);
    expect(titles(g, 'action')).toEqual(['1. setWeight 10', '3. setWeight 30', '5. setWeight 60', 'promote', 'abort']);
    expect(titles(g, 'pause')).toEqual(['2. pause 10m', '4. pause 10m', '6. pause 20m']);
    expect(node(g, '1. setWeight 10').label.slice(1)).toEqual([
      '10% → v8 via ranker-canary',
      '90% → v7 via ranker-stable',
    ]);
    expect(node(g, 'background analysis ranker-canary').label.slice(1)).toEqual([
      'error-rate: result[0] < 0.01 (no data: inconclusive) · every 1m · failureLimit 1',
      'p99-latency: result[0] < 0.25 (no data: inconclusive) · every 1m · failureLimit 1',
    ]);
    expect(g.edges.find((e) => e.to === 'rollout_background')?.from).toBe('rollout_step_1');
    expect(failuresTo(g, 'rollout_abort')).toEqual(['background analysis ranker-canary']);
  });

  it('GIVEN a KServe deployment WHEN drawn THEN every step of the generated workflow is a node, in order, and failing gates lead to its rollback', () => {
    for (const key of [
      'kserve-canary',
      'kserve-shadow',
      'kserve-ab-test',
      'kserve-blue-green',
      'kserve-champion-challenger',
      'kserve-canary-knative',
    ]) {
      const { d, namespace } = fixture(key);
      if (d.serving.kind !== 'kserve') throw new Error(key);
      const spec = promotionWorkflow(d, d.serving, namespace)?.spec as {
        templates: { name: string; steps?: { name: string }[][] }[];
      };
      const stepsOf = (t: string) =>
        spec.templates
          .find((x) => x.name === t)
          ?.steps?.flat()
          .map((s) => s.name) ?? [];
      expect(stepsOf('main')[0], key).toBe(VERDICT_CHECK_STEP);
      const steps = [VERDICT_CHECK_STEP, ...stepsOf('run')];
      const g = deploymentGraph(d, namespace);
      expect(
        g.nodes.filter((n) => n.group === 'group_workflow').map((n) => n.label[0]),
        key,
      ).toEqual(steps);
      // The verdict check is recognised by its step name, and says what it is for.
      expect(node(g, VERDICT_CHECK_STEP).label, key).toEqual([
        VERDICT_CHECK_STEP,
        'skip the run if this candidate was already decided',
      ]);
      expect(
        g.nodes.filter((n) => n.group === 'group_on_exit').map((n) => n.label[0]),
        key,
      ).toEqual(['rollback']);
      const gates = g.nodes.filter((n) => n.shape === 'gate' && n.group === 'group_workflow').map((n) => n.label[0]);
      expect(
        failuresTo(g, 'kserve_rollback').filter((t) => gates.includes(t)),
        key,
      ).toEqual(gates);
    }
  });

  it('GIVEN a KServe canary WHEN drawn THEN each weight step names the split and each window the metrics measured over it', () => {
    const g = deploymentGraph(fixture('kserve-canary').d);
    expect(node(g, 'after sync').label.slice(1)).toEqual([
      'InferenceService churn: v42 100%',
      'v43 in spec.canary[] at 0%',
    ]);
    expect(node(g, 'set-weight-2').label.slice(1)).toEqual(['30% → v43, 70% → v42', 'patch inferenceservice/churn']);
    expect(node(g, 'canary-v43-step-3').label).toContain(
      'error-rate: result[0] < 0.01 (no data: inconclusive) · after 60s every 1m ×20 · failureLimit 1',
    );
    expect(node(g, 'rollback').label.slice(1)).toEqual(['100% → v42', 'patch inferenceservice/churn']);
    expect(g.groups.map((x) => x.label)).toEqual([
      'WorkflowTemplate churn-promote · submitted after each sync by churn-promote-trigger',
      'on exit · {{workflow.status}} != Succeeded',
    ]);
  });

  it('GIVEN a Knative canary with a manual pause WHEN drawn THEN the approval waits for argo resume and argo stop rolls back', () => {
    const g = deploymentGraph(fixture('kserve-canary-knative').d);
    expect(node(g, 'approve-1').shape).toBe('pause');
    expect(g.edges.filter((e) => e.from === 'wf_approve_1').map((e) => `${e.style}:${e.label}`)).toEqual([
      'failure:argo stop',
      'flow:argo resume',
    ]);
    expect(node(g, 'promote').label[1]).toBe('remove canaryTrafficPercent: latest revision 100%');
  });

  it('GIVEN shadows WHEN drawn THEN the mirrored share and its removal are shown', () => {
    const server = deploymentGraph(fixture('server-shadow').d);
    expect(node(server, '2. setMirrorRoute mirror').label.slice(1)).toEqual([
      'copy 50% of requests to v8',
      'its answers are discarded',
    ]);
    expect(titles(server)).toContain('4. setMirrorRoute mirror: remove');
    const ks = deploymentGraph(fixture('kserve-shadow').d);
    expect(node(ks, 'after sync').label).toContain('copy 100% to churn-challenger (v43)');
    expect(node(ks, 'rollback').label[1]).toBe('stop mirroring: mirrorPercentage → 0%');
  });

  it('GIVEN A/B tests WHEN drawn THEN variants, assignment and the statistical decision are shown', () => {
    const header = deploymentGraph(fixture('server-ab-test').d);
    expect(node(header, '2. setHeaderRoute ab').label.slice(1)).toEqual([
      'header x-ab-variant: treatment → treatment (v8)',
      'everyone else → control (v7)',
    ]);
    expect(node(header, '4. analysis ranker-ab-test').label.slice(1)).toEqual([
      'conversion: two-proportion z-test (higher is better)',
      'treatment (v8) vs control (v7)',
      'passes if treatment is better at p < 0.05',
      'needs ≥ 5000 samples per arm',
    ]);
    expect(titles(header)).toContain('background analysis ranker-guardrails');
    const weighted = deploymentGraph(fixture('server-ab-test-weighted').d);
    expect(node(weighted, '1. experiment').label.slice(1)).toEqual([
      'control (v7): 50% via ranker-control (4 pods)',
      'treatment (v8): 50% via ranker-treatment (4 pods)',
    ]);
    const ks = deploymentGraph(fixture('kserve-ab-test').d);
    expect(node(ks, 'after sync').label.slice(1)).toEqual([
      'VirtualService churn:',
      '90% → control (v42)',
      '10% → treatment (v43)',
    ]);
    expect(node(ks, 'ab-test-treatment').label).toContain('fails only if treatment is worse at p < 0.05');
    expect(node(ks, 'rollback').label[1]).toBe('everyone → control (v42)');
  });

  it('GIVEN blue/green WHEN drawn THEN preview and active Services, the approval and the scale-down delay are shown', () => {
    const g = deploymentGraph(fixture('server-blue-green').d);
    expect(titles(g)).toEqual([
      'ranker: v7 → v8',
      'preview',
      'prePromotionAnalysis ranker-pre-promotion',
      'pause',
      'switch',
      'postPromotionAnalysis ranker-post-promotion',
      'v8 is stable',
      'abort',
    ]);
    expect(node(g, 'preview').label.slice(1)).toEqual(['ranker-preview → v8 (1 pod)', 'ranker (active) → v7: 100%']);
    expect(node(g, 'switch').label.slice(1)).toEqual(['scale v8 to 4 pods', 'ranker (active) → v8: 100%']);
    expect(node(g, 'v8 is stable').label[1]).toBe('v7 scaled down after 10m');
    expect(node(g, 'prePromotionAnalysis ranker-pre-promotion').label[1]).toBe(
      'smoke: job ghcr.io/dsrpmart/smoke-test:1.2 exits 0',
    );
    expect(failuresTo(g, 'rollout_abort')).toEqual([
      'prePromotionAnalysis ranker-pre-promotion',
      'pause',
      'postPromotionAnalysis ranker-post-promotion',
    ]);
    expect(node(deploymentGraph(fixture('kserve-blue-green').d), 'after sync').label).toContain(
      'preview Service churn-preview → v43',
    );
  });

  it('GIVEN champion/challenger WHEN drawn THEN the offline gate comes first and the online phase follows', () => {
    const g = deploymentGraph(fixture('server-champion-challenger').d);
    expect(g.edges[0]).toEqual({
      from: 'pipeline_ranker_training',
      to: 'deployment_ranker',
      label: 'registers',
      style: 'flow',
    });
    expect(node(g, '1. analysis ranker-offline-gate').label[1]).toBe('registered: result == "passed"');
    expect(node(g, 'ranker: v7 → v8').label[1]).toBe(
      'champion/challenger, online: A/B test · plain server (Argo Rollouts)',
    );
    expect(node(g, '3. setHeaderRoute ab').label[1]).toBe('cookie ranker-arm=v8 → v8');
    const ks = deploymentGraph(fixture('kserve-champion-challenger').d);
    const parallel = ks.edges.filter((e) => e.from === 'wf_check').map((e) => e.to);
    expect(parallel).toEqual(['wf_ready_v43', 'wf_ready_v44']);
    expect(node(ks, 'Succeeded').label[2]).toBe('next commit: fold the best of v43, v44 into serving to promote');
  });

  it('GIVEN a weighted A/B test with guardrails THEN the guardrails run beside the experiment and abort it; GIVEN no mesh THEN the canary splits by replicas', () => {
    const conversion = abTestMetric.rate({
      name: 'conversion',
      successes: ({ service, window }) => `sum(increase(o{service="${service}"}[${window}]))`,
      trials: ({ service, window }) => `sum(increase(s{service="${service}"}[${window}]))`,
    });
    const ab = draw(
      modelDeployment('w', {
        serving: srv,
        strategy: abTest({
          variants: { a: { weight: 50 }, b: { weight: 50, model: v2 } },
          primary: 'a',
          assignBy: 'weight',
          duration: days(1),
          primaryMetric: conversion,
          minSamplesPerArm: 10,
          analysis: errors,
        }),
        prometheus: 'http://p:9090',
      }),
    );
    expectWellFormed(ab);
    expect(ab.edges.filter((e) => e.to === 'rollout_experiment_guardrails')).toEqual([
      { from: 'rollout_step_0', to: 'rollout_experiment_guardrails', label: 'during the experiment', style: 'order' },
    ]);
    expect(failuresTo(ab, 'rollout_abort')).toEqual(['analysis w-ab-test', 'analysis w-guardrails']);
    const plain = draw(
      modelDeployment('n', {
        serving: srv,
        mesh: 'none',
        strategy: canary({ candidate: v2, steps: [{ weight: 50, pause: 'manual' }] }),
      }),
    );
    expect(node(plain, '1. setWeight 50').label.slice(1)).toEqual(['50% of the pods run v2', 'split by replica count']);
    expect(node(plain, 'abort').label[1]).toBe('100% → v1');
    expect(
      titles(
        draw(
          modelDeployment('n', {
            serving: srv,
            mesh: 'none',
            strategy: canary({ candidate: v2, steps: [{ weight: 50 }] }),
          }),
        ),
      ),
    ).not.toContain('abort');
  });

  it('GIVEN any canary steps on either serving kind WHEN drawn THEN the weights appear in order, every generated step is drawn and the graph is well formed', () => {
    const steps = fc
      .uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 })
      .map((ws) => [...ws].sort((a, b) => a - b))
      .chain((ws) =>
        fc.tuple(
          ...ws.map((w) =>
            fc
              .constantFrom<CanaryStep['pause'] | undefined>(undefined, 'manual', minutes(5))
              .map((pause): CanaryStep => (pause ? { weight: w, pause } : { weight: w })),
          ),
        ),
      );
    fc.assert(
      fc.property(
        steps,
        fc.boolean(),
        fc.constantFrom(undefined, 'background' as const, 'steps' as const),
        (s, onKserve, analysisMode) => {
          const serving = onKserve
            ? kserve({ format: 'xgboost', storageUri: 's3://m/churn/1', version: 'v1', minReplicas: 1 })
            : server({
                image: 'ghcr.io/acme/m:1',
                version: 'v1',
                port: 8080,
                replicas: 2,
                resources: { cpu: '1', memory: '1Gi' },
              });
          const candidate = onKserve
            ? { version: 'v2', storageUri: 's3://m/churn/2' }
            : { version: 'v2', image: 'ghcr.io/acme/m:2' };
          const gate = analysis({
            metrics: [metric.prometheus('error-rate', { query: errorRate(), success: below(0.01) })],
          });
          // A background analysis needs a pause to watch during (a definition-time rule).
          const mode = analysisMode === 'background' && !s.some((x) => x.pause) ? 'steps' : analysisMode;
          const strategy = canary({ candidate, steps: s, ...(mode ? { analysis: gate, analysisMode: mode } : {}) });
          const d = resolveProject(
            project('p', {
              environments: [environment('prod', { namespace: 'ml' })],
              apps: [
                app('a', { deployments: [modelDeployment('m', { serving, strategy, prometheus: 'http://p:9090' })] }),
              ],
            }),
          ).environments[0]?.apps[0]?.deployments[0] as DeploymentIR;
          const g = deploymentGraph(d, 'ml');
          expectWellFormed(g);
          const weights = g.nodes
            .filter((n) => n.shape === 'action')
            .flatMap((n) =>
              n.label
                .slice(1)
                .map((l) => /^(\d+)% → v2/.exec(l)?.[1])
                .filter(Boolean)
                .map(Number),
            );
          expect(weights.filter((w) => w !== 100)).toEqual(s.map((x) => x.weight).filter((w) => w !== 100));
          if (d.serving.kind === 'server') {
            const generated = (rolloutStrategy(d, d.serving) as { canary: { steps: unknown[] } }).canary.steps.length;
            expect(g.nodes.filter((n) => n.group === 'group_rollout' && /^\d+\. /.test(n.label[0] ?? '')).length).toBe(
              generated,
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
