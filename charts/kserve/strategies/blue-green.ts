import type { BlueGreenIR } from '../../../dsl/ir/index.ts';
import { inPlaceInferenceServices } from '../inference-service.ts';
import { ISVC_RESOURCE, PERCENT } from '../workflow-steps.ts';
import type { KServeEmitter } from './emitter.ts';
import { inPlaceOwnedFields } from './in-place.ts';
import { analyses, guardOf, percent, ready, recordPromotion, recordVerdict, trafficPath } from './steps.ts';

/** A KServe blue/green: a dark launch in `spec.canary[]` at 0 %, checked, then switched at once. */
export const blueGreenKServe: KServeEmitter<BlueGreenIR> = {
  inferenceServices: (d, e, s, namespace) => inPlaceInferenceServices(d, s, e.candidate, true, namespace),
  workflow: (b, d, g, s) => {
    const guard = guardOf(s, g.candidate?.version);
    const setTraffic = b.patch(
      'set-traffic',
      ISVC_RESOURCE,
      d.names.workload,
      [guard, { op: 'add', path: trafficPath(s), value: PERCENT }],
      true,
    );
    b.then(ready(b, d, s, g.candidate?.version, 'ready'));
    if (g.prePromotionAnalysis) b.then(...analyses(b, d, 'pre-promotion', g.prePromotionAnalysis));
    if (!g.autoPromote) b.then(b.approve('approve'));
    b.then({ name: 'switch', template: setTraffic, arguments: percent(100) });
    if (g.postPromotionAnalysis) b.then(...analyses(b, d, 'post-promotion', g.postPromotionAnalysis));
    b.then(recordVerdict(b, { resource: ISVC_RESOURCE, name: d.names.workload }, d));
    recordPromotion(b, d, s, g.candidate, g.recordPromotion);
    return [guard, { op: 'add', path: trafficPath(s), value: 0 }];
  },
  ownedFields: (_g, s) => inPlaceOwnedFields(s),
};
