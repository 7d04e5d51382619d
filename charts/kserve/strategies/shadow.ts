import { windowed } from '../../../dsl/ir/analysis-window.ts';
import type { ShadowIR } from '../../../dsl/ir/index.ts';
import { sideBySideInferenceServices } from '../inference-service.ts';
import type { PatchOp } from '../workflow-steps.ts';
import type { KServeEmitter } from './emitter.ts';
import { analyses, armsReady, offlineGate, recordVerdict, VS_RESOURCE } from './steps.ts';

/**
 * A KServe shadow: a challenger InferenceService each; the champion answers and each challenger
 * receives a copy it answers into the void. The workflow judges the window and stops mirroring.
 */
export const shadowKServe: KServeEmitter<ShadowIR> = {
  inferenceServices: (d, e, s, namespace) => sideBySideInferenceServices(d, s, e.challengers, namespace),
  routes: (d, s) => {
    const p = d.names.predictorServices;
    const hosts = s.challengers.map((c) => p?.byName[c.name] as string);
    const mirror =
      hosts.length === 1
        ? { mirror: { host: hosts[0] as string }, mirrorPercentage: { value: s.mirrorPercent } }
        : { mirrors: hosts.map((host) => ({ destination: { host }, percentage: { value: s.mirrorPercent } })) };
    return [{ name: 'primary', route: [{ destination: { host: p?.primary as string } }], ...mirror }];
  },
  workflow: (b, d, s) => {
    armsReady(b, d);
    offlineGate(b, d);
    if (s.analysis) {
      const w = windowed(s.analysis, s.durationSeconds);
      if (w.waitFirst) b.then(b.wait('mirror', s.duration, s.durationSeconds));
      b.then(...analyses(b, d, 'shadow', w.analysis));
    }
    b.then(recordVerdict(b, { resource: VS_RESOURCE, name: d.names.virtualService as string }, d));
    const ops: PatchOp[] =
      s.challengers.length === 1
        ? [{ op: 'replace', path: '/spec/http/0/mirrorPercentage/value', value: 0 }]
        : s.challengers.map((_, i) => ({
            op: 'replace',
            path: `/spec/http/0/mirrors/${i}/percentage/value`,
            value: 0,
          }));
    return [{ op: 'test', path: '/spec/http/0/name', value: 'primary' }, ...ops];
  },
  ownedFields: (s) => [
    s.challengers.length === 1 ? '.spec.http[].mirrorPercentage' : '.spec.http[].mirrors[].percentage',
  ],
};
