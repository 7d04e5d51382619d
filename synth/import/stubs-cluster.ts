import { contextNamespace, loadKubeConfig } from '../commands/apply-client.ts';
import { ClientError, errorFor } from '../client/errors.ts';
import { Kube, resourcePath } from '../client/kube.ts';
import { UsageError } from '../load-app.ts';
import type { StubSource } from './stubs.ts';

/** Where `argosy stubs --from-cluster` reads templates from. */
export interface ClusterStubsOptions {
  readonly kubeconfig?: string;
  readonly context?: string;
  /** Namespace of the WorkflowTemplates; default: the context's, else `default`. */
  readonly namespace?: string;
  /** WorkflowTemplates of every namespace instead of one. */
  readonly allNamespaces?: boolean;
  /** A label selector (`team=data,tier!=dev`) both lists are filtered by, as kubectl's `-l`. */
  readonly selector?: string;
}

const GROUP = 'argoproj.io';
const VERSION = 'v1alpha1';
const KINDS = [
  { kind: 'WorkflowTemplate', resource: 'workflowtemplates', namespaced: true },
  { kind: 'ClusterWorkflowTemplate', resource: 'clusterworkflowtemplates', namespaced: false },
] as const;

interface List {
  readonly items?: readonly Record<string, unknown>[];
  readonly metadata?: { readonly continue?: string };
}

/**
 * Lists the WorkflowTemplates of a namespace (or all) and the ClusterWorkflowTemplates of the
 * kubeconfig's cluster, as stub sources. The kubeconfig is read by @kubernetes/client-node
 * (contexts, tokens, client certificates, exec plugins); lists are paged. A list answers 404 only
 * when its resource is not served, which means Argo Workflows' CRDs are not installed.
 *
 * @example
 * ```ts
 * const { sources, server } = await clusterStubSources({ namespace: 'ml', selector: 'team=data' });
 * ```
 */
export async function clusterStubSources(
  opts: ClusterStubsOptions,
): Promise<{ sources: StubSource[]; server: string; namespace?: string }> {
  if (opts.allNamespaces && opts.namespace !== undefined)
    throw new UsageError(
      `--namespace ${opts.namespace}: cannot be combined with --all-namespaces (got both). Pass one of them`,
    );
  if (opts.selector !== undefined && !opts.selector.trim())
    throw new UsageError('--selector: empty (got ""). Pass a label selector such as team=data');
  const kc = loadKubeConfig({
    ...(opts.kubeconfig ? { kubeconfig: opts.kubeconfig } : {}),
    ...(opts.context ? { context: opts.context } : {}),
  });
  const kube = new Kube(kc);
  const namespace = opts.allNamespaces ? undefined : (opts.namespace ?? contextNamespace(kc) ?? 'default');
  const sources: StubSource[] = [];
  for (const k of KINDS) {
    const ns = k.namespaced ? namespace : undefined;
    const target = { verb: 'list', group: GROUP, resource: k.resource, ...(ns ? { namespace: ns } : {}) };
    let token: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '500' });
      if (opts.selector) query.set('labelSelector', opts.selector);
      if (token) query.set('continue', token);
      const path = `${resourcePath({ group: GROUP, version: VERSION, resource: k.resource }, ns)}?${query}`;
      const res = await kube.raw('GET', path);
      if (res.status === 404)
        throw new ClientError(
          `${k.resource}.${GROUP}: not served by ${kube.server} (got 404 NotFound). Install Argo Workflows (its CRDs) in that cluster, or pick the --context of one that runs it`,
          'crd-missing',
          404,
        );
      if (res.status === 400 && opts.selector)
        throw new UsageError(
          `--selector ${opts.selector}: the API server cannot parse it (got ${String((res.body as { message?: string })?.message ?? 'HTTP 400').trim()}). Pass a label selector such as team=data or 'tier in (a,b)'`,
        );
      if (res.status < 200 || res.status > 299) throw errorFor(res, target, kube.server);
      const list = res.body as List;
      for (const item of list.items ?? []) {
        // Items of a list carry no kind or apiVersion: the list's type says them.
        const meta = (item.metadata ?? {}) as { name?: string; namespace?: string };
        sources.push({
          object: { apiVersion: `${GROUP}/${VERSION}`, kind: k.kind, ...item },
          where: `cluster ${meta.namespace ? `${meta.namespace}/` : ''}${String(meta.name)}`,
        });
      }
      token = list.metadata?.continue || undefined;
    } while (token);
  }
  return { sources, server: kube.server, ...(namespace ? { namespace } : {}) };
}
