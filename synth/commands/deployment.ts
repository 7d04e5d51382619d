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
 * analysis runs and their last measurements; or the InferenceService's readiness and traffic.
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
      ...(s.canaryTrafficPercent !== undefined ? [`  canary traffic: ${s.canaryTrafficPercent}%`] : []),
      ...s.traffic.map((t) => `  ${t.percent}% -> ${t.revision}${t.latest ? ' (latest)' : ''}`),
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
    io.out(`✓ rollout ${name} ${action === 'promote' ? (opts.full ? 'fully promoted' : 'promoted') : 'aborted'}`);
    renderDeployment(after).forEach((l) => io.out(l));
    return EXIT_OK;
  } catch (e) {
    return reportClusterError(e, io);
  }
}
