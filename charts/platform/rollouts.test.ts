import { describe, expect, it } from 'vitest';
import { NEWEST_PLATFORM } from '../../dsl/ir/platform.ts';
import type { RenderedObject } from '../target.ts';
import { adaptToPlatform } from './adapt.ts';
import { adaptRollouts } from './rollouts.ts';

const at = ['environment "prod"', 'app "a"'];
const rollout = (canary: Record<string, unknown>): RenderedObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'ranker' },
  spec: { strategy: { canary: { steps: [{ setWeight: 20 }], ...canary } } },
});
const template = (metric: Record<string, unknown>): RenderedObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'AnalysisTemplate',
  metadata: { name: 'gate' },
  spec: {
    metrics: [
      { name: 'error-rate', provider: { prometheus: { query: 'x' } } },
      { name: 'p99', ...metric },
    ],
  },
});

describe('adaptRollouts', () => {
  it('GIVEN Argo Rollouts 1.6 WHEN a Rollout scales traffic weights THEN the error names the feature and 1.7', () => {
    expect(() => adaptRollouts(rollout({ trafficRouting: { maxTrafficWeight: 1000 } }), '1.6', at)).toThrow(
      'environment "prod" > app "a" > spec.strategy.canary.trafficRouting.maxTrafficWeight: a traffic weight scale (maxTrafficWeight) needs Argo Rollouts 1.7 or later (got "argoRollouts 1.6"). Remove it, or target argoRollouts 1.7 or later in project(..., { platform }).',
    );
  });

  it('GIVEN Argo Rollouts 1.7 WHEN the same Rollout is adapted THEN it is valid there and unchanged', () => {
    const o = rollout({ trafficRouting: { maxTrafficWeight: 1000 } });
    expect(adaptRollouts(o, '1.7', at)).toBe(o);
  });

  it('GIVEN Argo Rollouts 1.7 WHEN a step runs a plugin THEN the error points at that step', () => {
    const o = rollout({ steps: [{ setWeight: 20 }, { plugin: { name: 'x' } }] });
    expect(() => adaptRollouts(o, '1.7', at)).toThrow(
      'spec.strategy.canary.steps[1].plugin: a step plugin needs Argo Rollouts 1.8 or later',
    );
  });

  it('GIVEN Argo Rollouts 1.7 WHEN a metric sets consecutiveSuccessLimit THEN the error names the metric and 1.8', () => {
    expect(() => adaptRollouts(template({ consecutiveSuccessLimit: 3 }), '1.7', at)).toThrow(
      'spec.metrics[1].consecutiveSuccessLimit: a metric consecutiveSuccessLimit needs Argo Rollouts 1.8 or later',
    );
  });

  it('GIVEN Argo Rollouts 1.6 WHEN an AnalysisTemplate uses only 1.6 fields THEN it is unchanged', () => {
    const o = template({ initialDelay: '1m', inconclusiveLimit: 1, provider: { prometheus: { query: 'y' } } });
    expect(adaptRollouts(o, '1.6', at)).toBe(o);
  });

  it('GIVEN an Argo Workflows kind WHEN adapted THEN Rollouts fields are not looked for', () => {
    const wf: RenderedObject = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name: 'w' },
      spec: { ttlStrategy: { secondsAfterCompletion: 60 } },
    };
    expect(adaptRollouts(wf, '1.6', at)).toBe(wf);
  });

  it('GIVEN only an older Argo Rollouts WHEN adaptToPlatform runs THEN the check applies', () => {
    const run: RenderedObject = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AnalysisRun',
      metadata: { name: 'r' },
      spec: { metrics: [], ttlStrategy: { secondsAfterCompletion: 60 } },
    };
    expect(() => adaptToPlatform(run, { ...NEWEST_PLATFORM, argoRollouts: '1.6' }, at)).toThrow(
      'an AnalysisRun ttlStrategy needs Argo Rollouts 1.7 or later',
    );
  });
});
