import { describe, expect, it } from 'vitest';
import { synthesize } from '../../engine.ts';
import { deploymentFixtures, fixtureProject } from '../../../test/fixtures/deployments.ts';
import { rolloutsLayer } from '../rollouts-layer.ts';
import { analysisTemplateProblems, rolloutProblems, ROLLOUTS_RULES } from './rollout-rules.ts';

const template = (args: { name: string; value?: string }[] = [{ name: 'service' }]) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'AnalysisTemplate',
  metadata: { name: 'gate', namespace: 'ml' },
  spec: {
    args,
    metrics: [
      {
        name: 'errors',
        interval: '1m',
        count: 3,
        failureLimit: 1,
        successCondition: 'result[0] < 0.01',
        provider: { prometheus: { address: 'http://prom', query: 'x' } },
      },
    ],
  },
});
const templates = new Map([['gate', [{ name: 'service', hasValue: false }]]]);
const canary = (patch: Record<string, unknown> = {}, steps: unknown[] = []) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'r', namespace: 'ml' },
  spec: {
    strategy: {
      canary: {
        canaryService: 'r-canary',
        stableService: 'r-stable',
        trafficRouting: { istio: { virtualService: { name: 'r' } }, managedRoutes: [{ name: 'mirror' }] },
        steps: [
          { setWeight: 10 },
          { setMirrorRoute: { name: 'mirror', percentage: 50, match: [{ path: { prefix: '/' } }] } },
          { analysis: { templates: [{ templateName: 'gate' }], args: [{ name: 'service', value: 'r-canary' }] } },
          ...steps,
        ],
        ...patch,
      },
    },
  },
});
const blueGreen = (bg: Record<string, unknown>) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'r', namespace: 'ml' },
  spec: { strategy: { blueGreen: bg } },
});
const rules = (o: unknown) => rolloutProblems(o, templates).map((p) => p.rule);

describe('Argo Rollouts semantic rules', () => {
  it('GIVEN a valid canary Rollout WHEN checked THEN no rule fires', () => {
    expect(rolloutProblems(canary(), templates)).toEqual([]);
  });

  it.each([
    [
      'managed-routes: a mirror route missing from managedRoutes',
      canary({}, [{ setMirrorRoute: { name: 'shadow' } }]),
      ROLLOUTS_RULES.managedRoutes,
    ],
    [
      'managed-routes: a header route without trafficRouting',
      canary({ trafficRouting: undefined }, [{ setHeaderRoute: { name: 'ab' } }]),
      ROLLOUTS_RULES.managedRoutes,
    ],
    ['step-fields: two actions in one step', canary({}, [{ setWeight: 20, pause: {} }]), ROLLOUTS_RULES.stepFields],
    ['step-fields: a weight above 100', canary({}, [{ setWeight: 120 }]), ROLLOUTS_RULES.stepFields],
    [
      'step-fields: setCanaryScale with two sizes',
      canary({}, [{ setCanaryScale: { replicas: 1, weight: 5 } }]),
      ROLLOUTS_RULES.stepFields,
    ],
    ['services: canary and stable the same Service', canary({ stableService: 'r-canary' }), ROLLOUTS_RULES.services],
    ['services: routing without a stable Service', canary({ stableService: undefined }), ROLLOUTS_RULES.services],
    [
      'analysis-refs: an unknown template',
      canary({}, [{ analysis: { templates: [{ templateName: 'nope' }] } }]),
      ROLLOUTS_RULES.analysisRefs,
    ],
    [
      'analysis-refs: a required argument not passed',
      canary({}, [{ analysis: { templates: [{ templateName: 'gate' }] } }]),
      ROLLOUTS_RULES.analysisRefs,
    ],
    [
      'experiment: two templates with one name and a bad specRef',
      canary({}, [
        {
          experiment: {
            templates: [
              { name: 'a', specRef: 'canary' },
              { name: 'a', specRef: 'new' },
            ],
          },
        },
      ]),
      ROLLOUTS_RULES.experiment,
    ],
    [
      'experiment: weights above 100',
      canary({}, [
        {
          experiment: {
            templates: [
              { name: 'a', specRef: 'stable', weight: 60 },
              { name: 'b', specRef: 'canary', weight: 60 },
            ],
          },
        },
      ]),
      ROLLOUTS_RULES.experiment,
    ],
    ['blue-green: preview = active', blueGreen({ activeService: 'r', previewService: 'r' }), ROLLOUTS_RULES.blueGreen],
    ['blue-green: no active Service', blueGreen({ previewService: 'r-preview' }), ROLLOUTS_RULES.blueGreen],
  ])('GIVEN %s WHEN checked THEN the rule fires', (_, o, rule) => {
    expect(rules(o)).toContain(rule);
  });

  it('GIVEN a valid experiment and blue/green WHEN checked THEN no rule fires', () => {
    const exp = {
      experiment: {
        templates: [
          { name: 'a', specRef: 'stable', weight: 50 },
          { name: 'b', specRef: 'canary', weight: 50 },
        ],
        analyses: [{ name: 'x', templateName: 'gate', args: [{ name: 'service', value: 'r-b' }] }],
      },
    };
    expect(rolloutProblems(canary({}, [exp]), templates)).toEqual([]);
    expect(rolloutProblems(blueGreen({ activeService: 'r', previewService: 'r-preview' }), templates)).toEqual([]);
  });

  it('GIVEN the missing mirror route WHEN checked THEN the finding names the route and the fix', () => {
    const [p] = rolloutProblems(canary({}, [{ setMirrorRoute: { name: 'shadow' } }]), templates);
    expect(p).toEqual({
      rule: ROLLOUTS_RULES.managedRoutes,
      path: 'spec.strategy.canary.steps[3].setMirrorRoute.name',
      message:
        'setMirrorRoute names a route that is not in trafficRouting.managedRoutes (got shadow). Add { name: shadow } to managedRoutes',
    });
  });

  describe('AnalysisTemplate metrics', () => {
    const withMetric = (m: Record<string, unknown>) => {
      const t = template();
      return { ...t, spec: { ...t.spec, metrics: [{ ...t.spec.metrics[0], ...m }] } };
    };
    it('GIVEN a valid template WHEN checked THEN no rule fires', () => {
      expect(analysisTemplateProblems(template())).toEqual([]);
    });
    it.each([
      ['two providers', { provider: { prometheus: { query: 'x' }, web: { url: 'http://x' } } }],
      ['no provider', { provider: {} }],
      ['count > 1 without interval', { interval: undefined }],
      ['failureLimit above count', { failureLimit: 5 }],
      ['a negative inconclusiveLimit', { inconclusiveLimit: -1 }],
      ['a condition that does not parse', { successCondition: 'result[0] < (0.01' }],
    ])('GIVEN %s WHEN checked THEN the metrics rule fires', (_, m) => {
      expect(analysisTemplateProblems(withMetric(m)).map((p) => p.rule)).toContain(ROLLOUTS_RULES.metrics);
    });
  });

  it('GIVEN the layer WHEN a Rollout and its template are validated together THEN references resolve per namespace', () => {
    const findings = rolloutsLayer([template(), canary()]);
    expect(findings.size).toBe(0);
    const elsewhere = rolloutsLayer([{ ...template(), metadata: { name: 'gate', namespace: 'other' } }, canary()]);
    expect([...elsewhere.values()].flat().map((f) => f.rule)).toContain(ROLLOUTS_RULES.analysisRefs);
  });

  it.each(Object.keys(deploymentFixtures))(
    'GIVEN fixture %s WHEN synthesized THEN the Rollouts layer finds nothing',
    (key) => {
      const docs = synthesize(fixtureProject(key)).files.flatMap((f) => f.documents);
      expect([...rolloutsLayer(docs).values()].flat()).toEqual([]);
    },
  );
});
