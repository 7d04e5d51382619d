import type { DeploymentIR } from '../ir/index.ts';
import { strategyModel } from '../ir/strategy.ts';

/**
 * The Kubernetes Services that answer a deployment's user traffic, as Istio's
 * `destination_service_name` reports them: for a plain server behind a VirtualService the stable
 * and canary Services (with subset-level routing the one Service in front of both) and a weighted
 * experiment's arm Services, otherwise the Service clients call; for KServe the predictor Services of the primary and of every version users are routed
 * to. Shadow challengers only see mirrored copies and are gated by their own analysis, so they are
 * left out.
 *
 * @example
 * ```ts
 * endpointServices(churn.ir); // ['churn-v42-predictor', 'churn-v43-predictor'] during a KServe canary
 * ```
 */
export function endpointServices(d: DeploymentIR): string[] {
  const n = d.names;
  const out: string[] = [];
  if (d.serving.kind === 'server') {
    if (n.virtualService) {
      // Subset-level routing keeps both versions behind the one client Service.
      out.push(...(n.destinationRule ? [n.service as string] : [n.stableService as string, n.canaryService as string]));
      for (const arm of n.analysisArgs['ab-test'] ?? [])
        out.push(arm.service, ...(arm.baselineService ? [arm.baselineService] : []));
    } else {
      out.push(n.service as string);
    }
  } else {
    const p = n.predictorServices;
    if (p) {
      out.push(p.primary);
      if (!strategyModel(d.strategy).mirrored) out.push(...Object.values(p.byName));
    }
  }
  return [...new Set(out)];
}
