import { describe, expect, it } from 'vitest';
import type { AbTestIR, DeploymentIR } from '../../dsl/ir/index.ts';
import { above, below, metric, resolveProject } from '../../dsl/index.ts';
import { fixtureProject } from '../../test/fixtures/deployments.ts';
import { metricLines, strategyName } from './deployment-describe.ts';
import { abTestLines, armLabel } from './strategies/ab-test.ts';

const deployment = (key: string): DeploymentIR => {
  const d = resolveProject(fixtureProject(key)).environments[0]?.apps[0]?.deployments[0];
  if (!d) throw new Error(key);
  return d;
};

describe('deployment descriptions', () => {
  it('GIVEN rendered metrics of every provider WHEN described THEN each line says what passes, when it is measured and its limits', () => {
    const lines = metricLines(
      [
        {
          name: 'error-rate',
          provider: { prometheus: { query: 'q' } },
          successCondition: 'result[0] < 0.01',
          failureCondition: 'result[0] > 0.05',
          interval: '1m',
          count: 5,
          failureLimit: 1,
          inconclusiveLimit: 2,
        },
        {
          name: 'smoke',
          provider: { job: { spec: { template: { spec: { containers: [{ image: 'ghcr.io/acme/smoke:1' }] } } } } },
        },
        {
          name: 'registered',
          provider: { web: { url: 'http://registry' } },
          successCondition: 'result == "passed"',
          initialDelay: '6h',
        },
        { name: 'latency', provider: { prometheus: { query: 'q' } } },
      ],
      ['latency'],
    );
    expect(lines).toEqual([
      'error-rate: result[0] < 0.01, fails if result[0] > 0.05 · every 1m ×5 · failureLimit 1 · inconclusiveLimit 2',
      'smoke: job ghcr.io/acme/smoke:1 exits 0',
      'registered: result == "passed" · after 6h',
      'latency: measured · dry run',
    ]);
  });

  it('GIVEN metrics with one numeric condition WHEN described THEN the NaN guard the DSL adds opposite it reads as no data: inconclusive', () => {
    const ok = metric.prometheus('error-rate', { query: 'q', success: below(0.01) });
    const bad = metric.prometheus('p99-latency', { query: 'q', failure: above(0.25) });
    expect(ok.failureCondition).toBeDefined();
    expect(bad.successCondition).toBeDefined();
    expect(
      metricLines(
        [ok, bad].map((m) => ({
          name: m.name,
          successCondition: m.successCondition,
          failureCondition: m.failureCondition,
        })),
      ),
    ).toEqual([
      'error-rate: result[0] < 0.01 (no data: inconclusive)',
      'p99-latency: fails if result[0] > 0.25 (no data: inconclusive)',
    ]);
  });

  it('GIVEN an A/B test that only blocks regressions on a lower-is-better mean WHEN described THEN the rule and the test say so', () => {
    const d = deployment('kserve-ab-test');
    const ab = d.strategy as AbTestIR;
    const welch: AbTestIR = { ...ab, metric: { ...ab.metric, test: 'welch', higherIsBetter: false } };
    expect(abTestLines(d, welch)).toEqual([
      "conversion: Welch's t-test (lower is better)",
      'treatment (v43) vs control (v42)',
      'fails only if treatment is worse at p < 0.05',
      'needs ≥ 20000 samples per arm',
    ]);
  });

  it('GIVEN variants named after their version or without a model WHEN labelled THEN the version is not repeated and the primary serves today’s model', () => {
    const d = deployment('server-champion-challenger');
    const ab = (d.strategy.kind === 'championChallenger' ? d.strategy.online : d.strategy) as AbTestIR;
    expect(armLabel(d, ab, 'v8')).toBe('v8');
    expect(armLabel(d, ab, 'champion')).toBe('champion (v7)');
    expect(strategyName(d)).toBe('champion/challenger, online: A/B test');
  });
});
