import type { GraphBuilder, GraphNode } from './model.ts';

/** An outgoing edge still to be drawn: from this node, labelled (e.g. `pass`) when it goes on. */
interface Tail {
  readonly id: string;
  readonly label?: string;
}

/**
 * Draws a sequence of steps: each node (or group of parallel nodes) follows the previous ones.
 * A gate's or approval's way on is labelled (`pass`, `promote`), and its failure edge goes to
 * the one node that undoes the rollout.
 */
export class Flow {
  private tails: Tail[] = [];

  constructor(
    readonly g: GraphBuilder,
    /** The node failures lead to (abort / rollback). */
    readonly onFailure: string,
  ) {}

  /** Continues the flow from this node. */
  at(id: string): this {
    this.tails = [{ id }];
    return this;
  }

  /** Adds steps that run together after the previous ones; `next` labels the edges leaving them. */
  then(nodes: readonly GraphNode[], opts: { readonly next?: string; readonly fail?: string } = {}): string[] {
    const ids = nodes.map((n) => this.g.node(n));
    for (const id of ids) {
      for (const t of this.tails)
        this.g.edge({ from: t.id, to: id, style: 'flow', ...(t.label ? { label: t.label } : {}) });
      if (opts.fail) this.g.edge({ from: id, to: this.onFailure, label: opts.fail, style: 'failure' });
    }
    if (ids.length) this.tails = ids.map((id) => ({ id, ...(opts.next ? { label: opts.next } : {}) }));
    return ids;
  }

  /** Adds one step; returns its id. */
  step(node: GraphNode, opts: { readonly next?: string; readonly fail?: string } = {}): string {
    return this.then([node], opts)[0] as string;
  }

  /**
   * A gate beside the flow (a background analysis): started from `from`, it does not hold the
   * steps up but aborts the rollout when it fails.
   */
  beside(from: string, node: GraphNode, label: string): string {
    const id = this.g.node(node);
    this.g.edge({ from, to: id, label, style: 'order' });
    this.g.edge({ from: id, to: this.onFailure, label: 'fail', style: 'failure' });
    return id;
  }
}
