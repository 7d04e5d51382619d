import { nanGuardedComplement } from '../../dsl/deploy/metric.ts';
import type { AbTestIR, AnalysisIR, AnalysisRole, DeploymentIR, ModelVersionIR } from '../../dsl/ir/index.ts';
import { onlineStrategy } from '../../dsl/ir/strategy.ts';

/** The label of the model serving today: its version, else "current". */
export function stableName(d: DeploymentIR): string {
  return d.serving.version ?? 'current';
}

/** The label of a new model: its version, else the name the strategy gives it. */
export function modelName(m: ModelVersionIR | undefined, fallback: string): string {
  return m?.version ?? fallback;
}

/** What a new model changes, as a reviewer checks it: the artifact or image first. */
export function changeLines(m: ModelVersionIR | undefined): string[] {
  if (!m) return [];
  return [
    ...(m.image ? [`image ${m.image}`] : []),
    ...(m.storageUri ? [`storageUri ${m.storageUri}`] : []),
    ...(m.runtime ? [`runtime ${m.runtime}`] : []),
    ...(m.args ? [`args ${m.args.join(' ')}`] : []),
  ];
}

/** The candidate(s) a strategy brings in, with their labels. */
export function candidates(
  d: DeploymentIR,
): { readonly name: string; readonly label: string; readonly model?: ModelVersionIR }[] {
  const e = onlineStrategy(d.strategy);
  const one = (name: string, model: ModelVersionIR | undefined) => ({
    name,
    label: modelName(model, name),
    ...(model ? { model } : {}),
  });
  switch (e.kind) {
    case 'canary':
    case 'blueGreen':
      return [one('candidate', e.candidate)];
    case 'shadow':
      return e.challengers.map((c) => one(c.name, c.model));
    case 'abTest':
      return e.variants.filter((v) => v.name !== e.primary).map((v) => one(v.name, v.model));
  }
}

/** An A/B arm as `treatment (v43)`: the variant name and the model it serves. */
export function armLabel(d: DeploymentIR, ab: AbTestIR, variant: string): string {
  const v = ab.variants.find((x) => x.name === variant);
  const version = variant === ab.primary ? (v?.model?.version ?? stableName(d)) : v?.model?.version;
  return version && version !== variant ? `${variant} (${version})` : variant;
}

const STRATEGY_NAMES = {
  canary: 'canary',
  shadow: 'shadow',
  abTest: 'A/B test',
  blueGreen: 'blue/green',
  championChallenger: 'champion/challenger',
} as const;

/** `canary`, or `champion/challenger, online: A/B test`. */
export function strategyName(d: DeploymentIR): string {
  const s = d.strategy;
  const e = onlineStrategy(s);
  const online = e.kind === 'shadow' && e.then ? `${STRATEGY_NAMES.shadow}, then canary` : STRATEGY_NAMES[e.kind];
  return s.kind === 'championChallenger' ? `${STRATEGY_NAMES[s.kind]}, online: ${online}` : online;
}

/** The analysis a role of this deployment runs (the A/B decision is described separately). */
export function analysisFor(d: DeploymentIR, role: AnalysisRole): AnalysisIR | undefined {
  const s = d.strategy;
  const e = onlineStrategy(d.strategy);
  switch (role) {
    case 'canary':
      return e.kind === 'canary' ? e.analysis : e.kind === 'shadow' ? e.then?.analysis : undefined;
    case 'shadow':
      return e.kind === 'shadow' ? e.analysis : undefined;
    case 'guardrails':
      return e.kind === 'abTest' ? e.analysis : undefined;
    case 'pre-promotion':
      return e.kind === 'blueGreen' ? e.prePromotionAnalysis : undefined;
    case 'post-promotion':
      return e.kind === 'blueGreen' ? e.postPromotionAnalysis : undefined;
    case 'offline-gate':
      return s.kind === 'championChallenger' ? s.offlineGate.verify : undefined;
    case 'ab-test':
      return undefined;
  }
}

/** The role whose AnalysisTemplate has this name. */
export function roleOfTemplate(d: DeploymentIR, templateName: unknown): AnalysisRole | undefined {
  return (Object.entries(d.names.analysisTemplates) as [AnalysisRole, string][]).find(
    ([, name]) => name === templateName,
  )?.[0];
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;

/**
 * One line per metric as it was rendered (an AnalysisTemplate's or AnalysisRun's `metrics[]`):
 * `error-rate: result[0] < 0.01 · every 1m ×5 · failureLimit 1`.
 */
export function metricLines(metrics: readonly Record<string, unknown>[], dryRun: readonly string[] = []): string[] {
  return metrics.map((m) => {
    const provider = (m.provider ?? {}) as Record<string, Record<string, unknown> | undefined>;
    const job = provider.job as { spec?: { template?: { spec?: { containers?: { image?: string }[] } } } } | undefined;
    let success = str(m.successCondition);
    let failure = str(m.failureCondition);
    // The NaN-guarded complement Argosy derives says only that no data is inconclusive.
    if (success && failure === nanGuardedComplement(success))
      [success, failure] = [`${success} (no data: inconclusive)`, undefined];
    else if (failure && success === nanGuardedComplement(failure))
      [success, failure] = [undefined, `${failure} (no data: inconclusive)`];
    const test = [
      ...(success ? [success] : []),
      ...(failure ? [`fails if ${failure}`] : []),
      ...(!success && !failure && job ? [`job ${job.spec?.template?.spec?.containers?.[0]?.image ?? ''} exits 0`] : []),
      ...(!success && !failure && !job ? ['measured'] : []),
    ].join(', ');
    const when = [
      ...(str(m.initialDelay) ? [`after ${str(m.initialDelay)}`] : []),
      ...(str(m.interval) ? [`every ${str(m.interval)}`] : []),
      ...(str(m.count) ? [`×${str(m.count)}`] : []),
    ].join(' ');
    const limits = [
      ...(str(m.failureLimit) ? [`failureLimit ${str(m.failureLimit)}`] : []),
      ...(str(m.inconclusiveLimit) ? [`inconclusiveLimit ${str(m.inconclusiveLimit)}`] : []),
    ];
    const name = String(m.name);
    return [`${name}: ${test}`, ...(when ? [when] : []), ...limits, ...(dryRun.includes(name) ? ['dry run'] : [])].join(
      ' · ',
    );
  });
}

/** The A/B decision: which test, what passes, how much evidence it needs. */
export function abTestLines(d: DeploymentIR, ab: AbTestIR): string[] {
  const candidate = ab.variants.find((v) => v.name !== ab.primary)?.name ?? 'candidate';
  const test = ab.metric.test === 'proportions' ? 'two-proportion z-test' : "Welch's t-test";
  const direction = ab.metric.higherIsBetter ? 'higher is better' : 'lower is better';
  const rule =
    ab.require === 'better'
      ? `passes if ${candidate} is better at p < ${ab.alpha}`
      : `fails only if ${candidate} is worse at p < ${ab.alpha}`;
  return [
    `${ab.metric.name}: ${test} (${direction})`,
    `${armLabel(d, ab, candidate)} vs ${armLabel(d, ab, ab.primary)}`,
    rule,
    `needs ≥ ${ab.minSamplesPerArm} samples per arm`,
  ];
}
