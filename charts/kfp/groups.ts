import type { ConditionOutputIR, CondIR, LoopIR, NodeIR, PipelineIR, TaskIR } from '../../dsl/ir/index.ts';
import { classifyCond, conjuncts } from '../../dsl/ir/conditions.ts';
import type { DslError } from '../../dsl/errors.ts';
import { pvcComponentTask } from './pvc-steps.ts';
import { unknownKind, unsupported } from './unsupported.ts';

/** A task of a KFP DAG: a component run, optionally the pipeline's exit task. */
export interface KTask {
  readonly kind: 'task';
  readonly name: string;
  readonly task: TaskIR;
  readonly exit: boolean;
  /** Status conditions of the task's own `when`, turned into dependencies. */
  readonly status: readonly CondIR[];
}

/** A KFP sub-DAG: a condition (branch), the branches of an if/elif/else, a loop or the exit-handler body. */
export interface KGroup {
  readonly kind: 'group';
  readonly name: string;
  readonly role: 'condition' | 'branches' | 'loop' | 'exit-handler';
  /** The value part of the trigger condition (CEL). */
  readonly cond?: CondIR;
  /** The status part of the trigger condition (dependencies and trigger strategy). */
  readonly status: readonly CondIR[];
  readonly loop?: LoopIR;
  /** Loops: the input that receives the current item. */
  readonly itemChannel?: string;
  /** If/elif/else groups: the values gathered by `p.oneOf()` from the branch that ran. */
  readonly outputs?: readonly ConditionOutputIR[];
  readonly children: readonly KNode[];
}

export type KNode = KTask | KGroup;

/**
 * Where each task, loop and if/elif/else condition id of the pipeline ended up: its KFP node and
 * the groups around it.
 */
export interface KTree {
  readonly root: readonly KNode[];
  readonly index: ReadonlyMap<string, { readonly node: KNode; readonly path: readonly string[] }>;
  readonly exitGroup?: string;
}

/**
 * Where a problem goes: thrown (compiling), or kept in `problems` and passed over (asking
 * `kfpSupports`, which wants every reason).
 */
function raise(problems: DslError[] | undefined, e: DslError): void {
  if (!problems) throw e;
  problems.push(e);
}

/** Splits a condition into its value part (CEL) and its status conjuncts; rejects what KFP cannot trigger on. */
export function splitCond(
  cond: CondIR | undefined,
  pipeline: string,
  at: readonly string[],
  problems?: DslError[],
): { value?: CondIR; status: CondIR[] } {
  if (!cond) return { status: [] };
  const parts = conjuncts(cond);
  const status: CondIR[] = [];
  const values: CondIR[] = [];
  for (const c of parts) {
    const kind = classifyCond(c);
    if (kind === 'value') values.push(c);
    else if (kind === 'status' && statusTarget(c) !== undefined) status.push(c);
    else {
      raise(
        problems,
        unsupported(
          pipeline,
          at,
          kind === 'mixed'
            ? 'a condition that mixes task status and values inside or()/not()'
            : 'this task status condition (KFP runs a task when its upstream tasks succeeded, or with ignore-upstream-failure when they completed)',
          describeStatus(c),
          'Use succeeded(task) or completed(task), or compile this pipeline for Argo',
        ),
      );
    }
  }
  return {
    ...(values.length === 1
      ? { value: values[0] }
      : values.length > 1
        ? { value: { kind: 'and', items: values } }
        : {}),
    status,
  };
}

/** `succeeded(t)` -> {t, completed: false}; `completed(t)` (succeeded or failed) -> {t, completed: true}. */
export function statusTarget(c: CondIR): { task: string; completed: boolean } | undefined {
  if (c.kind === 'status' && c.status === 'Succeeded') return { task: c.task, completed: false };
  if (c.kind === 'or' && c.items.length === 2) {
    const [a, b] = c.items;
    if (
      a?.kind === 'status' &&
      b?.kind === 'status' &&
      a.task === b.task &&
      a.status === 'Succeeded' &&
      b.status === 'Failed'
    )
      return { task: a.task, completed: true };
  }
  return undefined;
}

function describeStatus(c: CondIR): string {
  switch (c.kind) {
    case 'status':
      return `${c.status.toLowerCase()}(${c.task})`;
    case 'compare':
      return 'a value comparison';
    case 'not':
      return `not(${describeStatus(c.item)})`;
    default:
      return `${c.kind}(${c.items.map(describeStatus).join(', ')})`;
  }
}

/** How many group numbers lowering these nodes takes (see buildTree). */
function ticks(nodes: readonly NodeIR[]): number {
  return nodes.reduce((sum, n) => {
    switch (n.kind) {
      case 'task':
        return sum + (n.when && splitCondValue(n.when) ? 1 : 0);
      case 'loop':
        return sum + (n.items.kind === 'static' ? 2 : 1) + ticks(n.body);
      case 'condition':
        return (
          sum +
          (n.branches.length === 1 ? 1 : 1 + n.branches.length) +
          n.branches.reduce((t, b) => t + ticks(b.body), 0)
        );
      default:
        return sum;
    }
  }, 0);
}

/** Whether a task condition has a value part (which wraps the task in its own condition group). */
function splitCondValue(c: CondIR): boolean {
  return conjuncts(c).some((x) => classifyCond(x) === 'value');
}

/**
 * Builds the KFP group tree. Group names follow the KFP SDK (`condition-N`,
 * `condition-branches-N`, `exit-handler-N`), numbered in one pre-order counter that also counts
 * loops and static loop items (only the first branch of a when/elseWhen chain is numbered after
 * its body), so Argosy and the SDK name the same program's groups alike. Loops keep the user's
 * loop id as their name.
 */
export function buildTree(p: PipelineIR, problems?: DslError[]): KTree {
  let counter = 0;
  const next = (): number => ++counter;
  const index = new Map<string, { node: KNode; path: readonly string[] }>();
  const at = (id: string): string[] => [`task "${id}"`];

  const fromNodes = (nodes: readonly NodeIR[], path: readonly string[]): KNode[] => nodes.map((n) => fromNode(n, path));
  const fromNode = (n: NodeIR, path: readonly string[]): KNode => {
    switch (n.kind) {
      case 'task': {
        const { value, status } = splitCond(n.when, p.name, at(n.id), problems);
        if (!value) {
          const node: KTask = { kind: 'task', name: n.id, task: n, exit: false, status };
          index.set(n.id, { node, path });
          return node;
        }
        const name = `condition-${next()}`;
        const node: KTask = { kind: 'task', name: n.id, task: n, exit: false, status: [] };
        index.set(n.id, { node, path: [...path, name] });
        return { kind: 'group', name, role: 'condition', cond: value, status, children: [node] };
      }
      case 'condition': {
        if (n.branches.length === 1) {
          const b = n.branches[0] as (typeof n.branches)[number];
          const { value, status } = splitCond(b.cond, p.name, [`condition "${n.id}"`], problems);
          const name = `condition-${next()}`;
          return {
            kind: 'group',
            name,
            role: 'condition',
            ...(value ? { cond: value } : {}),
            status,
            children: fromNodes(b.body, [...path, name]),
          };
        }
        const name = `condition-branches-${next()}`;
        const earlier: CondIR[] = [];
        const children: KNode[] = n.branches.map((b, i) => {
          const own = splitCond(b.cond, p.name, [`condition "${n.id}"`, `branch ${i + 1}`], problems);
          if (own.status.length > 0) {
            raise(
              problems,
              unsupported(
                p.name,
                [`condition "${n.id}"`],
                'task status tests in when/elseWhen chains (the later branches would need their negation)',
                own.status.map(describeStatus),
                'Test values only, or nest a separate p.when()',
              ),
            );
          }
          const cond: CondIR | undefined = [
            ...earlier.map((c): CondIR => ({ kind: 'not', item: c })),
            ...(own.value ? [own.value] : []),
          ].reduce<CondIR | undefined>(
            (acc, c) => (acc ? { kind: 'and', items: [...(acc.kind === 'and' ? acc.items : [acc]), c] } : c),
            undefined,
          );
          if (own.value) earlier.push(own.value);
          // The SDK opens the first branch as a plain condition and numbers it anew when the next
          // branch turns the chain into condition-branches, so its number follows its body's groups.
          const branchName = `condition-${i === 0 ? counter + 1 + ticks(b.body) : next()}`;
          const children = fromNodes(b.body, [...path, name, branchName]);
          if (i === 0) next();
          return {
            kind: 'group',
            name: branchName,
            role: 'condition',
            ...(cond ? { cond } : {}),
            status: [],
            children,
          };
        });
        const group: KGroup = {
          kind: 'group',
          name,
          role: 'branches',
          status: [],
          children,
          ...(n.outputs?.length ? { outputs: n.outputs } : {}),
        };
        index.set(n.id, { node: group, path });
        return group;
      }
      case 'loop': {
        const itemNumber = n.items.kind === 'static' ? next() : undefined;
        next();
        const node: KGroup = {
          kind: 'group',
          name: n.id,
          role: 'loop',
          loop: n,
          status: [],
          ...(itemNumber !== undefined ? { itemChannel: `pipelinechannel--loop-item-param-${itemNumber}` } : {}),
          children: fromNodes(n.body, [...path, n.id]),
        };
        index.set(n.id, { node, path });
        return node;
      }
      case 'createPvc':
      case 'deletePvc': {
        const task = pvcComponentTask(n);
        if (p.components.some((c) => c.name === task.component))
          raise(
            problems,
            unsupported(
              p.name,
              at(n.id),
              `a component named "${task.component}" beside a claim operation, which KFP runs as the kfp-kubernetes component of that name`,
              task.component,
              'Rename the component',
            ),
          );
        return fromNode(task, path);
      }
      case 'submit':
        raise(
          problems,
          unsupported(
            p.name,
            [`task "${n.id}"`],
            `starting another pipeline's run (p.submit of "${n.pipeline}"): KFP components cannot create runs of other pipelines`,
            n.pipeline,
            "Compile this pipeline for Argo with target: 'argo' (p.submit creates an Argo Workflow from the started pipeline's WorkflowTemplate), or start the run from outside KFP",
          ),
        );
        return skipped(n.id);
      default:
        raise(problems, unknownKind(p.name, [], 'pipeline node', (n as { kind: unknown }).kind));
        return skipped((n as { id?: string }).id ?? '');
    }
  };
  // What stands for a node KFP cannot run while every reason is gathered (nothing is compiled then).
  const skipped = (name: string): KGroup => ({ kind: 'group', name, role: 'condition', status: [], children: [] });

  if (p.exitHandler.length === 0) return { root: fromNodes(p.body, []), index };
  const exitGroup = `exit-handler-${next()}`;
  const body: KGroup = {
    kind: 'group',
    name: exitGroup,
    role: 'exit-handler',
    status: [],
    children: fromNodes(p.body, [exitGroup]),
  };
  const exits = p.exitHandler.map((t): KTask => {
    if (t.when)
      raise(
        problems,
        unsupported(
          p.name,
          at(t.id),
          'a condition on an exit-handler task',
          'when',
          'Let the exit task decide at run time from its inputs',
        ),
      );
    const node: KTask = { kind: 'task', name: t.id, task: t, exit: true, status: [] };
    index.set(t.id, { node, path: [] });
    return node;
  });
  return { root: [body, ...exits], index, exitGroup };
}
