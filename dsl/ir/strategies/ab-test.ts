import type { ResourcesIR } from '../component.ts';
import type { AnalysisArgName, AnalysisIR, MetricIR, ModelVersionIR } from '../deployment.ts';
import { ROLLOUT_ROUTES, type StrategyModel } from './model.ts';

/** Per-arm PromQL of an A/B statistic, already rendered for both arms. */
export interface AbMetricIR {
  readonly name: string;
  /** `proportions`: two-proportion z-test; `welch`: Welch's t-test on means. */
  readonly test: 'proportions' | 'welch';
  readonly higherIsBetter: boolean;
  /** Query per quantity (successes/trials, or count/sum/sumOfSquares) for each arm. */
  readonly queries: {
    readonly baseline: Readonly<Record<string, string>>;
    readonly candidate: Readonly<Record<string, string>>;
  };
  /** Analysis arguments the queries reference. */
  readonly args: readonly AnalysisArgName[];
  readonly address?: string;
  /** The container that runs the decision script. */
  readonly runner: { readonly image: string; readonly script: string; readonly resources?: ResourcesIR };
}

export type AssignByIR =
  | { readonly kind: 'header'; readonly name: string }
  | { readonly kind: 'cookie'; readonly name: string }
  | { readonly kind: 'weight' };

export interface AbVariantIR {
  readonly name: string;
  readonly weight?: number;
  readonly model?: ModelVersionIR;
}

export interface AbTestIR {
  readonly kind: 'abTest';
  readonly primary: string;
  readonly variants: readonly AbVariantIR[];
  readonly assignBy: AssignByIR;
  readonly duration: string;
  readonly durationSeconds: number;
  readonly metric: AbMetricIR;
  readonly alpha: number;
  readonly minSamplesPerArm: number;
  /** `better`: promote only a significant improvement; `notWorse`: block only a significant regression. */
  readonly require: 'better' | 'notWorse';
  /** Guardrail metrics watched while the test runs. */
  readonly analysis?: AnalysisIR;
  readonly autoPromote: boolean;
}

/**
 * The A/B decision as a `job` metric: the tested script queries both arms in Prometheus, runs the
 * two-proportion z-test or Welch's t-test and exits 0 only when the rule is met. `initialDelay`
 * waits out the test where nothing else does (a plain server's experiment step).
 *
 * @example
 * ```ts
 * const decision = abDecisionAnalysis(ab); // metrics: [{ name: 'conversion', provider: { kind: 'job', ... } }]
 * ```
 */
export function abDecisionAnalysis(ab: AbTestIR, initialDelay?: string): AnalysisIR {
  const m = ab.metric;
  const q = (arm: 'baseline' | 'candidate'): [string, string][] =>
    Object.entries(m.queries[arm]).map(([k, v]) => [
      `AB_QUERY_${arm.toUpperCase()}_${k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`,
      v,
    ]);
  const env: [string, string][] = [
    ['PROMETHEUS_URL', m.address ?? ''],
    ['AB_TEST', m.test],
    ['AB_ALPHA', String(ab.alpha)],
    ['AB_MIN_SAMPLES', String(ab.minSamplesPerArm)],
    ['AB_HIGHER_IS_BETTER', String(m.higherIsBetter)],
    ['AB_REQUIRE', ab.require === 'better' ? 'better' : 'not-worse'],
    ...q('baseline'),
    ...q('candidate'),
  ];
  const metric: MetricIR = {
    name: m.name,
    args: m.args,
    provider: {
      kind: 'job',
      image: m.runner.image,
      command: ['python3', '-c', m.runner.script],
      args: [],
      env: env.map(([name, value]) => ({ name, value: [{ kind: 'text', text: value }] })),
      ...(m.runner.resources ? { resources: m.runner.resources } : {}),
      backoffLimit: 0,
    },
    ...(initialDelay ? { initialDelay } : {}),
  };
  return { metrics: [metric], dryRun: [] };
}

/** The variant that is not `primary`: the candidate arm. */
export const candidateVariant = (ab: AbTestIR): AbTestIR['variants'][number] | undefined =>
  ab.variants.find((v) => v.name !== ab.primary);

/**
 * An A/B test: users are split between two models (sticky by header or cookie, or by weight) and
 * a statistical test decides. Plain servers: a header route or a weighted experiment step of the
 * Rollout; KServe: an InferenceService for the candidate arm behind an Istio VirtualService.
 */
export const abTestModel: StrategyModel<AbTestIR> = {
  kind: 'abTest',
  title: () => 'A/B test',
  analyses: (s) => (s.analysis ? [['guardrails', s.analysis]] : []),
  mapAnalyses: (s, fn) => (s.analysis ? { ...s, analysis: fn(s.analysis, 'guardrails') } : s),
  // A plain server's weighted test runs the decision inside an experiment, which it waits out via initialDelay.
  decisions: (s, serving) => [
    [
      'ab-test',
      abDecisionAnalysis(s, serving.kind === 'server' && s.assignBy.kind === 'weight' ? s.duration : undefined),
    ],
  ],
  candidates: (s) =>
    s.variants
      .filter((v) => v.name !== s.primary)
      .map((v) => ({ name: v.name, declaredAs: 'variant', ...(v.model ? { model: v.model } : {}) })),
  decidesOn: (s) => s.variants,
  preview: false,
  mirrored: false,
  server: {
    rollout: 'canary',
    managedRoutes: (s) => (s.assignBy.kind === 'weight' ? [] : [ROLLOUT_ROUTES.ab]),
    // Weighted A/B runs as an experiment step whose arms get their own Services.
    experimentArm: (name, s) => {
      if (s.assignBy.kind !== 'weight') return undefined;
      const candidate = candidateVariant(s)?.name ?? 'candidate';
      return { arm: candidate, service: `${name}-${candidate}`, baselineService: `${name}-${s.primary}` };
    },
  },
  kserve: { promotion: 'side-by-side', logsPayloads: false },
};
