import { describe, expect, it } from 'vitest';
import { promotePatches, summarizeRollout } from './deployments.ts';

const steps = [
  { setWeight: 10 },
  { pause: { duration: '15m' } },
  { analysis: { templates: [{ templateName: 'canary' }] } },
  { setWeight: 50 },
  { pause: {} },
];
const rollout = (status: Record<string, unknown>, paused = false) => ({
  metadata: { name: 'ranker', namespace: 'ml' },
  spec: { paused, strategy: { canary: { steps } } },
  status,
});

describe('Rollout promote patches (the ones kubectl argo rollouts promote sends)', () => {
  it('GIVEN a rollout paused at a step THEN the status patch clears the pause conditions and the spec is left alone', () => {
    expect(
      promotePatches(rollout({ currentStepIndex: 1, pauseConditions: [{ reason: 'CanaryPauseStep' }] }), false),
    ).toEqual({
      status: { status: { pauseConditions: null } },
    });
  });

  it('GIVEN spec.paused THEN it is unpaused too', () => {
    expect(
      promotePatches(rollout({ currentStepIndex: 1, pauseConditions: [{ reason: 'CanaryPauseStep' }] }, true), false),
    ).toEqual({
      spec: { spec: { paused: false } },
      status: { status: { pauseConditions: null } },
    });
  });

  it('GIVEN a canary mid-analysis (no pause) THEN it moves to the next step, never past the last', () => {
    expect(promotePatches(rollout({ currentStepIndex: 2 }), false)).toEqual({
      status: { status: { pauseConditions: null, currentStepIndex: 3 } },
    });
    expect(promotePatches(rollout({ currentStepIndex: 5 }), false)).toEqual({
      status: { status: { pauseConditions: null, currentStepIndex: 5 } },
    });
  });

  it('GIVEN --full THEN promoteFull is asked for, unless the new version is already stable', () => {
    expect(promotePatches(rollout({ currentPodHash: 'b', stableRS: 'a' }), true)).toEqual({
      status: { status: { promoteFull: true } },
    });
    expect(promotePatches(rollout({ currentPodHash: 'a', stableRS: 'a' }), true)).toEqual({});
  });
});

describe('Rollout summary', () => {
  it('GIVEN a status without weights THEN the weight comes from the steps done, and only its own analysis runs are listed', () => {
    const s = summarizeRollout(
      rollout({ phase: 'Paused', currentStepIndex: 4, pauseConditions: [{ reason: 'CanaryPauseStep' }] }),
      [
        {
          metadata: { name: 'ranker-canary-1', ownerReferences: [{ kind: 'Rollout', name: 'ranker' }] },
          status: {
            phase: 'Successful',
            metricResults: [
              { name: 'error-rate', phase: 'Successful', measurements: [{ value: '0.01' }, { value: '0.004' }] },
            ],
          },
        },
        { metadata: { name: 'other-1', ownerReferences: [{ kind: 'Rollout', name: 'other' }] } },
      ],
    );
    expect(s).toMatchObject({
      phase: 'Paused',
      step: { index: 4, total: 5, description: 'pause (until promoted)' },
      weights: { canary: 50, stable: 50 },
      paused: true,
      pauseReasons: ['CanaryPauseStep'],
      analysisRuns: [
        {
          name: 'ranker-canary-1',
          phase: 'Successful',
          metrics: [{ name: 'error-rate', phase: 'Successful', measurements: 2, lastValue: '0.004' }],
        },
      ],
    });
  });
});
