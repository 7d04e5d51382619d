import { toSeconds, type Duration } from '../common/duration.ts';
import { deferErrors } from './deferred.ts';
import { DslError } from '../errors.ts';
import type { BlueGreenIR } from '../ir/index.ts';
import { assertAnalysis, assertBounded, type Analysis } from './analysis.ts';
import { assertInt, assertKnownKeys } from './checks.ts';
import { versionToIR, type ModelVersion } from './model-version.ts';
import { recorderToIR, type PromotionRecorder } from './promotion-record.ts';
import { needsReplica, noRecorderOnServer, type StrategyRules } from './strategy-rules.ts';

/**
 * Options of {@link blueGreen}.
 *
 * @example
 * ```ts
 * { candidate: { version: 'v43', storageUri: 's3://models/churn/v43' }, autoPromote: false, prePromotionAnalysis: smoke }
 * ```
 */
export interface BlueGreenOptions {
  /** The new (green) version; leave it out when `serving` itself is the new version (plain servers). */
  readonly candidate?: ModelVersion;
  /** Switch traffic as soon as the pre-promotion analysis passes (default true), or wait for a promote. */
  readonly autoPromote?: boolean;
  /** Runs against the preview before any user traffic moves; must end by itself. */
  readonly prePromotionAnalysis?: Analysis;
  /** Runs after the switch; a failure switches back. Must end by itself. */
  readonly postPromotionAnalysis?: Analysis;
  /** Plain servers: keep the old pods this long after the switch (fast rollback). */
  readonly scaleDownDelay?: Duration;
  /** Plain servers: replicas of the preview before promotion (default: full size). */
  readonly previewReplicas?: number;
  /** KServe: a container that records the promotion in git once the candidate serves 100 %. */
  readonly recordPromotion?: PromotionRecorder;
}

/**
 * A blue/green strategy.
 * @example
 * ```ts
 * const strategy: BlueGreenStrategy = blueGreen({ autoPromote: false });
 * ```
 */
export interface BlueGreenStrategy {
  readonly kind: 'blueGreen';
  readonly ir: BlueGreenIR;
}

/**
 * Starts the new version beside the old one behind a preview Service, checks it, then switches
 * all traffic at once. Plain servers: Rollout `blueGreen` with active and preview Services (no
 * mesh needed). KServe: a dark launch (`spec.canary[]` at 0 %), a preview Service and a
 * WorkflowTemplate that runs the analyses and flips the traffic.
 *
 * @example
 * ```ts
 * blueGreen({
 *   candidate: { version: 'v43', storageUri: 's3://models/churn/v43' },
 *   prePromotionAnalysis: analysis({ metrics: [metric.job('smoke', { image: 'ghcr.io/acme/smoke:1', command: ['python3', 'smoke.py'] })] }),
 * })
 * ```
 */
export function blueGreen(opts: BlueGreenOptions = {}): BlueGreenStrategy {
  return deferErrors('blueGreen', () => buildBlueGreen(opts));
}

function buildBlueGreen(opts: BlueGreenOptions = {}): BlueGreenStrategy {
  const path = ['blueGreen()'];
  assertKnownKeys(
    opts,
    [
      'candidate',
      'autoPromote',
      'prePromotionAnalysis',
      'postPromotionAnalysis',
      'scaleDownDelay',
      'previewReplicas',
      'recordPromotion',
    ],
    path,
    'blueGreen()',
  );
  const record = recorderToIR(opts.recordPromotion, path);
  if (opts.autoPromote !== undefined && typeof opts.autoPromote !== 'boolean') {
    throw new DslError({
      path: [...path, 'autoPromote'],
      problem: 'expected true or false',
      got: opts.autoPromote,
      fix: 'Use autoPromote: false to wait for a promote',
    });
  }
  const pre =
    opts.prePromotionAnalysis === undefined
      ? undefined
      : assertAnalysis(opts.prePromotionAnalysis, [...path, 'prePromotionAnalysis']).ir;
  const post =
    opts.postPromotionAnalysis === undefined
      ? undefined
      : assertAnalysis(opts.postPromotionAnalysis, [...path, 'postPromotionAnalysis']).ir;
  if (pre) assertBounded(pre, [...path, 'prePromotionAnalysis'], 'a pre-promotion analysis');
  if (post) assertBounded(post, [...path, 'postPromotionAnalysis'], 'a post-promotion analysis');
  return {
    kind: 'blueGreen',
    ir: {
      kind: 'blueGreen',
      ...(opts.candidate !== undefined ? { candidate: versionToIR(opts.candidate, [...path, 'candidate']) } : {}),
      autoPromote: opts.autoPromote ?? true,
      ...(pre ? { prePromotionAnalysis: pre } : {}),
      ...(post ? { postPromotionAnalysis: post } : {}),
      ...(opts.scaleDownDelay !== undefined
        ? { scaleDownDelaySeconds: toSeconds(opts.scaleDownDelay, [...path, 'scaleDownDelay']) }
        : {}),
      ...(opts.previewReplicas !== undefined
        ? {
            previewReplicas: assertInt(
              opts.previewReplicas,
              [...path, 'previewReplicas'],
              1,
              1000,
              'Use e.g. previewReplicas: 1',
            ),
          }
        : {}),
      ...(record ? { recordPromotion: record } : {}),
    },
  };
}

/** A blue/green's rules per serving kind. */
export const blueGreenRules: StrategyRules<BlueGreenIR> = {
  server: (s, _serving, ctx) => noRecorderOnServer(s.recordPromotion, ctx.at),
  kserve: (_s, serving, ctx) =>
    needsReplica(
      serving,
      ctx.path,
      'a dark launch keeps the candidate running at 0 % traffic, which needs at least one replica',
    ),
  subsets: (_s, at) => {
    throw new DslError({
      path: at,
      problem:
        'a blue/green Rollout switches the selectors of its active and preview Services and uses no VirtualService or DestinationRule, so there is nothing to split by subset',
      got: 'subsets',
      fix: "Remove routing: 'subsets', or use canary()",
    });
  },
};
