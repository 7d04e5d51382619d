import { describe, expect, it } from 'vitest';
import { analysis, below, canary, errorRate, kserve, metric, modelDeployment, server, shadow } from '../index.ts';

const gate = analysis({ metrics: [metric.prometheus('error-rate', { query: errorRate(), success: below(0.01) })] });
const queryOf = (a: { metrics: readonly { provider: { kind: string; query?: string } }[] } | undefined) =>
  a?.metrics[0]?.provider.query ?? '';
const ranker = (version?: string) => server({ image: 'r:7', port: 8080, ...(version ? { version } : {}) });

describe('per-arm Istio telemetry of the ready-made helpers', () => {
  it('GIVEN a plain-server shadow then canary WHEN resolved THEN the mirror gate reads the challenger pods by revision and the canary gate the client-side report of the canary Service', () => {
    const d = modelDeployment('ranker', {
      serving: ranker('v7'),
      strategy: shadow({
        challenger: { version: 'v8', image: 'r:8' },
        mirrorPercent: 50,
        duration: '1h',
        analysis: gate,
        then: canary({ steps: [{ weight: 10, pause: '5m' }], analysis: gate }),
      }),
      prometheus: 'http://p',
    });
    const s = d.ir.strategy;
    if (s.kind !== 'shadow') throw new Error('shadow expected');
    expect(queryOf(s.analysis)).toContain(
      '{reporter="destination",destination_canonical_service="ranker",destination_canonical_revision="v8",destination_workload_namespace="{{args.namespace}}",response_code=~"5.."}',
    );
    expect(queryOf(s.analysis)).not.toContain('destination_service_name');
    expect(queryOf(s.then?.analysis)).toContain('{reporter="source",destination_service_name="{{args.service}}"');
  });

  it('GIVEN KServe Standard and Knative canaries WHEN resolved THEN the gate reads the predictor Deployment (Knative: the revision Deployment) at the destination', () => {
    const std = modelDeployment('churn', {
      serving: kserve({ format: 'sklearn', storageUri: 's3://m/1', version: 'v1' }),
      strategy: canary({
        candidate: { version: 'v2', storageUri: 's3://m/2' },
        steps: [{ weight: 10, pause: '5m' }],
        analysis: gate,
      }),
      prometheus: 'http://p',
    });
    const kn = modelDeployment('churn', {
      serving: kserve({ format: 'sklearn', storageUri: 's3://m/1', deploymentMode: 'Knative' }),
      strategy: canary({ candidate: { storageUri: 's3://m/2' }, steps: [{ weight: 10, pause: '5m' }], analysis: gate }),
      prometheus: 'http://p',
    });
    const a = (d: typeof std) => (d.ir.strategy.kind === 'canary' ? d.ir.strategy.analysis : undefined);
    expect(queryOf(a(std))).toContain(
      '{reporter="destination",destination_workload="{{args.service}}",destination_workload_namespace="{{args.namespace}}"',
    );
    expect(queryOf(a(kn))).toContain('destination_workload="{{args.service}}-deployment"');
  });

  it('GIVEN a plain-server shadow without distinct version labels WHEN declared THEN the version is asked for', () => {
    expect(() =>
      modelDeployment('ranker', {
        serving: ranker(),
        strategy: shadow({ challenger: { image: 'r:8' }, mirrorPercent: 50, duration: '1h', analysis: gate }),
        prometheus: 'http://p',
      }),
    ).toThrow(/deployment "ranker" > strategy > challenger > version: mirrored requests .* needs a label of its own/);
  });

  it('GIVEN a plain-server shadow whose new version is serving itself WHEN resolved THEN the mirror gate reads the serving version label', () => {
    const d = modelDeployment('ranker', {
      serving: ranker('v9'),
      strategy: shadow({ mirrorPercent: 50, duration: '1h', analysis: gate }),
      prometheus: 'http://p',
    });
    expect(queryOf(d.ir.strategy.kind === 'shadow' ? d.ir.strategy.analysis : undefined)).toContain(
      'destination_canonical_revision="v9"',
    );
    expect(() =>
      modelDeployment('ranker', {
        serving: ranker('v9'),
        strategy: shadow({
          challenger: { version: 'v9', image: 'r:8' },
          mirrorPercent: 50,
          duration: '1h',
          analysis: gate,
        }),
        prometheus: 'http://p',
      }),
    ).toThrow(/needs a label of its own/);
  });

  it('GIVEN mesh "none" WHEN an Istio helper gates the rollout THEN it is rejected with the alternatives', () => {
    expect(() =>
      modelDeployment('ranker', {
        serving: ranker('v7'),
        strategy: canary({ steps: [{ weight: 10, pause: '5m' }], analysis: gate }),
        mesh: 'none',
        prometheus: 'http://p',
      }),
    ).toThrow(/reads Istio telemetry, but the deployment declares mesh: "none".*latencyP99\(\{ source: 'kserve' \}\)/);
  });
});
