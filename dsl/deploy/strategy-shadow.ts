import { toGoDuration, toSeconds, type Duration } from '../common/duration.ts';
import { deferErrors, throwDeferred } from './deferred.ts';
import { DslError } from '../errors.ts';
import type { ShadowIR } from '../ir/index.ts';
import { assertAnalysis, type Analysis } from './analysis.ts';
import { assertKnownKeys, assertNumber } from './checks.ts';
import { versionToIR, type ModelVersion } from './model-version.ts';
import type { CanaryStrategy } from './strategy-canary.ts';
import type { StrategyRules } from './strategy-rules.ts';

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
  /**
   * Plain servers: after a passing shadow phase, go on (to promotion, or to the `then` canary;
   * default true) or wait for a human.
   */
  readonly autoPromote?: boolean;
  /**
   * Plain servers: after the shadow phase passed, shift real traffic to the challenger in canary
   * steps (the canary has no candidate of its own: it is the challenger).
   */
  readonly then?: CanaryStrategy;
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
 * with a catch-all match) + analysis + route removal, optionally followed by canary steps
 * (`then`). KServe: a challenger InferenceService and an Istio VirtualService with
 * `mirror`/`mirrorPercentage`, payload logger on both.
 *
 * @example
 * ```ts
 * shadow({
 *   challenger: { storageUri: 's3://models/churn/v43' },
 *   mirrorPercent: 100,
 *   duration: hours(24),
 *   analysis: analysis({ interval: minutes(15), metrics: [metric.prometheus('prediction-drift', { query: predictionDrift(), success: below(0.05) })] }),
 * })
 * // shadow first, then canary (plain servers):
 * shadow({ challenger: { image: 'ghcr.io/acme/ranker:8' }, mirrorPercent: 50, duration: hours(2), analysis: gate,
 *          then: canary({ steps: [{ weight: 10, pause: minutes(15) }, { weight: 50, pause: minutes(30) }], analysis: gate }) })
 * ```
 */
export function shadow(opts: ShadowOptions): ShadowStrategy {
  return deferErrors('shadow', () => buildShadow(opts));
}

function buildShadow(opts: ShadowOptions): ShadowStrategy {
  const path = ['shadow()'];
  throwDeferred(opts?.then, [...path, 'then']);
  assertKnownKeys(
    opts,
    ['challenger', 'mirrorPercent', 'duration', 'analysis', 'autoPromote', 'then'],
    path,
    'shadow()',
  );
  const mirrorPercent = assertNumber(
    opts.mirrorPercent,
    [...path, 'mirrorPercent'],
    0,
    100,
    'Use a percentage such as 100 or 25',
  );
  if (opts.autoPromote !== undefined && typeof opts.autoPromote !== 'boolean') {
    throw new DslError({
      path: [...path, 'autoPromote'],
      problem: 'expected true or false',
      got: opts.autoPromote,
      fix: 'Use autoPromote: false to wait for a human',
    });
  }
  const gate = opts.analysis === undefined ? undefined : assertAnalysis(opts.analysis, [...path, 'analysis']).ir;
  const then = opts.then;
  if (then !== undefined && (then === null || (then as { kind?: unknown }).kind !== 'canary')) {
    throw new DslError({
      path: [...path, 'then'],
      problem: 'a shadow phase can only be followed by a canary',
      got: (then as { kind?: unknown } | null)?.kind ?? then,
      fix: 'Use then: canary({ steps: [...] })',
    });
  }
  if (then?.ir.candidate !== undefined) {
    throw new DslError({
      path: [...path, 'then', 'candidate'],
      problem: 'the canary after a shadow rolls out the challenger, so it takes no candidate of its own',
      got: then.ir.candidate,
      fix: 'Remove candidate from canary() and set shadow({ challenger })',
    });
  }
  return {
    kind: 'shadow',
    ir: {
      kind: 'shadow',
      challengers: [
        {
          name: 'challenger',
          ...(opts.challenger !== undefined ? { model: versionToIR(opts.challenger, [...path, 'challenger']) } : {}),
        },
      ],
      mirrorPercent,
      duration: toGoDuration(opts.duration, [...path, 'duration']),
      durationSeconds: toSeconds(opts.duration, [...path, 'duration']),
      ...(gate ? { analysis: gate } : {}),
      autoPromote: opts.autoPromote ?? true,
      ...(then ? { then: then.ir } : {}),
    },
  };
}

/** A shadow's rules per serving kind. */
export const shadowRules: StrategyRules<ShadowIR> = {
  server: (s, _serving, ctx) => {
    ctx.needsIstio('mirroring traffic (Rollout setMirrorRoute)');
    if (!Number.isInteger(s.mirrorPercent))
      throw new DslError({
        path: [...ctx.at, 'mirrorPercent'],
        problem: 'Argo Rollouts mirrors whole percents',
        got: s.mirrorPercent,
        fix: 'Round mirrorPercent to a whole number',
      });
    if (s.challengers.length !== 1)
      throw new DslError({
        path: [...ctx.at, 'challengers'],
        problem: 'a Rollout runs one canary, so a plain server shadows one challenger at a time',
        got: s.challengers.map((c) => c.name),
        fix: 'Keep one challenger, or serve with kserve()',
      });
  },
  kserve: (s, _serving, ctx) => {
    if (s.then) {
      throw new DslError({
        path: [...ctx.at, 'then'],
        problem:
          'a canary after the shadow phase needs a plain server: on KServe the challenger is a separate InferenceService, not a canary of the champion',
        got: 'canary',
        fix: 'Serve with server({...}), or let the shadow pass, then introduce the version as a canary() candidate in the next commit',
      });
    }
    // The payload logger it needs may come from a monitoring's sink, so it is checked when the app is resolved.
    ctx.needsIstio('mirroring to a challenger InferenceService');
  },
};
