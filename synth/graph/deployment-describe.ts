import { nanGuardedComplement } from '../../dsl/deploy/metric.ts';
import type { AnalysisIR, AnalysisRole, DeploymentIR, ModelVersionIR } from '../../dsl/ir/index.ts';
import { analysesOf, candidatesOf, strategyTitle } from '../../dsl/ir/strategy.ts';

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
  return candidatesOf(d.strategy).map((c) => ({
    name: c.name,
    label: modelName(c.model, c.name),
    ...(c.model ? { model: c.model } : {}),
  }));
}

/** `canary`, or `champion/challenger, online: A/B test`. */
export function strategyName(d: DeploymentIR): string {
  return strategyTitle(d.strategy);
}

/** The analysis a role of this deployment runs (the A/B decision is described separately). */
export function analysisFor(d: DeploymentIR, role: AnalysisRole): AnalysisIR | undefined {
  return analysesOf(d.strategy).find(([r]) => r === role)?.[1];
}

/** The role whose AnalysisTemplate has this name. */
export function roleOfTemplate(d: DeploymentIR, templateName: unknown): AnalysisRole | undefined {
  return (Object.entries(d.names.analysisTemplates) as [AnalysisRole, string][]).find(
    ([, name]) => name === templateName,
  )?.[0];
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;

type JobProvider = {
  readonly job?: {
    readonly spec?: {
      readonly template?: { readonly spec?: { readonly containers?: readonly { readonly image?: string }[] } };
    };
  };
};

/** The fields of a rendered metric (an AnalysisTemplate's or AnalysisRun's) the graph reads. */
export interface RenderedMetric {
  readonly name: string;
  readonly successCondition?: string;
  readonly failureCondition?: string;
  readonly interval?: string;
  readonly initialDelay?: string;
  readonly count?: number | string;
  readonly failureLimit?: number | string;
  readonly inconclusiveLimit?: number | string;
  /** Read for a job metric's image only. */
  readonly provider?: object;
}

/**
 * One line per metric as it was rendered (an AnalysisTemplate's or AnalysisRun's `metrics[]`):
 * `error-rate: result[0] < 0.01 · every 1m ×5 · failureLimit 1`.
 */
export function metricLines(metrics: readonly RenderedMetric[], dryRun: readonly string[] = []): string[] {
  return metrics.map((m) => {
    const job = (m.provider as JobProvider | undefined)?.job;
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
