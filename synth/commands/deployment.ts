import type { DeploymentSummary } from '../client/deployments.ts';
import { UsageError } from '../load-app.ts';
import { EXIT_OK, type CommandIO } from '../report.ts';
import { connect, reportClusterError, type ClusterCommandOptions } from './cluster-cli.ts';

export interface DeploymentCommandOptions extends ClusterCommandOptions {
  /** promote: to the end, skipping the remaining steps, pauses and analysis. */
  readonly full?: boolean;
}

/**
 * The live state of a deployment in a few lines: Rollout phase, step, weights, pause reasons,
 * analysis runs and their last measurements; or the InferenceService's readiness, canary traffic
 * and where its promotion run is.
 *
 * @example
 * ```ts
 * renderDeployment(await client.deployments.status('product-ranker'));
 * // Rollout product-ranker (ml-production): Paused
 * //   step 6/11: pause 15m
 * ```
 */
export function renderDeployment(s: DeploymentSummary): string[] {
  if (s.kind === 'InferenceService')
    return [
      `InferenceService ${s.name} (${s.namespace}): Ready=${s.ready}${s.reason ? ` (${s.reason})` : ''}`,
      ...(s.url ? [`  url: ${s.url}`] : []),
      ...(s.canaryTrafficPercent !== undefined
        ? [`  canary traffic: ${s.canaryTrafficPercent}%${s.canaryName ? ` to ${s.canaryName}` : ''}`]
        : []),
      ...s.traffic.map((t) => `  ${t.percent}% -> ${t.revision}${t.latest ? ' (latest)' : ''}`),
      ...renderPromotion(s),
    ];
  return [
    `Rollout ${s.name} (${s.namespace}): ${s.phase}${s.aborted ? ', aborted' : ''}${s.message ? ` - ${s.message}` : ''}`,
    `  strategy: ${s.strategy}`,
    ...(s.step ? [`  step ${Math.min(s.step.index + 1, s.step.total)}/${s.step.total}: ${s.step.description}`] : []),
    ...(s.weights ? [`  weights: canary ${s.weights.canary}%, stable ${s.weights.stable}%`] : []),
    ...(s.paused
      ? [`  paused: ${s.pauseReasons.join(', ') || 'spec.paused'} (argosy promote ${s.name} continues)`]
      : []),
    ...s.analysisRuns.flatMap((a) => [
      `  analysis ${a.name}: ${a.phase}`,
      ...a.metrics.map(
        (m) =>
          `    ${m.name}: ${m.phase}, ${m.measurements} measurement${m.measurements === 1 ? '' : 's'}${m.lastValue !== undefined ? `, last ${m.lastValue}` : ''}`,
      ),
    ]),
  ];
}

/** The promotion run's lines of a KServe deployment's status. */
function renderPromotion(s: Extract<DeploymentSummary, { kind: 'InferenceService' }>): string[] {
  if (s.promotionError) return [`  promotion: not readable - ${s.promotionError}`];
  const p = s.promotion;
  if (!p) return ['  promotion: no run yet'];
  const state = p.running && p.shutdown ? `${p.phase}, stopping (${p.shutdown})` : p.phase;
  const step = p.step
    ? `, step ${p.step.index + 1}${p.step.total ? `/${p.step.total}` : ''}: ${p.step.steps.map((x) => `${x.name} ${x.phase}`).join(', ')}`
    : '';
  return [
    `  promotion ${p.workflow} (workflowtemplate/${p.template}): ${state}${p.skipped ? ', skipped: candidate already decided' : step}${p.message ? ` - ${p.message}` : ''}`,
    ...(p.waiting && p.running && !p.shutdown
      ? [
          `  waiting for ${p.waiting === 'approval' ? 'approval' : 'a timed pause'}: argosy promote ${s.name} continues, argosy abort ${s.name} rolls back`,
        ]
      : []),
  ];
}

/**
 * `argosy status|promote|abort <deployment>`: what `kubectl argo rollouts get/promote/abort` do,
 * by the deployment's name, in --namespace / --env's namespace.
 */
export async function runDeployment(
  action: 'status' | 'promote' | 'abort',
  name: string,
  opts: DeploymentCommandOptions,
  io: CommandIO,
  cwd = process.cwd(),
): Promise<number> {
  try {
    if (opts.full && action !== 'promote')
      throw new UsageError(`--full: only for promote (got argosy ${action}). Leave it out`);
    const { client, namespace } = await connect(opts, cwd);
    if (action === 'status') {
      renderDeployment(await client.deployments.status(name, namespace)).forEach((l) => io.out(l));
      return EXIT_OK;
    }
    const after =
      action === 'promote'
        ? await client.deployments.promote(name, { namespace, ...(opts.full ? { full: true } : {}) })
        : await client.deployments.abort(name, namespace);
    io.out(
      after.kind === 'InferenceService' && after.done
        ? `✓ ${after.done}`
        : `✓ rollout ${name} ${action === 'promote' ? (opts.full ? 'fully promoted' : 'promoted') : 'aborted'}`,
    );
    renderDeployment(after).forEach((l) => io.out(l));
    return EXIT_OK;
  } catch (e) {
    return reportClusterError(e, io);
  }
}
