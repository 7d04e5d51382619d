import { toGoDuration, toSeconds, type Duration } from '../common/duration.ts';
import { deferErrors } from './deferred.ts';
import { DslError, seg } from '../errors.ts';
import type { AbTestIR, AbVariantIR, AssignByIR } from '../ir/index.ts';
import { assertDnsLabel } from '../common/names.ts';
import { abMetricToIR, type AbMetric } from './ab-metric.ts';
import { assertAnalysis, type Analysis } from './analysis.ts';
import { assertInt, assertKnownKeys, assertNumber } from './checks.ts';
import { versionToIR, type ModelVersion } from './model-version.ts';
import { missingPrometheus, type StrategyRules } from './strategy-rules.ts';

/**
 * One arm of an A/B test: its traffic share (weight assignment only) and, for the arm that is
 * not `primary`, the model version it serves.
 *
 * @example
 * ```ts
 * variants: { control: { weight: 50 }, treatment: { weight: 50, model: { storageUri: 's3://models/churn/v43' } } }
 * ```
 */
export interface AbVariant {
  readonly weight?: number;
  readonly model?: ModelVersion;
}

/**
 * How users are assigned to arms.
 * @example
 * ```ts
 * assignBy: header('x-ab-variant') // or cookie('ab-variant'), or 'weight'
 * ```
 */
export type AssignBy =
  { readonly kind: 'header'; readonly name: string } | { readonly kind: 'cookie'; readonly name: string } | 'weight';

/**
 * Sticky assignment by request header: requests whose header equals the candidate variant's
 * name go to it, all others to `primary`. Needs Istio.
 * @example
 * ```ts
 * assignBy: header('x-ab-variant')
 * ```
 */
export const header = (name: string): AssignBy => ({ kind: 'header', name });
/**
 * Sticky assignment by cookie: requests carrying `<name>=<candidate variant>` go to it. Needs Istio.
 * @example
 * ```ts
 * assignBy: cookie('ab-variant')
 * ```
 */
export const cookie = (name: string): AssignBy => ({ kind: 'cookie', name });

/**
 * Options of {@link abTest}; `primary` must name one of `variants` (checked by the compiler).
 *
 * @example
 * ```ts
 * { variants: { control: {}, treatment: { model: { storageUri: 's3://models/churn/v43' } } }, primary: 'control',
 *   assignBy: header('x-ab-variant'), duration: days(7), primaryMetric: conversion, minSamplesPerArm: 5000 }
 * ```
 */
export interface AbTestOptions<V extends Record<string, AbVariant>> {
  /** Exactly two arms. */
  readonly variants: V;
  /** The arm that serves today (`serving`): default route and the test's baseline. */
  readonly primary: NoInfer<Extract<keyof V, string>>;
  readonly assignBy: AssignBy;
  readonly duration: Duration;
  /** The statistic the decision is made on (see `abTestMetric` in components/). */
  readonly primaryMetric: AbMetric;
  /** Significance level of the two-sided test; default 0.05. */
  readonly alpha?: number;
  /** Fewer samples in either arm fails the test: not enough evidence to switch. */
  readonly minSamplesPerArm: number;
  /** `better` (default): ship only a significant improvement; `notWorse`: block only a significant regression. */
  readonly require?: 'better' | 'notWorse';
  /** Guardrails (error rate, latency) watched while the test runs. */
  readonly analysis?: Analysis;
  /** Plain servers: promote a winning candidate (default true) or wait for a human. */
  readonly autoPromote?: boolean;
}

/**
 * An A/B test strategy over variants `V`.
 * @example
 * ```ts
 * const test: AbTestStrategy<'control' | 'treatment'> = abTest({ variants: { control: {}, treatment: {} }, primary: 'control', ... });
 * ```
 */
export interface AbTestStrategy<V extends string = string> {
  readonly kind: 'abTest';
  readonly variants: readonly V[];
  readonly ir: AbTestIR;
}

const KEYS = [
  'variants',
  'primary',
  'assignBy',
  'duration',
  'primaryMetric',
  'alpha',
  'minSamplesPerArm',
  'require',
  'analysis',
  'autoPromote',
] as const;

/**
 * Splits users between two models and lets a statistical test decide: a two-proportion z-test
 * for rates or Welch's t-test for means, run as an Argo Rollouts `job` analysis on per-arm
 * Prometheus queries. Plain servers: Rollout `setHeaderRoute` + pause + analysis (header/cookie)
 * or an `experiment` step (weights). KServe: one InferenceService per arm, an Istio
 * VirtualService and a WorkflowTemplate that routes everyone to `primary` when the test fails.
 *
 * @example
 * ```ts
 * abTest({
 *   variants: { control: {}, treatment: { model: { storageUri: 's3://models/churn/v43' } } },
 *   primary: 'control',
 *   assignBy: header('x-ab-variant'),
 *   duration: days(7),
 *   primaryMetric: conversion,
 *   alpha: 0.05,
 *   minSamplesPerArm: 5000,
 * })
 * ```
 */
export function abTest<const V extends Record<string, AbVariant>>(
  opts: AbTestOptions<V>,
): AbTestStrategy<Extract<keyof V, string>> {
  return deferErrors('abTest', () => buildAbTest<V>(opts));
}

function buildAbTest<const V extends Record<string, AbVariant>>(
  opts: AbTestOptions<V>,
): AbTestStrategy<Extract<keyof V, string>> {
  const path = ['abTest()'];
  assertKnownKeys(opts, KEYS, path, 'abTest()');
  const names = Object.keys(opts.variants ?? {});
  if (names.length !== 2) {
    throw new DslError({
      path: [...path, 'variants'],
      problem: 'an A/B test compares exactly two variants',
      got: names,
      fix: 'Declare two variants, e.g. { control: {}, treatment: { model: {...} } }',
    });
  }
  if (!names.includes(opts.primary)) {
    throw new DslError({
      path: [...path, 'primary'],
      problem: 'primary must name a variant',
      got: opts.primary,
      fix: `Use one of: ${names.join(', ')}`,
    });
  }
  const assignBy = assignByToIR(opts.assignBy);
  const variants = names.map((name): AbVariantIR => {
    const at = [...path, seg('variant', name)];
    assertDnsLabel(name, at, 'variant name', 20);
    const v = opts.variants[name] as AbVariant;
    assertKnownKeys(v, ['weight', 'model'], at, 'a variant');
    if (name === opts.primary && v.model !== undefined) {
      throw new DslError({
        path: [...at, 'model'],
        problem: 'the primary variant is the model serving today (`serving`), so it takes no model of its own',
        got: v.model,
        fix: 'Move the model to the other variant, or change `serving`',
      });
    }
    if (assignBy.kind === 'weight') {
      assertInt(v.weight, [...at, 'weight'], 1, 99, 'Give both variants a weight, e.g. 50 and 50');
    } else if (v.weight !== undefined) {
      throw new DslError({
        path: [...at, 'weight'],
        problem: `weights have no effect when users are assigned by ${assignBy.kind}`,
        got: v.weight,
        fix: "Remove the weights, or use assignBy: 'weight'",
      });
    }
    return {
      name,
      ...(v.weight !== undefined ? { weight: v.weight } : {}),
      ...(v.model !== undefined ? { model: versionToIR(v.model, [...at, 'model']) } : {}),
    };
  });
  if (assignBy.kind === 'weight') {
    const total = variants.reduce((sum, v) => sum + (v.weight ?? 0), 0);
    if (total !== 100) {
      throw new DslError({
        path: [...path, 'variants'],
        problem: 'variant weights must add up to 100',
        got: total,
        fix: 'Adjust the weights, e.g. 50 and 50',
      });
    }
  }
  if (!opts.primaryMetric || opts.primaryMetric.kind !== 'abMetric') {
    throw new DslError({
      path: [...path, 'primaryMetric'],
      problem: 'expected an A/B metric',
      got: opts.primaryMetric,
      fix: 'Use abTestMetric.rate({...}) or abTestMetric.mean({...}) from components/',
    });
  }
  const alpha = assertNumber(
    opts.alpha ?? 0.05,
    [...path, 'alpha'],
    1e-6,
    0.5,
    'Use a significance level such as 0.05',
  );
  const require = opts.require ?? 'better';
  if (require !== 'better' && require !== 'notWorse') {
    throw new DslError({
      path: [...path, 'require'],
      problem: 'unknown decision rule',
      got: require,
      fix: 'Use "better" or "notWorse"',
    });
  }
  const duration = toGoDuration(opts.duration, [...path, 'duration']);
  return {
    kind: 'abTest',
    variants: names as Extract<keyof V, string>[],
    ir: {
      kind: 'abTest',
      primary: opts.primary,
      variants,
      assignBy,
      duration,
      durationSeconds: toSeconds(opts.duration, [...path, 'duration']),
      metric: abMetricToIR(opts.primaryMetric, duration, path),
      alpha,
      minSamplesPerArm: assertInt(
        opts.minSamplesPerArm,
        [...path, 'minSamplesPerArm'],
        1,
        1_000_000_000,
        'Use the sample size your power analysis asks for, e.g. 5000',
      ),
      require,
      ...(opts.analysis !== undefined ? { analysis: assertAnalysis(opts.analysis, [...path, 'analysis']).ir } : {}),
      autoPromote: opts.autoPromote ?? true,
    },
  };
}

function assignByToIR(a: AssignBy): AssignByIR {
  const path = ['abTest()', 'assignBy'];
  if (a === 'weight') return { kind: 'weight' };
  if (!a || typeof a !== 'object' || (a.kind !== 'header' && a.kind !== 'cookie')) {
    throw new DslError({
      path,
      problem: 'unknown assignment',
      got: a,
      fix: "Use header('x-ab-variant'), cookie('ab-variant') or 'weight'",
    });
  }
  const valid = a.kind === 'header' ? /^[a-z0-9][a-z0-9-]*$/ : /^[A-Za-z0-9_-]+$/;
  if (typeof a.name !== 'string' || !valid.test(a.name)) {
    throw new DslError({
      path,
      problem: `not a valid ${a.kind} name${a.kind === 'header' ? ' (Istio matches lowercase header names)' : ''}`,
      got: a.name,
      fix: a.kind === 'header' ? 'Use e.g. "x-ab-variant"' : 'Use e.g. "ab-variant"',
    });
  }
  return { kind: a.kind, name: a.name };
}

/** An A/B test's rules per serving kind. */
export const abTestRules: StrategyRules<AbTestIR> = {
  server: (s, _serving, ctx) =>
    ctx.needsIstio(
      s.assignBy.kind === 'weight'
        ? 'a weighted experiment split'
        : `${s.assignBy.kind} routing (Rollout setHeaderRoute)`,
    ),
  kserve: (_s, _serving, ctx) => ctx.needsIstio('routing users between two InferenceServices'),
  subsets: (s, at) => {
    if (s.assignBy.kind === 'weight') return;
    throw new DslError({
      path: at,
      problem: `the A/B decision queries each arm by its own Service, and with subset-level routing both arms of a ${s.assignBy.kind}-routed test are endpoints of the one Service, so the test would compare the Service with itself`,
      got: 'subsets',
      fix: "Use routing: 'hosts' (the default), or assignBy: 'weight' (the experiment's arms get Services of their own)",
    });
  },
  withPrometheus: (s, address, path) => {
    if (s.metric.address === undefined && address === undefined)
      throw missingPrometheus([...path, seg('abMetric', s.metric.name)]);
    return { ...s, metric: { ...s.metric, address: s.metric.address ?? address } };
  },
};
