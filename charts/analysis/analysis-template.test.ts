import { describe, expect, it } from 'vitest';
import { analysis } from '../../dsl/deploy/analysis.ts';
import { metric } from '../../dsl/deploy/metric.ts';
import { analysisTemplate } from './analysis-template.ts';

describe('analysisTemplate()', () => {
  it('GIVEN a job metric (smoke test, A/B decision) WHEN rendered THEN its pod opts out of Istio sidecar injection', () => {
    // GIVEN
    const smoke = analysis({ metrics: [metric.job('smoke', { image: 'ghcr.io/acme/smoke:1', command: ['smoke'] })] });
    // WHEN
    const t = analysisTemplate('smoke', smoke.ir, 'ml', {});
    // THEN
    const pod = t.spec.metrics?.[0]?.provider.job?.spec.template;
    expect(pod?.metadata?.labels).toEqual({ 'sidecar.istio.io/inject': 'false' });
    expect(pod?.metadata?.annotations).toEqual({ 'sidecar.istio.io/inject': 'false' });
  });
});
