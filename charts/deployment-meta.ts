import type { DeploymentIR } from '../dsl/ir/index.ts';

/** Annotations on a deployment's workload: its description and the offline gate it relies on. */
export function deploymentAnnotations(d: DeploymentIR): Record<string, string> {
  const out: Record<string, string> = {};
  if (d.description) out['argosy.dev/description'] = d.description;
  if (d.strategy.kind === 'championChallenger' && d.strategy.offlineGate.pipeline)
    out['argosy.dev/offline-gate-pipeline'] = d.strategy.offlineGate.pipeline;
  return out;
}

/**
 * The hosts and gateways of a deployment's VirtualService: the mesh's, else the Service clients
 * call. Binding to a gateway replaces the implicit "mesh", so in-cluster callers are kept routed.
 */
export function meshBinding(
  d: DeploymentIR,
  defaultHost: string,
): { readonly hosts: readonly string[]; readonly gateways?: readonly string[] } {
  const mesh = d.mesh.kind === 'istio' ? d.mesh : { gateways: [] as string[], hosts: [] as string[] };
  const gateways = mesh.gateways.filter((g) => g !== 'mesh');
  // KServe's in-mesh callers address the predictor Service itself, so it stays a host.
  const keepDefault = d.serving.kind === 'kserve' && !mesh.hosts.includes(defaultHost);
  return {
    hosts: mesh.hosts.length ? [...mesh.hosts, ...(keepDefault ? [defaultHost] : [])] : [defaultHost],
    ...(gateways.length ? { gateways: [...gateways, 'mesh'] } : {}),
  };
}
