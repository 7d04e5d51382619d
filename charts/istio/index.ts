import { addObject } from '../api-object.ts';
import type { Target } from '../target.ts';
import { destinationRule } from './destination-rule.ts';
import { virtualService } from './virtual-service.ts';

/**
 * Istio: the VirtualService of every deployment whose strategy routes, mirrors or splits traffic,
 * and the DestinationRule of a plain server routed by subsets.
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
