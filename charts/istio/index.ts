import { addObject } from '../api-object.ts';
import type { Target } from '../target.ts';
import { destinationRule } from './destination-rule.ts';
import { virtualService } from './virtual-service.ts';

/**
 * Istio: the VirtualService a plain server's Rollout routes, mirrors or splits traffic with, and
 * its DestinationRule when it routes by subsets. A KServe strategy's VirtualService is rendered
 * by the kserve target with the rest of what the strategy emits.
 * @example
 * ```ts
 * istioTarget.render(ctx);
 * ```
 */
export const istioTarget: Target = {
  name: 'istio',
  render(ctx) {
    for (const d of ctx.app.deployments) {
      const vs = virtualService(d, ctx.env.namespace);
      if (vs) addObject(ctx.chart, vs);
      const dr = destinationRule(d, ctx.env.namespace);
      if (dr) addObject(ctx.chart, dr);
    }
  },
};
