import { toGoDuration, toSeconds, type Duration } from '../duration.ts';
import { DslError } from '../errors.ts';
import type { ShadowIR } from '../ir/index.ts';
import { assertAnalysis, type Analysis } from './analysis.ts';
import { assertKnownKeys, assertNumber } from './checks.ts';
import { versionToIR, type ModelVersion } from './model-version.ts';

/**
 * Options of {@link shadow}.
 *
 * @example
 * ```ts
 * { challenger: { storageUri: 's3://models/churn/v43' }, mirrorPercent: 100, duration: hours(24), analysis: gate }
 * ```
 */
export interface ShadowOptions {
  /** The model that receives mirrored traffic; its answers are discarded. */
  readonly challenger?: ModelVersion;
  /** Share of live requests copied to the challenger, 0 to 100. */
  readonly mirrorPercent: number;
  /** How long traffic is mirrored; the analysis measures over this window. */
  readonly duration: Duration;
  readonly analysis?: Analysis;
  /** Plain servers: promote the challenger after a passing shadow phase (default true) or wait for a human. */
  readonly autoPromote?: boolean;
}

/**
 * A shadow (traffic mirroring) strategy.
 * @example
 * ```ts
 * const strategy: ShadowStrategy = shadow({ mirrorPercent: 100, duration: hours(6) });
 * ```
 */
export interface ShadowStrategy {
  readonly kind: 'shadow';
  readonly ir: ShadowIR;
}

/**
 * Mirrors live traffic to a challenger whose answers are discarded, then judges it by an
 * analysis. Plain servers: Rollout `setCanaryScale` + `setMirrorRoute` (Istio, managed route
 * with a catch-all match) + analysis + route removal. KServe: a challenger InferenceService and
 * an Istio VirtualService with `mirror`/`mirrorPercentage`, payload logger on both.
 *
 * @example
 * ```ts
 * shadow({
 *   challenger: { storageUri: 's3://models/churn/v43' },
 *   mirrorPercent: 100,
 *   duration: hours(24),
 *   analysis: analysis({ interval: minutes(15), metrics: [metric.prometheus('prediction-drift', { query: predictionDrift(), success: below(0.05) })] }),
 * })
 * ```
 */
export function shadow(opts: ShadowOptions): ShadowStrategy {
  const path = ['shadow()'];
  assertKnownKeys(opts, ['challenger', 'mirrorPercent', 'duration', 'analysis', 'autoPromote'], path, 'shadow()');
  const mirrorPercent = assertNumber(opts.mirrorPercent, [...path, 'mirrorPercent'], 0, 100, 'Use a percentage such as 100 or 25');
  if (opts.autoPromote !== undefined && typeof opts.autoPromote !== 'boolean') {
    throw new DslError({ path: [...path, 'autoPromote'], problem: 'expected true or false', got: opts.autoPromote, fix: 'Use autoPromote: false to wait for a human' });
  }
  const gate = opts.analysis === undefined ? undefined : assertAnalysis(opts.analysis, [...path, 'analysis']).ir;
  return {
    kind: 'shadow',
    ir: {
      kind: 'shadow',
      challengers: [{ name: 'challenger', ...(opts.challenger !== undefined ? { model: versionToIR(opts.challenger, [...path, 'challenger']) } : {}) }],
      mirrorPercent,
      duration: toGoDuration(opts.duration, [...path, 'duration']),
      durationSeconds: toSeconds(opts.duration, [...path, 'duration']),
      ...(gate ? { analysis: gate } : {}),
      autoPromote: opts.autoPromote ?? true,
    },
  };
}
