import type {
  ComponentIR,
  CondIR,
  LoopIR,
  NodeIR,
  PipelineIR,
  PortIR,
  PvcOperationIR,
  TaskIR,
  ValueIR,
} from '../../dsl/ir/index.ts';
import {
  condSources as condSourcesOf,
  describeCond,
  describeValue,
  valueSources as valueSourcesOf,
} from './describe-ir.ts';
import { type Graph, GraphBuilder } from './model.ts';
import { pvcValues } from '../../dsl/ir/nodes.ts';

/** Ids of the tasks (and loops) a body contains, at any depth. */
function idsIn(body: readonly NodeIR[]): Set<string> {
  const out = new Set<string>();
  const walk = (nodes: readonly NodeIR[]): void => {
    for (const n of nodes) {
      out.add(n.id);
      if (n.kind === 'loop') walk(n.body);
      if (n.kind === 'condition') n.branches.forEach((b) => walk(b.body));
    }
  };
  walk(body);
  return out;
}

/**
 * A pipeline as a flow: tasks with their component, data edges labelled with the output (and
 * its artifact type), `.after()` ordering dotted, conditions as decisions gating their branch,
 * loops as a fan-out node over a subgraph, and the exit handler in its own subgraph.
 */
export function pipelineGraph(p: PipelineIR): Graph {
  const g = new GraphBuilder();
  const components = new Map<string, ComponentIR>(p.components.map((c) => [c.name, c]));
  const callees = new Map<string, PipelineIR>((p.pipelines ?? []).map((c) => [c.name, c]));
  const taskNodes = new Map<string, string>();
  const loops = new Map<string, LoopIR>();
  const outputKind = (task: TaskIR | PvcOperationIR | undefined, output: string): string => {
    const ports: readonly PortIR[] =
      task?.kind !== 'task'
        ? []
        : task.pipeline !== undefined
          ? (callees.get(task.pipeline)?.outputs ?? []).map((o) => o.port)
          : (components.get(task.component)?.outputs ?? []);
    const port = ports.find((o) => o.name === output);
    return port?.kind === 'artifact' ? `${output}: ${port.artifactType}` : output;
  };
  // A p.oneOf() value is drawn from the producer in every branch.
  const oneOfs = new Map<string, readonly ValueIR[]>();
  const indexOneOfs = (nodes: readonly NodeIR[]): void => {
    for (const n of nodes) {
      if (n.kind === 'loop') indexOneOfs(n.body);
      if (n.kind === 'condition') {
        for (const o of n.outputs ?? []) oneOfs.set(`${n.id}/${o.name}`, o.values);
        n.branches.forEach((b) => indexOneOfs(b.body));
      }
    }
  };
  indexOneOfs(p.body);
  const valueSources = (v: ValueIR) => valueSourcesOf(v, oneOfs);
  const condSources = (c: Parameters<typeof condSourcesOf>[0]) => condSourcesOf(c, oneOfs);
  const tasks = new Map<string, TaskIR | PvcOperationIR>();
  const collectTasks = (nodes: readonly NodeIR[]): void => {
    for (const n of nodes) {
      if (n.kind === 'task' || n.kind === 'createPvc' || n.kind === 'deletePvc') tasks.set(n.id, n);
      else if (n.kind === 'loop') {
        loops.set(n.id, n);
        collectTasks(n.body);
      } else if (n.kind === 'condition') n.branches.forEach((b) => collectTasks(b.body));
    }
  };
  collectTasks(p.body);
  p.exitHandler.forEach((t) => tasks.set(t.id, t));

  // A loop's collected output is drawn from the task inside the loop that produces it.
  const collectedFrom = (loop: string, output: string): string =>
    loops.get(loop)?.collect.find((c) => c.name === output)?.task ?? loop;
  const nodeOf = (id: string): string => taskNodes.get(id) ?? g.id(loops.has(id) ? 'loop' : 'task', id);

  /** Edges into a node from what it reads; returns the ids it depends on. */
  const wire = (
    target: string,
    deps: { from: string; label?: string; style: 'data' | 'order' | 'condition' | 'failure' }[],
  ): string[] => {
    for (const d of deps)
      g.edge({ from: nodeOf(d.from), to: target, style: d.style, ...(d.label ? { label: d.label } : {}) });
    return deps.map((d) => d.from);
  };

  type Gate = { readonly id: string; readonly label?: string };
  type Dep = { from: string; label?: string; style: 'data' | 'order' | 'condition' | 'failure' };
  const dataDeps = (values: readonly ValueIR[]): Dep[] =>
    values
      .flatMap(valueSources)
      .map((s) =>
        s.loop
          ? { from: collectedFrom(s.task, s.output), label: `${s.output}[] (collected)`, style: 'data' as const }
          : { from: s.task, label: outputKind(tasks.get(s.task), s.output), style: 'data' as const },
      );
  const orderDeps = (after: readonly string[]): Dep[] =>
    after.map((a) => ({ from: a, label: 'after', style: 'order' as const }));
  const condDeps = (when: CondIR | undefined): Dep[] =>
    condSources(when).map((c) => ({
      from: c.task,
      label: c.label,
      style: c.failure ? ('failure' as const) : ('condition' as const),
    }));
  /** A node that reads nothing from its own branch hangs off the branch's decision instead. */
  const gate = (id: string, from: readonly string[], gates: readonly Gate[], local: ReadonlySet<string>): void => {
    if (!from.some((f) => local.has(f)))
      gates.forEach((gt) =>
        g.edge({ from: gt.id, to: id, style: 'condition', ...(gt.label ? { label: gt.label } : {}) }),
      );
  };
  const visit = (
    nodes: readonly NodeIR[],
    group: string | undefined,
    gates: readonly Gate[],
    local: ReadonlySet<string>,
  ): void => {
    for (const n of nodes) {
      if (n.kind === 'task') {
        const id = g.id('task', n.id);
        taskNodes.set(n.id, id);
        const title = n.displayName ?? n.id;
        const what = n.pipeline !== undefined ? `runs pipeline ${n.pipeline}` : n.component;
        const label = [title, ...(what !== title ? [what] : []), ...(n.when ? [`when ${describeCond(n.when)}`] : [])];
        g.node({ id, label, shape: 'task', ...(group ? { group } : {}) });
        const deps = [
          ...dataDeps(Object.values(n.args)),
          ...(n.pipeline === undefined ? (n.mounts ?? []) : []).flatMap((m) =>
            valueSources(m.claim).map((s) => ({
              from: s.task,
              label: `mounts ${m.mountPath}`,
              style: 'data' as const,
            })),
          ),
          ...orderDeps(n.after),
          ...condDeps(n.when),
        ];
        gate(id, wire(id, deps), gates, local);
      } else if (n.kind === 'loop') {
        const id = g.id('loop', n.id);
        taskNodes.set(n.id, id);
        const items = n.items.kind === 'static' ? `${n.items.values.length} items` : describeValue(n.items.value);
        const grp = g.group({
          id: g.id('group', n.id),
          label: `for each ${n.id}${n.parallelism ? ` (parallelism ${n.parallelism})` : ''}`,
          ...(group ? { parent: group } : {}),
        });
        g.node({ id, label: [`for each ${n.id}`, `over ${items}`], shape: 'loop', ...(group ? { group } : {}) });
        const deps = [
          ...(n.items.kind !== 'static'
            ? valueSources(n.items.value).map((s) => ({ from: s.task, label: s.output, style: 'data' as const }))
            : []),
          ...orderDeps(n.after),
        ];
        gate(id, wire(id, deps), gates, local);
        visit(n.body, grp, [{ id }], idsIn(n.body));
      } else if (n.kind === 'submit') {
        const id = g.id('task', n.id);
        taskNodes.set(n.id, id);
        g.node({
          id,
          label: [
            n.displayName ?? n.id,
            `start pipeline ${n.pipeline}`,
            ...(n.when ? [`when ${describeCond(n.when)}`] : []),
          ],
          shape: 'task',
          ...(group ? { group } : {}),
        });
        gate(
          id,
          wire(id, [...dataDeps(Object.values(n.args)), ...orderDeps(n.after), ...condDeps(n.when)]),
          gates,
          local,
        );
      } else if (n.kind === 'createPvc' || n.kind === 'deletePvc') {
        const id = g.id('task', n.id);
        taskNodes.set(n.id, id);
        const title = n.displayName ?? n.id;
        const what = n.kind.toLowerCase();
        const label = [title, ...(what !== title ? [what] : []), ...(n.when ? [`when ${describeCond(n.when)}`] : [])];
        g.node({ id, label, shape: 'task', ...(group ? { group } : {}) });
        gate(id, wire(id, [...dataDeps(pvcValues(n)), ...orderDeps(n.after), ...condDeps(n.when)]), gates, local);
      } else {
        n.branches.forEach((b, i) => {
          const title = b.cond ? `${i === 0 ? 'when' : 'else when'} ${describeCond(b.cond)}` : 'otherwise';
          const decision = g.id('cond', `${n.id}_${i}`);
          g.node({ id: decision, label: [title], shape: 'decision', ...(group ? { group } : {}) });
          const earlier = n.branches.slice(0, i).map((_, j) => g.id('cond', `${n.id}_${j}`));
          earlier.slice(-1).forEach((prev) => g.edge({ from: prev, to: decision, label: 'no', style: 'condition' }));
          const from = wire(decision, condDeps(b.cond));
          if (i === 0) gate(decision, from, gates, local);
          visit(b.body, group, [{ id: decision, label: b.cond ? 'yes' : '' }], idsIn(b.body));
        });
      }
    }
  };
  // Tasks are declared before they are wired to, so forward references get the same ids.
  for (const id of tasks.keys()) taskNodes.set(id, g.id('task', id));
  for (const id of loops.keys()) taskNodes.set(id, g.id('loop', id));
  visit(p.body, undefined, [], idsIn(p.body));
  if (p.exitHandler.length > 0) {
    const grp = g.group({ id: g.id('group', 'on-exit'), label: 'on exit (runs whatever happened)' });
    visit(p.exitHandler, grp, [], new Set(p.exitHandler.map((t) => t.id)));
  }
  return g.build(`pipeline ${p.name}`);
}
