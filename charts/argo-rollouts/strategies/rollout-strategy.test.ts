import { describe, expect, it } from 'vitest';
import {
  analysis,
  app,
  below,
  canary,
  errorRate,
  metric,
  modelDeployment,
  project,
  server,
} from '../../../dsl/index.ts';
import { synthesize } from '../../../synth/engine.ts';
import { deploymentFixtures, fixtureProject } from '../../../test/fixtures/deployments.ts';

type Canary = {
  steps: Record<string, { name?: string; match?: unknown[] }>[];
  trafficRouting?: { managedRoutes?: { name: string }[] };
  analysis?: { startingStep: number };
};
const serverKeys = Object.keys(deploymentFixtures).filter((k) => k.startsWith('server-'));
const rolloutOf = (key: string) =>
  synthesize(fixtureProject(key))
    .files.flatMap((f) => f.documents as { kind: string; spec: { strategy: { canary?: Canary } } }[])
    .find((o) => o.kind === 'Rollout');

describe('Rollout strategies', () => {
  it.each(serverKeys)(
    'GIVEN %s WHEN synthesized THEN every route a step sets is a managed route, and added mirror routes match everything',
    (key) => {
      const c = rolloutOf(key)?.spec.strategy.canary;
      if (!c) return;
      const managed = (c.trafficRouting?.managedRoutes ?? []).map((r) => r.name);
      for (const step of c.steps) {
        const route = step.setMirrorRoute ?? step.setHeaderRoute;
        if (route) expect(managed).toContain(route.name);
      }
      const mirrors = c.steps.filter((s) => s.setMirrorRoute).map((s) => s.setMirrorRoute);
      if (mirrors.length) expect(mirrors.map((r) => r?.match !== undefined)).toEqual([true, false]);
    },
  );

  it('GIVEN a background canary analysis WHEN synthesized THEN it starts once the first weight is set', () => {
    const c = rolloutOf('server-canary')?.spec.strategy.canary;
    expect(c?.steps[c.analysis?.startingStep !== undefined ? c.analysis.startingStep - 1 : -1]).toEqual({
      setWeight: 10,
    });
  });

  it('GIVEN shadow then canary WHEN synthesized THEN the mirror phase ends, the challenger is resized by weight and the canary analysis starts after its first weight', () => {
    const c = rolloutOf('server-shadow-then-canary')?.spec.strategy.canary;
    const kinds = (c?.steps ?? []).map((s) => Object.keys(s)[0]);
    expect(kinds).toEqual([
      'setCanaryScale',
      'setMirrorRoute',
      'analysis',
      'setMirrorRoute',
      'setCanaryScale',
      'setWeight',
      'pause',
      'setWeight',
      'pause',
      'setWeight',
      'pause',
    ]);
    expect(c?.steps[4]).toEqual({ setCanaryScale: { matchTrafficWeight: true } });
    expect(c?.steps[(c.analysis?.startingStep ?? 0) - 1]).toEqual({ setWeight: 10 });
    expect(c?.trafficRouting?.managedRoutes).toEqual([{ name: 'mirror' }]);
  });

  it('GIVEN header A/B guardrails WHEN synthesized THEN they start when the cohort is routed to the candidate', () => {
    const c = rolloutOf('server-ab-test')?.spec.strategy.canary;
    expect(Object.keys(c?.steps[(c.analysis?.startingStep ?? 0) - 1] ?? {})).toEqual(['setHeaderRoute']);
  });

  it('GIVEN a plain-server canary without a mesh WHEN synthesized THEN the Rollout splits by replicas and no VirtualService is written', () => {
    const d = modelDeployment('r', {
      serving: server({ image: 'x:1', port: 8080, replicas: 10 }),
      strategy: canary({ steps: [{ weight: 10, pause: '5m' }] }),
      mesh: 'none',
    });
    const objs = synthesize(project('p', { apps: [app('a', { deployments: [d] })] })).files.flatMap(
      (f) => f.documents as { kind: string; spec: { strategy?: { canary?: Record<string, unknown> } } }[],
    );
    expect(objs.map((o) => o.kind)).not.toContain('VirtualService');
    expect(objs.find((o) => o.kind === 'Rollout')?.spec.strategy?.canary).not.toHaveProperty('trafficRouting');
  });
});

type Template = {
  kind: string;
  metadata: { name: string };
  spec: { metrics: { name: string; initialDelay?: string; inconclusiveLimit?: number; count?: number }[] };
};
const templatesOf = (key: string) =>
  synthesize(fixtureProject(key))
    .files.flatMap((f) => f.documents as Template[])
    .filter((o) => o.kind === 'AnalysisTemplate');

describe('warm-up of the analyses a Rollout starts after a traffic change', () => {
  it.each([
    ['server-canary', 'ranker-canary'],
    ['server-shadow', 'ranker-shadow'],
    ['server-ab-test', 'ranker-guardrails'],
    ['server-blue-green', 'ranker-post-promotion'],
  ])('GIVEN %s WHEN synthesized THEN %s waits before its first measurement', (key, name) => {
    // GIVEN a fixture whose gate sets no initialDelay WHEN synthesized
    const t = templatesOf(key).find((x) => x.metadata.name === name);
    // THEN the first measurement waits for samples, and repeated ones tolerate one empty window
    expect(t?.spec.metrics.length).toBeGreaterThan(0);
    for (const m of t?.spec.metrics ?? []) {
      expect(m.initialDelay, m.name).toBeDefined();
      if (m.count === undefined || m.count > 1) expect(m.inconclusiveLimit, m.name).toBeGreaterThanOrEqual(1);
    }
  });

  it('GIVEN analysis({ initialDelay: 10s }) WHEN synthesized THEN its own delay replaces the warm-up', () => {
    const gate = analysis({
      initialDelay: '10s',
      metrics: [metric.prometheus('errors', { query: errorRate(), success: below(0.01) })],
    });
    const d = modelDeployment('r', {
      serving: server({ image: 'r:1', port: 8080, version: 'v1' }),
      strategy: canary({
        candidate: { image: 'r:2', version: 'v2' },
        steps: [{ weight: 10, pause: '10m' }],
        analysis: gate,
      }),
      prometheus: 'http://prom:9090',
    });
    const t = synthesize(project('p', { apps: [app('a', { deployments: [d] })] }))
      .files.flatMap((f) => f.documents as Template[])
      .find((o) => o.kind === 'AnalysisTemplate');
    expect(t?.spec.metrics[0]?.initialDelay).toBe('10s');
  });
});
