import { toGoDuration, toSeconds, type Duration } from '../common/duration.ts';
import { deferErrors } from './deferred.ts';
import { DslError, type PathSegment } from '../errors.ts';
import type { CanaryIR, CanaryStepIR } from '../ir/index.ts';
import { assertAnalysis, assertBounded, type Analysis } from './analysis.ts';
import { assertKnownKeys } from './checks.ts';
import { versionToIR, type ModelVersion } from './model-version.ts';
import { recorderToIR, type PromotionRecorder } from './promotion-record.ts';
import { needsReplica, noRecorderOnServer, type StrategyRules } from './strategy-rules.ts';

/**
 * One canary step: send `weight` percent of traffic to the candidate, then wait `pause`
 * (a duration, or `'manual'` to wait for a promote).
 *
 * @example
 * ```ts
 * { weight: 10, pause: minutes(10) }
 * ```
 */
export interface CanaryStep {
  readonly weight: number;
  readonly pause?: Duration | 'manual';
}

/**
 * Options of {@link canary}.
 *
 * @example
 * ```ts
 * { candidate: { version: 'v43', storageUri: 's3://models/churn/v43' }, steps: [{ weight: 10, pause: minutes(10) }], analysis: gate }
 * ```
 */
export interface CanaryOptions {
  /** The new version; leave it out when `serving` itself is the new version (plain servers). */
  readonly candidate?: ModelVersion;
  readonly steps: readonly CanaryStep[];
  readonly analysis?: Analysis;
  /**
   * `background` (default): the analysis watches the candidate for the whole rollout.
   * `steps`: the analysis runs after each step's pause and must end by itself (metrics need a count).
   */
  readonly analysisMode?: 'background' | 'steps';
  /** KServe: a container that records the promotion in git once the candidate serves 100 %. */
  readonly recordPromotion?: PromotionRecorder;
}

/**
 * A weighted canary strategy.
 * @example
 * ```ts
 * const strategy: CanaryStrategy = canary({ steps: [{ weight: 20, pause: minutes(15) }] });
 * ```
 */
export interface CanaryStrategy {
  readonly kind: 'canary';
  readonly ir: CanaryIR;
}

/** Validates pause values shared by canary steps. */
export function pauseToIR(pause: Duration | 'manual' | undefined, path: readonly PathSegment[]): CanaryStepIR['pause'] {
  if (pause === undefined) return undefined;
  if (pause === 'manual') return { kind: 'manual' };
  return { kind: 'duration', duration: toGoDuration(pause, path), seconds: toSeconds(pause, path) };
}

/**
 * Shifts traffic to a new version in steps, gated by an analysis. Plain servers: an Argo Rollout
 * canary (setWeight/pause/analysis) with Istio routing between the canary and stable Services.
 * KServe: `spec.canary[]` plus a generated WorkflowTemplate that walks the steps, runs the
 * analysis and moves all traffic to the candidate, or back to the stable model on failure.
 *
 * @example
 * ```ts
 * canary({
 *   candidate: { version: 'v43', storageUri: 's3://models/churn/v43' },
 *   steps: [{ weight: 10, pause: minutes(10) }, { weight: 50, pause: minutes(30) }],
 *   analysis: analysis({ interval: minutes(1), metrics: [metric.prometheus('error-rate', { query: errorRate(), success: below(0.01) })] }),
 * })
 * ```
 */
export function canary(opts: CanaryOptions): CanaryStrategy {
  return deferErrors('canary', () => buildCanary(opts));
}

function buildCanary(opts: CanaryOptions): CanaryStrategy {
  const path = ['canary()'];
  assertKnownKeys(opts, ['candidate', 'steps', 'analysis', 'analysisMode', 'recordPromotion'], path, 'canary()');
  if (!Array.isArray(opts.steps) || opts.steps.length === 0) {
    throw new DslError({
      path: [...path, 'steps'],
      problem: 'a canary needs at least one step',
      got: opts.steps,
      fix: 'Add e.g. steps: [{ weight: 10, pause: minutes(10) }]',
    });
  }
  let previous = 0;
  const steps = opts.steps.map((s, i): CanaryStepIR => {
    const at = [...path, `steps[${i}]`];
    assertKnownKeys(s, ['weight', 'pause'], at, 'a canary step');
    if (typeof s.weight !== 'number' || !Number.isInteger(s.weight) || s.weight <= 0 || s.weight > 100) {
      throw new DslError({
        path: [...at, 'weight'],
        problem: 'weight must be a whole percent in (0, 100]',
        got: s.weight,
        fix: 'Use e.g. weight: 10',
      });
    }
    if (s.weight <= previous) {
      throw new DslError({
        path: [...at, 'weight'],
        problem: `weights must increase step by step (previous step: ${previous})`,
        got: s.weight,
        fix: 'Order the steps by weight, e.g. 10, 25, 50',
      });
    }
    previous = s.weight;
    const pause = pauseToIR(s.pause, [...at, 'pause']);
    return { weight: s.weight, ...(pause ? { pause } : {}) };
  });
  const mode = opts.analysisMode ?? 'background';
  if (mode !== 'background' && mode !== 'steps') {
    throw new DslError({
      path: [...path, 'analysisMode'],
      problem: 'unknown analysis mode',
      got: mode,
      fix: 'Use "background" or "steps"',
    });
  }
  const gate = opts.analysis === undefined ? undefined : assertAnalysis(opts.analysis, [...path, 'analysis']).ir;
  if (gate && mode === 'steps') assertBounded(gate, [...path, 'analysis'], 'a step analysis');
  if (gate && mode === 'background' && !steps.some((s) => s.pause)) {
    // Without any pause a Rollout runs through its steps in seconds and ends the analysis with it.
    throw new DslError({
      path: [...path, 'steps'],
      problem: 'a background analysis watches the candidate only while the steps wait, and no step pauses',
      got: steps.map((s) => s.weight),
      fix: "Give the steps pauses, e.g. { weight: 10, pause: minutes(10) }, or use analysisMode: 'steps' with counted metrics",
    });
  }
  const record = recorderToIR(opts.recordPromotion, path);
  return {
    kind: 'canary',
    ir: {
      kind: 'canary',
      ...(opts.candidate !== undefined ? { candidate: versionToIR(opts.candidate, [...path, 'candidate']) } : {}),
      steps,
      ...(gate ? { analysis: gate } : {}),
      analysisMode: mode,
      ...(record ? { recordPromotion: record } : {}),
    },
  };
}

/** A canary's rules per serving kind. */
export const canaryRules: StrategyRules<CanaryIR> = {
  knative: true,
  server: (s, _serving, ctx) => noRecorderOnServer(s.recordPromotion, ctx.at),
  kserve: (_s, serving, ctx) => {
    if (serving.deploymentMode === 'Standard')
      needsReplica(
        serving,
        ctx.path,
        'KServe sizes a canary as a share of the stable minReplicas, so 0 would leave the candidate without pods',
      );
  },
};
