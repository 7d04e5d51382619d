import type { EdgeStyle, Graph, NodeShape } from './model.ts';

const q = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

const SHAPES: Record<NodeShape, string> = {
  task: 'shape=box, style=rounded',
  decision: 'shape=diamond',
  loop: 'shape=hexagon',
  pause: 'shape=box, style="rounded,dashed"',
  gate: 'shape=parallelogram',
  action: 'shape=box, peripheries=2',
  terminal: 'shape=circle',
};

const EDGES: Record<EdgeStyle, string> = {
  flow: '',
  data: '',
  order: 'style=dotted',
  condition: '',
  failure: 'style=dashed, color="#c0392b"',
};

/** Graphviz DOT (`dot -Tsvg`). */
export function renderDot(g: Graph, opts: { readonly direction?: 'TD' | 'LR' } = {}): string {
  const out = [
    `digraph ${q(g.title)} {`,
    `  rankdir=${opts.direction === 'LR' ? 'LR' : 'TB'};`,
    '  node [fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  const emit = (parent: string | undefined, indent: string): void => {
    for (const n of g.nodes.filter((x) => x.group === parent))
      out.push(`${indent}${q(n.id)} [label=${q(n.label.join('\n'))}, ${SHAPES[n.shape]}];`);
    for (const grp of g.groups.filter((x) => x.parent === parent)) {
      out.push(
        `${indent}subgraph ${q(`cluster_${grp.id}`)} {`,
        `${indent}  label=${q(grp.label)};`,
        `${indent}  style=dashed;`,
      );
      emit(grp.id, `${indent}  `);
      out.push(`${indent}}`);
    }
  };
  emit(undefined, '  ');
  for (const e of g.edges) {
    const attrs = [e.label ? `label=${q(e.label)}` : '', EDGES[e.style]].filter(Boolean).join(', ');
    out.push(`  ${q(e.from)} -> ${q(e.to)}${attrs ? ` [${attrs}]` : ''};`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
