/**
 * A renderer-neutral flow graph. Pipelines and deployment strategies are turned into this,
 * and Mermaid/DOT render it, so a new kind of graph only has to build nodes and edges.
 */
export type NodeShape =
  | 'task' // a step that does work
  | 'decision' // a condition choosing a branch
  | 'loop' // fan-out over items
  | 'pause' // waiting (time or manual promotion)
  | 'gate' // an analysis / check that can abort
  | 'action' // traffic shift, promote, rollback
  | 'terminal'; // start / end

export interface GraphNode {
  readonly id: string;
  /** Lines of the label; the first is the title. */
  readonly label: readonly string[];
  readonly shape: NodeShape;
  /** Group (subgraph) the node belongs to. */
  readonly group?: string;
}

/** `flow`: the next step of a sequence; `data`: an output read; `order`: ordering only; `failure`: what happens when something fails. */
export type EdgeStyle = 'flow' | 'data' | 'order' | 'condition' | 'failure';

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly style: EdgeStyle;
}

export interface GraphGroup {
  readonly id: string;
  readonly label: string;
  readonly parent?: string;
}

export interface Graph {
  readonly title: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly groups: readonly GraphGroup[];
}

/** Collects nodes, edges and groups with stable, renderer-safe ids. */
export class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  readonly groups: GraphGroup[] = [];
  private readonly ids = new Map<string, string>();

  /** A renderer-safe id for a (kind, name) pair, stable for the same input. */
  id(kind: string, name: string): string {
    const key = `${kind}:${name}`;
    const known = this.ids.get(key);
    if (known) return known;
    let id = `${kind}_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
    while ([...this.ids.values()].includes(id)) id += '_';
    this.ids.set(key, id);
    return id;
  }

  node(n: GraphNode): string {
    this.nodes.push(n);
    return n.id;
  }

  edge(e: GraphEdge): void {
    if (!this.edges.some((x) => x.from === e.from && x.to === e.to && x.label === e.label && x.style === e.style))
      this.edges.push(e);
  }

  group(g: GraphGroup): string {
    this.groups.push(g);
    return g.id;
  }

  build(title: string): Graph {
    return { title, nodes: this.nodes, edges: this.edges, groups: this.groups };
  }
}
