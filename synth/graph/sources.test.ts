import { describe, expect, it } from 'vitest';
import type { EnvironmentIR } from '../../dsl/ir/index.ts';
import { expectGolden } from '../../test/golden.ts';
import { runGraph } from '../commands/graph.ts';
import type { CommandIO } from '../report.ts';
import { type Graph, GraphBuilder } from './model.ts';
import { renderDot } from './render-dot.ts';
import { renderMermaid } from './render-mermaid.ts';
import { type GraphSource, pipelineGraphSource } from './sources.ts';

/**
 * The shape a deployment-strategy source produces: a canary that shifts weight, pauses, runs
 * an analysis gate, and promotes or rolls back. It exercises every node shape and edge style.
 */
function canaryGraph(name: string): Graph {
  const g = new GraphBuilder();
  const step = (
    kind: string,
    id: string,
    label: string[],
    shape: Parameters<GraphBuilder['node']>[0]['shape'],
  ): string => g.node({ id: g.id(kind, id), label, shape });
  const start = step('t', 'start', ['new revision'], 'terminal');
  const w10 = step('s', 'w10', ['set weight', '10% canary'], 'action');
  const pause = step('s', 'pause', ['pause 10m'], 'pause');
  const gate = step('s', 'analysis', ['analysis', 'error-rate < 1%'], 'gate');
  const w50 = step('s', 'w50', ['set weight', '50% canary'], 'action');
  const promote = step('s', 'promote', ['promote', '100% new revision'], 'action');
  const rollback = step('s', 'rollback', ['roll back', '100% stable'], 'action');
  g.edge({ from: start, to: w10, style: 'order' });
  g.edge({ from: w10, to: pause, style: 'order' });
  g.edge({ from: pause, to: gate, style: 'order' });
  g.edge({ from: gate, to: w50, label: 'pass', style: 'condition' });
  g.edge({ from: gate, to: rollback, label: 'fail', style: 'failure' });
  g.edge({ from: w50, to: promote, style: 'order' });
  return g.build(`deployment ${name}`);
}

const fakeDeployments: GraphSource = {
  kind: 'deployment',
  names: () => ['ranker'],
  graph: (_env: EnvironmentIR, name: string) => (name === 'ranker' ? canaryGraph(name) : undefined),
};

describe('graph sources', () => {
  it('GIVEN a strategy-shaped graph WHEN rendered THEN every node shape and edge style has a Mermaid and DOT form', () => {
    const g = canaryGraph('ranker');
    expectGolden('graph/canary-shapes.mmd', renderMermaid(g));
    expectGolden('graph/canary-shapes.dot', renderDot(g));
  });

  it('GIVEN one more registered source WHEN graph is asked for its name THEN that source draws it', async () => {
    const lines: string[] = [];
    const io: CommandIO = { out: (l) => lines.push(l), err: () => undefined, color: false };
    expect(await runGraph('ranker', { sources: [pipelineGraphSource, fakeDeployments] }, io)).toBe(0);
    expect(lines.join('\n')).toContain('%% deployment ranker');
  });
});
