import type { CondIR, NodeIR, PipelineIR, ValueIR } from '../dsl/ir/index.ts';

/**
 * Renders a pipeline's DAG as a Mermaid flowchart for the docs: tasks with their component,
 * conditions as decision nodes, loops as subgraphs and submit steps as subroutine nodes. Used
 * by the docs test so the diagrams in docs/dsrpmart.md never drift from the code.
 */
export function mermaid(p: PipelineIR): string {
  const lines = ['flowchart LR'];
  const edges: string[] = [];
  let decisions = 0;
  const label = (text: string): string => `"${text.replace(/"/g, '#quot;')}"`;
  // Mermaid reads "-" next to arrows ambiguously, so ids use "_" (labels keep the real names).
  const id = (name: string): string => name.replace(/-/g, '_');
  const edge = (from: string, to: string): void => {
    edges.push(`${id(from)} --> ${id(to)}`);
  };

  const visit = (nodes: readonly NodeIR[], indent: string, decision: string | undefined, branchIds: ReadonlySet<string>): void => {
    for (const n of nodes) {
      if (n.kind === 'condition') {
        const previous: CondIR[] = [];
        for (const b of n.branches) {
          const node = `d${++decisions}`;
          const cond: CondIR | undefined = b.cond && previous.length ? { kind: 'and', items: [...previous.map((c): CondIR => ({ kind: 'not', item: c })), b.cond] } : b.cond ?? (previous.length ? { kind: 'not', item: { kind: 'or', items: previous } } : undefined);
          if (b.cond) previous.push(b.cond);
          lines.push(`${indent}${node}{${label(cond ? showCond(cond) : 'otherwise')}}`);
          for (const dep of cond ? condIds(cond) : []) edge(dep, node);
          if (decision) edge(decision, node);
          visit(b.body, indent, node, new Set(idsOf(b.body)));
        }
        continue;
      }
      if (n.kind === 'loop') {
        const items = n.items.kind === 'static' ? `${n.items.values.length} items` : showValue(n.items.value);
        lines.push(`${indent}subgraph ${id(n.id)} [${label(`${n.id}: for each of ${items}${n.parallelism ? `, ${n.parallelism} at a time` : ''}`)}]`);
        visit(n.body, `${indent}  `, undefined, new Set(idsOf(n.body)));
        lines.push(`${indent}end`);
        for (const dep of n.after) edge(dep, n.id);
        if (decision) edge(decision, n.id);
        continue;
      }
      const callee = n.kind === 'task' && n.pipeline !== undefined ? `runs ${n.pipeline}` : n.kind === 'task' ? n.component : '';
      const text = n.kind === 'submit' ? `${n.id}<br/>submits ${n.pipeline}` : callee === n.id ? n.id : `${n.id}<br/>${callee}`;
      lines.push(n.kind === 'task' ? `${indent}${id(n.id)}[${label(text)}]` : `${indent}${id(n.id)}[[${label(text)}]]`);
      const deps = [...new Set([...Object.values(n.args).flatMap(valueIds), ...n.after])];
      for (const dep of deps) edge(dep, n.id);
      if (decision && !deps.some((d) => branchIds.has(d))) edge(decision, n.id);
    }
  };
  visit(p.body, '  ', undefined, new Set());
  return [...lines, ...[...new Set(edges)].map((e) => `  ${e}`)].join('\n');
}

function idsOf(nodes: readonly NodeIR[]): string[] {
  return nodes.flatMap((n) => (n.kind === 'condition' ? n.branches.flatMap((b) => idsOf(b.body)) : n.kind === 'loop' ? [n.id, ...idsOf(n.body)] : [n.id]));
}

function valueIds(v: ValueIR): string[] {
  if (v.kind === 'taskOutput') return [v.task];
  if (v.kind === 'loopOutput') return [v.loop];
  if (v.kind === 'concat') return v.parts.flatMap(valueIds);
  return [];
}

function condIds(c: CondIR): string[] {
  switch (c.kind) {
    case 'compare': return [...valueIds(c.left), ...valueIds(c.right)];
    case 'status': return [c.task];
    case 'not': return condIds(c.item);
    default: return c.items.flatMap(condIds);
  }
}

function showValue(v: ValueIR): string {
  switch (v.kind) {
    case 'literal': return JSON.stringify(v.value);
    case 'pipelineParam': return `params.${v.name}`;
    case 'taskOutput': return `${v.task}.${v.output}`;
    case 'loopOutput': return `${v.loop}.${v.output}`;
    case 'conditionOutput': return `oneOf(${v.condition}).${v.output}`;
    case 'loopItem': return ['item', ...v.path].join('.');
    case 'runtime': return `runtime.${v.name}`;
    case 'concat': return v.parts.map(showValue).join('');
  }
}

function showCond(c: CondIR): string {
  switch (c.kind) {
    case 'compare': return `${showValue(c.left)} ${c.op} ${showValue(c.right)}`;
    case 'status': return `${c.task} ${c.status.toLowerCase()}`;
    case 'not': return `not (${showCond(c.item)})`;
    default: return c.items.map(showCond).join(c.kind === 'and' ? ' and ' : ' or ');
  }
}
