import { describe, expect, it } from 'vitest';
import { abTestMetric } from '../../components/index.ts';
import { collectErrors } from '../common/collect.ts';
import { isDslErrors } from '../errors.ts';
import { days } from '../common/duration.ts';
import { istio } from './mesh.ts';
import { modelDeployment } from './model-deployment.ts';
import { kserve } from './serving-kserve.ts';
import { server } from './serving-server.ts';
import { abTest } from './strategy-ab-test.ts';
import { canary } from './strategy-canary.ts';
import { shadow } from './strategy-shadow.ts';

const fraud = server({ image: 'ghcr.io/acme/fraud:7', version: 'v7', port: 8080 });
const flagged = abTestMetric.rate({
  name: 'flagged',
  successes: ({ service, window }) => `sum(increase(flagged_total{service="${service}"}[${window}]))`,
  trials: ({ service, window }) => `sum(increase(requests_total{service="${service}"}[${window}]))`,
});
const threeArms = () =>
  abTest({
    variants: { a: {}, b: {}, c: {} } as never,
    primary: 'a' as never,
    assignBy: 'weight',
    duration: days(7),
    primaryMetric: flagged,
    minSamplesPerArm: 100,
  });

describe('mistakes of a strategy, serving or mesh', () => {
  it('GIVEN a strategy with a mistake WHEN a deployment uses it THEN the error names the deployment', () => {
    const strategy = threeArms();
    expect(strategy.kind).toBe('abTest');
    expect(() => modelDeployment('fraud-scorer', { serving: fraud, strategy, prometheus: 'http://p' })).toThrow(
      /^deployment "fraud-scorer" > abTest\(\) > variants: an A\/B test compares exactly two variants \(got \["a","b","c"\]\)/,
    );
  });

  it('GIVEN a serving or a mesh with a mistake THEN the deployment is named too', () => {
    expect(() =>
      modelDeployment('fraud-scorer', {
        serving: server({ image: 'ghcr.io/acme/fraud:7', version: 'v7', port: 70000 }),
        strategy: canary({ steps: [{ weight: 10 }] }),
      }),
    ).toThrow(/^deployment "fraud-scorer" > server\(\) > port:/);
    expect(() =>
      modelDeployment('churn', {
        serving: kserve({ format: 'xgboost', storageUri: 's3://m/v1', version: 'v1' }),
        strategy: canary({ steps: [{ weight: 10 }] }),
        mesh: istio({ routing: 'subset' as never }),
      }),
    ).toThrow(/^deployment "churn" > istio\(\) > routing: unknown routing mode/);
  });

  it('GIVEN a strategy nested in another THEN the path goes through both', () => {
    const shadowThenCanary = shadow({
      mirrorPercent: 10,
      duration: '1h',
      then: canary({ steps: [{ weight: 50 }, { weight: 10 }] }),
    });
    expect(() => modelDeployment('ranker', { serving: fraud, strategy: shadowThenCanary })).toThrow(
      /^deployment "ranker" > shadow\(\) > then > canary\(\) > steps/,
    );
  });

  it('GIVEN a broken serving and a broken strategy in a project build THEN both are reported, each under the deployment', async () => {
    let messages: string[] = [];
    try {
      await collectErrors(() =>
        modelDeployment('fraud-scorer', {
          serving: server({ image: 'ghcr.io/acme/fraud:7', version: 'v7', port: 0 }),
          strategy: threeArms(),
        }),
      );
    } catch (e) {
      if (!isDslErrors(e)) throw e;
      messages = e.errors.map((x) => x.message);
    }
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^deployment "fraud-scorer" > server\(\) > port:/);
    expect(messages[1]).toMatch(/^deployment "fraud-scorer" > abTest\(\) > variants:/);
  });
});
