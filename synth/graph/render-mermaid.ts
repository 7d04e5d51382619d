import type { EdgeStyle, Graph, GraphNode, NodeShape } from './model.ts';

// Mermaid decodes `#name;`/`#35;` entities in labels, so `#` itself is escaped first; a backtick would start a markdown string.
const text = (s: string): string =>
  s
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    .replace(/\r?\n/g, ' ');

const SHAPES: Record<NodeShape, (label: string) => string> = {
  task: (l) => `["${l}"]`,
  decision: (l) => `{"${l}"}`,
  loop: (l) => `{{"${l}"}}`,
  pause: (l) => `(["${l}"])`,
  gate: (l) => `[/"${l}"/]`,
  action: (l) => `[["${l}"]]`,
  terminal: (l) => `(("${l}"))`,
};

const ARROWS: Record<EdgeStyle, string> = {
  flow: '-->',
  data: '-->',
  order: '-.->',
  condition: '-->',
  failure: '-.->',
};

function node(n: GraphNode, indent: string): string {
  const [title, ...rest] = n.label.map(text);
  const label = rest.length ? `<b>${title}</b><br/>${rest.join('<br/>')}` : (title ?? '');
  return `${indent}${n.id}${SHAPES[n.shape](label)}`;
}

/** Mermaid flowchart (renders on GitHub inside a ```mermaid block); `LR` suits wide, shallow graphs in docs. */
export function renderMermaid(g: Graph, opts: { readonly direction?: 'TD' | 'LR' } = {}): string {
  const out = [`flowchart ${opts.direction ?? 'TD'}`, `  %% ${g.title}`];
  const emit = (parent: string | undefined, indent: string): void => {
    for (const n of g.nodes.filter((x) => x.group === parent)) out.push(node(n, indent));
    for (const grp of g.groups.filter((x) => x.parent === parent)) {
      out.push(`${indent}subgraph ${grp.id} ["${text(grp.label)}"]`);
      emit(grp.id, `${indent}  `);
      out.push(`${indent}end`);
    }
  };
  emit(undefined, '  ');
  for (const e of g.edges) out.push(`  ${e.from} ${ARROWS[e.style]}${e.label ? `|"${text(e.label)}"|` : ''} ${e.to}`);
  const failures = g.edges.map((e, i) => (e.style === 'failure' ? i : -1)).filter((i) => i >= 0);
  if (failures.length) out.push(`  linkStyle ${failures.join(',')} stroke:#c0392b`);
  return `${out.join('\n')}\n`;
}
