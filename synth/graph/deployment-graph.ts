import type { DeploymentIR } from '../../dsl/ir/index.ts';
import { candidates, changeLines, stableName, strategyName } from './deployment-describe.ts';
import { kserveFlow } from './kserve-flow.ts';
import { type Graph, GraphBuilder } from './model.ts';
import { rolloutFlow } from './rollout-flow.ts';

/**
 * A model deployment's strategy as a flow, drawn from the objects Argosy generates for it so
 * the picture cannot drift from the YAML: for a plain server the Argo Rollouts steps (weights,
 * pauses, mirror/header routes, experiments, analysis gates with their metrics, promote and
 * abort), for KServe what the sync sets up and then the promotion/evaluation workflow's steps
 * with its rollback. Champion/challenger starts at its offline gate.
 */
export function deploymentGraph(d: DeploymentIR, namespace?: string): Graph {
  const g = new GraphBuilder();
  const serving = d.serving.kind === 'kserve' ? `KServe ${d.serving.deploymentMode}` : 'plain server (Argo Rollouts)';
  const news = candidates(d);
  const start = g.node({
    id: g.id('deployment', d.name),
    label: [
      `${d.name}: ${stableName(d)} → ${news.map((c) => c.label).join(', ')}`,
      `${strategyName(d)} · ${serving}`,
      ...news.flatMap((c) => changeLines(c.model)),
    ],
    shape: 'task',
  });
  const s = d.strategy;
  if (s.kind === 'championChallenger' && s.offlineGate.pipeline) {
    const gate = g.node({
      id: g.id('pipeline', s.offlineGate.pipeline),
      label: [
        `pipeline ${s.offlineGate.pipeline}`,
        'offline gate: registers only challengers',
        'that beat the champion on the holdout',
      ],
      shape: 'gate',
    });
    g.edge({ from: gate, to: start, label: 'registers', style: 'flow' });
  }
  if (d.serving.kind === 'kserve') kserveFlow(g, d, d.serving, start, namespace);
  else rolloutFlow(g, d, d.serving, start);
  return g.build(`deployment ${d.name}`);
}
