import type { AbTestIR, DeploymentIR } from '../../../dsl/ir/index.ts';
import { candidateVariant } from '../../../dsl/ir/strategies/ab-test.ts';
import { candidates, stableName } from '../deployment-describe.ts';
import type { StrategyGraph } from './hooks.ts';

/** An A/B arm as `treatment (v43)`: the variant name and the model it serves. */
export function armLabel(d: DeploymentIR, ab: AbTestIR, variant: string): string {
  const v = ab.variants.find((x) => x.name === variant);
  const version = variant === ab.primary ? (v?.model?.version ?? stableName(d)) : v?.model?.version;
  return version && version !== variant ? `${variant} (${version})` : variant;
}

/** The A/B decision: which test, what passes, how much evidence it needs. */
export function abTestLines(d: DeploymentIR, ab: AbTestIR): string[] {
  const candidate = candidateVariant(ab)?.name ?? 'candidate';
  const test = ab.metric.test === 'proportions' ? 'two-proportion z-test' : "Welch's t-test";
  const direction = ab.metric.higherIsBetter ? 'higher is better' : 'lower is better';
  const rule =
    ab.require === 'better'
      ? `passes if ${candidate} is better at p < ${ab.alpha}`
      : `fails only if ${candidate} is worse at p < ${ab.alpha}`;
  return [
    `${ab.metric.name}: ${test} (${direction})`,
    `${armLabel(d, ab, candidate)} vs ${armLabel(d, ab, ab.primary)}`,
    rule,
    `needs ≥ ${ab.minSamplesPerArm} samples per arm`,
  ];
}

const who = (assignBy: AbTestIR['assignBy'], variant: string): string =>
  assignBy.kind === 'header'
    ? `header ${assignBy.name}: ${variant}`
    : assignBy.kind === 'cookie'
      ? `cookie ${assignBy.name}=${variant}`
      : variant;

export const abTestGraph: StrategyGraph<AbTestIR> = {
  kserveSynced: (d, e) => {
    const cand = candidateVariant(e)?.name ?? '';
    if (e.assignBy.kind === 'weight')
      return [
        `VirtualService ${d.names.virtualService}:`,
        ...e.variants.map((v) => `${v.weight ?? 0}% → ${armLabel(d, e, v.name)}`),
      ];
    return [
      `VirtualService ${d.names.virtualService}:`,
      `${who(e.assignBy, cand)} → ${armLabel(d, e, cand)}`,
      `everyone else → ${armLabel(d, e, e.primary)}`,
    ];
  },
  arms: (d, e) => ({
    stable: armLabel(d, e, e.primary),
    candidate: armLabel(d, e, candidates(d)[0]?.name ?? 'candidate'),
  }),
  armLabel,
  decisionLines: (d, e, role) => (role === 'ab-test' ? abTestLines(d, e) : undefined),
  cohort: (_d, e, candidate, stable) => {
    if (e.assignBy.kind === 'weight') return [`→ ${candidate}`];
    const variant = candidateVariant(e)?.name ?? candidate;
    return [`${who(e.assignBy, variant)} → ${candidate}`, `everyone else → ${stable}`];
  },
  weightsLine: (d, e) => `everyone → ${armLabel(d, e, e.primary)}`,
};
