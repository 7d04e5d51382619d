import { contextNamespace, loadKubeConfig } from '../commands/apply-client.ts';
import { errorFor } from '../client/errors.ts';
import { Kube, resourcePath } from '../client/kube.ts';
import type { DocumentReport } from '../validate/finding.ts';
import { driftFinding, liveDrift, stubReport, type StubRecord } from './stub-drift.ts';

/** The cluster `argosy validate --cluster` compares stubs with. */
export interface StubClusterOptions {
  readonly kubeconfig?: string;
  readonly context?: string;
  /** Namespace of WorkflowTemplates whose stub records none; default: the context's, else `default`. */
  readonly namespace?: string;
}

const GROUP = 'argoproj.io';
const RESOURCES: Record<string, string> = {
  WorkflowTemplate: 'workflowtemplates',
  ClusterWorkflowTemplate: 'clusterworkflowtemplates',
};

/**
 * Reads each stub's template from the cluster and compares the hash of its spec with the
 * stub's (not the resourceVersion: a no-op update bumps it without changing the template). A
 * template that is not there is a warning too; an unreachable server or a 403 is an error
 * (ClientError), since nothing could be compared.
 *
 * @example
 * ```ts
 * const { reports, server } = await clusterDrift(records, { context: 'prod' });
 * ```
 */
export async function clusterDrift(
  records: readonly StubRecord[],
  opts: StubClusterOptions,
): Promise<{ reports: DocumentReport[]; server: string; checked: number }> {
  const kc = loadKubeConfig({
    ...(opts.kubeconfig ? { kubeconfig: opts.kubeconfig } : {}),
    ...(opts.context ? { context: opts.context } : {}),
  });
  const kube = new Kube(kc);
  const fallback = opts.namespace ?? contextNamespace(kc) ?? 'default';
  const reports: DocumentReport[] = [];
  let checked = 0;
  for (const r of records) {
    const resource = RESOURCES[r.kind];
    if (!resource) continue;
    const ns = r.kind === 'WorkflowTemplate' ? (r.namespace ?? fallback) : undefined;
    const path = resourcePath({ group: GROUP, version: 'v1alpha1', resource }, ns, r.name);
    const res = await kube.raw('GET', path);
    const where = ns ? `namespace ${ns} of ${kube.server}` : kube.server;
    checked++;
    if (res.status === 404) {
      reports.push(
        stubReport(r, [
          driftFinding(
            `${r.kind} ${r.name} is not in ${where} (got 404 NotFound). Deploy it there, pass the --context/--namespace it lives in, or delete the stub and the calls to it`,
          ),
        ]),
      );
      continue;
    }
    if (res.status < 200 || res.status > 299)
      throw errorFor(res, { verb: 'get', group: GROUP, resource, ...(ns ? { namespace: ns } : {}) }, kube.server);
    reports.push(...liveDrift(r, res.body, where));
  }
  return { reports, server: kube.server, checked };
}
