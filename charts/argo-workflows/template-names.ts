import { DslError, seg } from '../../dsl/errors.ts';
import type {
  ArgoTemplateIR,
  ComponentIR,
  ComponentTaskIR,
  NodeIR,
  PipelineIR,
  PvcOperationIR,
  SubmitIR,
  TaskIR,
} from '../../dsl/ir/index.ts';
import { hasOverrides } from './component-template.ts';

/** A template that runs a pod (or applies a resource): its name and who owns it. */
export interface LeafName {
  readonly name: string;
  readonly owner: string;
}

/**
 * The template a component task runs: the component's shared template, or the task's own variant
 * when it overrides the component or mounts claims, prefixed inside a called pipeline.
 */
export function componentLeaf(prefix: string, task: ComponentTaskIR, c: ComponentIR): LeafName {
  if (hasOverrides(task.overrides) || (task.mounts?.length ?? 0) > 0)
    return { name: `${prefix}${c.name}-${task.id}`, owner: `task "${task.id}"'s own copy of component "${c.name}"` };
  return { name: c.name, owner: `component "${c.name}"` };
}

/** The resource template of a claim operation: `<prefix>createpvc-<id>` or `<prefix>deletepvc-<id>`. */
export function pvcLeaf(prefix: string, n: PvcOperationIR): LeafName {
  return { name: `${prefix}${n.kind.toLowerCase()}-${n.id}`, owner: `claim step "${n.id}"` };
}

/** The resource template of a submit step. */
export function submitLeaf(s: SubmitIR): LeafName {
  return { name: `submit-${s.id}`, owner: `submit step "${s.id}"` };
}

/**
 * The template names of one WorkflowTemplate, in order of precedence:
 * 1. Templates that run pods keep the names users chose (a component's name, `<component>-<task>`
 *    for a task's own copy), because those are what the Argo UI and logs show for every pod.
 * 2. The pipeline's DAG is named after the pipeline, or `<pipeline>-dag` when a pod template
 *    has that name (pipeline `train` running component `train`).
 * 3. The exit handler is `exit-handler`, or `exit-handler-dag` when that is taken.
 * 4. Loops (`<id>`, `<id>-loop`) and called pipelines (`<name>`, `<name>-dag`) step aside for
 *    all of the above.
 * A clash this order cannot settle (two pod templates, or two loops across the call tree) is
 * ambiguous and fails the synth naming both owners.
 */
export class TemplateNames {
  /** Every template in output order (order of first reservation); `null` until lowered. */
  readonly templates = new Map<string, ArgoTemplateIR | null>();
  /** The DAG template of each called pipeline, by pipeline name. */
  readonly callees = new Map<string, string>();
  /** The pipeline's DAG template. */
  readonly entry: string;
  /** The exit handler's DAG template (absent without an exit handler). */
  readonly exitHandler?: string;
  private readonly owners = new Map<string, string>();
  private readonly leaves = new Map<string, string>();
  private readonly fixed = new Set<string>();

  constructor(private readonly root: PipelineIR) {
    const seen = new Set<string>();
    const visit = (p: PipelineIR, prefix: string, nodes: readonly NodeIR[]): void => {
      const components = new Map(p.components.map((c) => [c.name, c]));
      for (const n of nodes) {
        if (n.kind === 'condition') n.branches.forEach((b) => visit(p, prefix, b.body));
        else if (n.kind === 'loop') visit(p, prefix, n.body);
        else if (n.kind === 'submit') this.addLeaf(submitLeaf(n));
        else if (n.kind === 'createPvc' || n.kind === 'deletePvc') this.addLeaf(pvcLeaf(prefix, n));
        else if (n.pipeline === undefined)
          this.addLeaf(componentLeaf(prefix, n, components.get(n.component) as ComponentIR));
        else if (!seen.has(n.pipeline)) {
          seen.add(n.pipeline);
          const callee = (p.pipelines ?? []).find((c) => c.name === n.pipeline);
          if (callee) visit(callee, `${callee.name}-`, callee.body);
        }
      }
    };
    visit(root, '', [...root.body, ...(root.exitHandler as readonly TaskIR[])]);
    this.entry = this.dagName(root.name, 'dag');
    this.fixed.add(this.entry);
    if (root.exitHandler.length > 0) {
      this.exitHandler = this.dagName('exit-handler', 'dag');
      this.fixed.add(this.exitHandler);
    }
  }

  private addLeaf(leaf: LeafName): void {
    const other = this.leaves.get(leaf.name);
    if (other !== undefined && other !== leaf.owner) this.clash(leaf.name, other, leaf.owner);
    this.leaves.set(leaf.name, leaf.owner);
  }

  private clash(name: string, first: string, second: string): never {
    throw new DslError({
      path: [seg('pipeline', this.root.name)],
      problem: `two Argo templates would be named "${name}" (${first} and ${second})`,
      got: name,
      fix: 'Rename the task, loop, component or called pipeline so template names stay unique',
    });
  }

  /** Claims a name for a template; the same owner may claim it again (a shared component). */
  reserve(name: string, owner: string): void {
    const other = this.owners.get(name);
    if (other === owner) return;
    if (other !== undefined) this.clash(name, other, owner);
    this.owners.set(name, owner);
    this.templates.set(name, null);
  }

  /** Reserves a pod template; false when its owner already holds it (nothing left to render). */
  reserveLeaf(leaf: LeafName): boolean {
    if (this.owners.get(leaf.name) === leaf.owner) return false;
    this.reserve(leaf.name, leaf.owner);
    return true;
  }

  /**
   * A DAG template's name: `natural` unless a pod template, the pipeline's DAG or the exit
   * handler has it (or one of its `companions`, such as a loop's `-iteration` body), else
   * `<natural>-<suffix>`, numbered if that is taken too.
   */
  dagName(natural: string, suffix: string, companions: (name: string) => readonly string[] = (n) => [n]): string {
    for (let i = 0; ; i++) {
      const name = i === 0 ? natural : i === 1 ? `${natural}-${suffix}` : `${natural}-${suffix}-${i}`;
      if (companions(name).every((n) => !this.leaves.has(n) && !this.fixed.has(n))) return name;
    }
  }
}
