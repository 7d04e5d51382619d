import type { AnalysisIR, AnalysisRole, DeploymentIR } from '../../dsl/ir/index.ts';
import { onlineStrategy } from '../../dsl/ir/strategy.ts';
import { abDecisionAnalysis } from './analysis-template.ts';

/**
 * Every analysis of a deployment with its role, including the A/B decision job. A plain server's
 * weighted A/B runs the decision inside an experiment, which it waits out via `initialDelay`.
 */
export function analysesOfDeployment(d: DeploymentIR): [AnalysisRole, AnalysisIR][] {
  const out: [AnalysisRole, AnalysisIR][] = [];
  const s = d.strategy;
  if (s.kind === 'championChallenger' && s.offlineGate.verify) out.push(['offline-gate', s.offlineGate.verify]);
  const e = onlineStrategy(d.strategy);
  if (e.kind === 'canary' && e.analysis) out.push(['canary', e.analysis]);
  if (e.kind === 'shadow' && e.analysis) out.push(['shadow', e.analysis]);
  if (e.kind === 'shadow' && e.then?.analysis) out.push(['canary', e.then.analysis]);
  if (e.kind === 'abTest') {
    const experiment = d.serving.kind === 'server' && e.assignBy.kind === 'weight';
    out.push(['ab-test', abDecisionAnalysis(e, experiment ? e.duration : undefined)]);
    if (e.analysis) out.push(['guardrails', e.analysis]);
  }
  if (e.kind === 'blueGreen' && e.prePromotionAnalysis) out.push(['pre-promotion', e.prePromotionAnalysis]);
  if (e.kind === 'blueGreen' && e.postPromotionAnalysis) out.push(['post-promotion', e.postPromotionAnalysis]);
  return out;
}
