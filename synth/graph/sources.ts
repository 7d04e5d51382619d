import type { EnvironmentIR } from '../../dsl/ir/index.ts';
import { deploymentGraph } from './deployment-graph.ts';
import type { Graph } from './model.ts';
import { pipelineGraph } from './pipeline-graph.ts';

/**
 * Something `argosy graph <name>` can draw. A new kind (e.g. model deployments, whose strategy
 * renders as steps, weights, pauses, analysis gates and promote/rollback) is one more entry
 * in GRAPH_SOURCES that reads its part of the IR and builds a Graph.
 */
export interface GraphSource {
  readonly kind: string;
  /** Names this source can draw in one environment. */
  names(env: EnvironmentIR): string[];
  graph(env: EnvironmentIR, name: string): Graph | undefined;
}

export const pipelineGraphSource: GraphSource = {
  kind: 'pipeline',
  names: (env) => env.apps.flatMap((a) => a.pipelines.map((p) => p.name)),
  graph: (env, name) => {
    const p = env.apps.flatMap((a) => a.pipelines).find((x) => x.name === name);
    return p ? pipelineGraph(p) : undefined;
  },
};

/** Model deployments: the strategy as a flow (synth/graph/deployment-graph.ts). */
export const deploymentGraphSource: GraphSource = {
  kind: 'deployment',
  names: (env) => env.apps.flatMap((a) => a.deployments.map((d) => d.name)),
  graph: (env, name) => {
    const d = env.apps.flatMap((a) => a.deployments).find((x) => x.name === name);
    return d ? deploymentGraph(d, env.namespace) : undefined;
  },
};

export const GRAPH_SOURCES: readonly GraphSource[] = [pipelineGraphSource, deploymentGraphSource];
