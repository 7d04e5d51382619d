import { windowed } from '../../../dsl/ir/analysis-window.ts';
import type { CanaryIR } from '../../../dsl/ir/index.ts';
import { inPlaceInferenceServices, isvc, model, podFields, scaling, transformer } from '../inference-service.ts';
import { inferenceServiceRef, ISVC_RESOURCE, PERCENT, type PatchOp } from '../workflow-steps.ts';
import type { KServeEmitter } from './emitter.ts';
import { analyses, guardOf, offlineGate, percent, ready, recordPromotion, trafficPath, verdictOp } from './steps.ts';
import { inPlaceOwnedFields } from './in-place.ts';

/**
 * A KServe canary: the candidate in `spec.canary[]` (Knative: the latest revision at
 * `canaryTrafficPercent: 0`), walked through the steps by the promotion workflow.
 */
export const canaryKServe: KServeEmitter<CanaryIR> = {
  inferenceServices: (d, e, s, namespace) => {
    if (s.deploymentMode !== 'Knative') return inPlaceInferenceServices(d, s, e.candidate, false, namespace);
    const predictor = { ...scaling(s), ...podFields(s), model: model(s, e.candidate), canaryTrafficPercent: 0 };
    return [
      isvc(
        d,
        d.names.workload,
        s,
        { predictor, ...transformer(s) },
        e.candidate?.version ?? s.version,
        { 'serving.kserve.io/enable-tag-routing': 'true' },
        namespace,
      ),
    ];
  },
  workflow: (b, d, c, s) => {
    const knative = s.deploymentMode === 'Knative';
    const guardValue = knative ? (c.candidate?.storageUri ?? s.storageUri) : c.candidate?.version;
    const guard = guardOf(s, guardValue);
    // `add` also works on a field a Knative promotion removed.
    const setTraffic = b.patch(
      'set-traffic',
      ISVC_RESOURCE,
      d.names.workload,
      [guard, { op: 'add', path: trafficPath(s), value: PERCENT }],
      true,
    );
    if (knative) {
      b.then({
        name: 'revision',
        template: b.get('read-revision', inferenceServiceRef(d.names.workload), {
          outputs: { revision: '{.status.components.predictor.latestCreatedRevision}' },
        }),
      });
    }
    offlineGate(b, d);
    c.steps.forEach((step, i) => {
      const n = i + 1;
      b.then({ name: `set-weight-${n}`, template: setTraffic, arguments: percent(step.weight) });
      // KServe sizes the canary by its share (ceil(stable minReplicas x percent / 100)): new pods start at every step.
      b.then(ready(b, d, s, c.candidate?.version, `ready-${n}`));
      const pause = step.pause;
      const waitStep = (): void => {
        if (pause?.kind === 'manual') b.then(b.approve(`approve-${n}`));
        if (pause?.kind === 'duration') b.then(b.wait(`wait-${n}`, pause.duration, pause.seconds));
      };
      if (!c.analysis) return waitStep();
      if (c.analysisMode === 'steps') {
        waitStep();
        b.then(...analyses(b, d, 'canary', c.analysis, `-step-${n}`));
        return;
      }
      // Background on KServe: each step's pause is spent measuring the candidate.
      if (pause?.kind === 'manual') b.then(b.approve(`approve-${n}`));
      const w = windowed(c.analysis, pause?.kind === 'duration' ? pause.seconds : 0);
      if (w.waitFirst && pause?.kind === 'duration') b.then(b.wait(`wait-${n}`, pause.duration, pause.seconds));
      b.then(...analyses(b, d, 'canary', w.analysis, `-step-${n}`, `-step-${n}`));
    });
    // Knative promotes by dropping canaryTrafficPercent: the latest revision becomes the rolled-out one.
    // Standard: the candidate takes 100 % from its canary entry; git folds it into the predictor.
    const promote: PatchOp[] = knative
      ? [guard, { op: 'remove', path: trafficPath(s) }]
      : [guard, { op: 'add', path: trafficPath(s), value: 100 }];
    b.then({
      name: 'promote',
      template: b.patch('promote', ISVC_RESOURCE, d.names.workload, [...promote, verdictOp(d)], false),
    });
    recordPromotion(b, d, s, c.candidate, c.recordPromotion);
    return [guard, { op: 'add', path: trafficPath(s), value: 0 }];
  },
  ownedFields: (_c, s) => inPlaceOwnedFields(s),
};
