import { describe, expect, it } from 'vitest';
import { synthesize } from '../../synth/engine.ts';
import { fixtureProject } from '../../test/fixtures/deployments.ts';
import { podLabelMeta } from './pod-monitor.ts';

type Labels = Record<string, string>;
type Doc = { kind: string; metadata: { name: string }; spec: Record<string, unknown> };
type ExperimentStep = {
  experiment: {
    templates: { name: string; metadata?: { labels?: Labels }; service?: { name: string } }[];
    analyses: { templateName: string; args?: { name: string; value?: string }[] }[];
  };
};
type Monitor = {
  selector: { matchLabels: Labels; matchExpressions: { key: string; operator: string }[] };
  podMetricsEndpoints: { relabelings: { sourceLabels: string[]; targetLabel: string; replacement: string }[] }[];
};

/** The `service` label a PodMonitor gives the series of a pod with `labels`, or undefined when it does not scrape it. */
function serviceLabelOf(m: Monitor, labels: Labels): string | undefined {
  const selected =
    Object.entries(m.selector.matchLabels).every(([k, v]) => labels[k] === v) &&
    m.selector.matchExpressions.every((e) => e.operator === 'Exists' && labels[e.key] !== undefined);
  if (!selected) return undefined;
  const meta = (name: string) => Object.entries(labels).find(([k]) => podLabelMeta(k) === name)?.[1];
  const r = m.podMetricsEndpoints[0]?.relabelings.find((x) => x.targetLabel === 'service');
  const source = r?.sourceLabels.map(meta).join(';');
  return source === undefined ? undefined : r?.replacement.replace('$1', source);
}

describe('measuring the arms of a weighted A/B experiment', () => {
  it.each(['server-ab-test-weighted', 'server-ab-test-weighted-subsets'])(
    'GIVEN %s WHEN synthesized THEN every service="..." matcher of the A/B queries selects series a PodMonitor produces from that arm',
    (key) => {
      // GIVEN / WHEN
      const docs = synthesize(fixtureProject(key)).files.flatMap((f) => f.documents as Doc[]);
      const rollout = docs.find((d) => d.kind === 'Rollout') as Doc;
      const monitor = docs.find((d) => d.kind === 'PodMonitor')?.spec as Monitor | undefined;
      const steps = (rollout.spec.strategy as { canary: { steps: Partial<ExperimentStep>[] } }).canary.steps;
      const exp = steps.find((s) => s.experiment)?.experiment as ExperimentStep['experiment'];
      const podLabels = (rollout.spec.template as { metadata: { labels: Labels } }).metadata.labels;
      const abTemplate = docs.find((d) => d.kind === 'AnalysisTemplate' && d.metadata.name.endsWith('-ab-test'));
      const args = exp.analyses.find((a) => a.templateName === abTemplate?.metadata.name)?.args ?? [];
      // THEN: each query's service matcher, with the experiment's argument values filled in ...
      const queries = JSON.stringify(abTemplate?.spec)
        .match(/service=\\"[^\\]*\\"/g)
        ?.map((m) =>
          m.replace(/\{\{args\.([a-z-]+)\}\}/, (_, n: string) => args.find((a) => a.name === n)?.value ?? ''),
        );
      expect(queries?.length).toBe(4);
      // ... names a value some arm's pods get from the PodMonitor, and that arm owns that Service.
      const produced = Object.fromEntries(
        exp.templates.map((t) => [serviceLabelOf(monitor as Monitor, { ...podLabels, ...t.metadata?.labels }), t]),
      );
      for (const q of queries ?? []) {
        const value = /service=\\"([^\\]*)\\"/.exec(q)?.[1] as string;
        expect(produced[value], `${q} selects no arm's series`).toBeDefined();
        expect(produced[value]?.service?.name).toBe(value);
      }
      // The Rollout's own pods (no arm label) are not counted as an arm.
      expect(serviceLabelOf(monitor as Monitor, podLabels)).toBeUndefined();
    },
  );
});
