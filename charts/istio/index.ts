import { addObject } from '../api-object.ts';
import type { Target } from '../target.ts';
import { virtualService } from './virtual-service.ts';

/**
 * Istio: the VirtualService of every deployment whose strategy routes, mirrors or splits traffic.
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
    }
  },
};
