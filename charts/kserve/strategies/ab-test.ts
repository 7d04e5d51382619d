import type { AbTestIR } from '../../../dsl/ir/index.ts';
import { abDecisionAnalysis, candidateVariant } from '../../../dsl/ir/strategies/ab-test.ts';
import { windowed } from '../../../dsl/ir/analysis-window.ts';
import type { HTTPRouteDestination } from '../../imports/istio.ts';
import { sideBySideInferenceServices } from '../inference-service.ts';
import type { KServeEmitter } from './emitter.ts';
import { analyses, armsReady, offlineGate, recordVerdict, VS_RESOURCE } from './steps.ts';

const dest = (host: string, weight?: number): HTTPRouteDestination => ({
  destination: { host },
  ...(weight !== undefined ? { weight } : {}),
});

/**
 * A KServe A/B test: an InferenceService for the candidate arm, a sticky header/cookie match or a
 * weighted split in the VirtualService; the workflow routes everyone to `primary` when the test fails.
 */
export const abTestKServe: KServeEmitter<AbTestIR> = {
  inferenceServices: (d, e, s, namespace) =>
    sideBySideInferenceServices(
      d,
      s,
      e.variants.filter((v) => v.name !== e.primary),
      namespace,
    ),
  routes: (d, ab) => {
    const p = d.names.predictorServices;
    const primary = p?.primary as string;
    const candidate = candidateVariant(ab);
    const candidateHost = p?.byName[candidate?.name ?? ''] as string;
    if (ab.assignBy.kind === 'weight') {
      const primaryWeight = ab.variants.find((v) => v.name === ab.primary)?.weight;
      return [{ name: 'primary', route: [dest(primary, primaryWeight), dest(candidateHost, candidate?.weight)] }];
    }
    const match =
      ab.assignBy.kind === 'header'
        ? { headers: { [ab.assignBy.name]: { exact: candidate?.name } } }
        : { headers: { cookie: { regex: `^(.*?;\\s*)?${ab.assignBy.name}=${candidate?.name}(;.*)?$` } } };
    // The cohort route keeps the primary as a 0 % destination so a rollback is a weight change.
    return [
      { name: `ab-${candidate?.name}`, match: [match], route: [dest(candidateHost, 100), dest(primary, 0)] },
      { name: 'primary', route: [dest(primary)] },
    ];
  },
  workflow: (b, d, ab) => {
    armsReady(b, d);
    offlineGate(b, d);
    const decision = analyses(b, d, 'ab-test', abDecisionAnalysis(ab));
    if (ab.analysis) {
      const w = windowed(ab.analysis, ab.durationSeconds);
      if (w.waitFirst)
        b.then(b.wait('run-test', ab.duration, ab.durationSeconds)).then(
          ...analyses(b, d, 'guardrails', w.analysis),
          ...decision,
        );
      else b.then(...analyses(b, d, 'guardrails', w.analysis)).then(...decision);
    } else {
      b.then(b.wait('run-test', ab.duration, ab.durationSeconds)).then(...decision);
    }
    b.then(recordVerdict(b, { resource: VS_RESOURCE, name: d.names.virtualService as string }, d));
    // Route 0: [primary, candidate] for weights; the cohort route [candidate, primary] for header/cookie.
    const [toPrimary, toCandidate] = ab.assignBy.kind === 'weight' ? [0, 1] : [1, 0];
    return [
      {
        op: 'test',
        path: `/spec/http/0/route/${toCandidate}/destination/host`,
        value: d.names.predictorServices?.byName[candidateVariant(ab)?.name ?? ''],
      },
      { op: 'replace', path: `/spec/http/0/route/${toPrimary}/weight`, value: 100 },
      { op: 'replace', path: `/spec/http/0/route/${toCandidate}/weight`, value: 0 },
    ];
  },
  ownedFields: () => ['.spec.http[].route[].weight'],
};
