import type { Cond } from './conditions.ts';
import type { AnyPipeline } from './pipeline.ts';
import type { DslError, PathSegment } from '../errors.ts';
import type {
  ComponentIR,
  CreatePvcIR,
  DeletePvcIR,
  PipelineIR,
  PortIR,
  TaskMountIR,
  TaskOverridesIR,
  ValueIR,
} from '../ir/index.ts';
import type { ScopeId } from './refs.ts';

/** One enclosing group of a node: a loop body or a condition branch. */
export interface GroupFrame {
  readonly kind: 'loop' | 'branch';
  readonly id: string;
}

/**
 * What argument binding and output references read of whatever a step runs: a component, a
 * called or started pipeline (its parameters and returned outputs) or a claim operation.
 */
export interface StepSignature {
  readonly name: string;
  readonly inputs: readonly PortIR[];
  readonly outputs: readonly PortIR[];
}

/** What a claim operation does, besides the id, ordering and condition every step has. */
export type PvcOperationState =
  | Omit<CreatePvcIR, 'id' | 'after' | 'when' | 'displayName' | 'cache'>
  | Omit<DeletePvcIR, 'id' | 'after' | 'when' | 'displayName' | 'cache'>;

/** Mutable record of a step while the pipeline function runs; frozen into IR afterwards. */
export interface TaskState {
  readonly id: string;
  /** The step's inputs and outputs, whatever it runs. */
  readonly signature: StepSignature;
  /** The component a component task runs; absent for the other steps. */
  readonly component?: ComponentIR;
  readonly args: Record<string, ValueIR>;
  readonly groups: readonly GroupFrame[];
  readonly inExitHandler: boolean;
  after: string[];
  when?: Cond;
  overrides: TaskOverridesIR;
  displayName?: string;
  /** Set when the task runs another pipeline (`p.subPipeline()`). */
  readonly callee?: PipelineIR;
  /** Claims mounted with `task.mount()`. */
  mounts?: TaskMountIR[];
  /** Set when this step starts another pipeline's run instead of running a component (p.submit). */
  readonly submit?: AnyPipeline;
  /** Set when this step creates or deletes a claim (`p.createPvc()`, `p.deletePvc()`). */
  readonly pvc?: PvcOperationState;
}

export interface LoopState {
  readonly id: string;
  readonly groups: readonly GroupFrame[];
  readonly items:
    | { kind: 'static'; values: unknown[] }
    | { kind: 'param'; value: ValueIR }
    | { kind: 'artifacts'; value: ValueIR; artifactType: string };
  readonly parallelism?: number;
  readonly nodes: NodeState[];
  collect: { name: string; task: string; output: string; port: PortIR }[];
  after: string[];
}

export interface BranchState {
  readonly id: string;
  readonly cond?: Cond;
  readonly nodes: NodeState[];
}

/** A `p.when()` chain while it is built, with the values gathered by `p.oneOf()`. */
export interface ConditionState {
  readonly kind: 'condition';
  readonly id: string;
  readonly branches: BranchState[];
  readonly groups: readonly GroupFrame[];
  readonly outputs: { name: string; kind: 'param' | 'artifact'; values: ValueIR[] }[];
}

export type NodeState =
  | { readonly kind: 'task'; readonly task: TaskState }
  | ConditionState
  | { readonly kind: 'loop'; readonly loop: LoopState };

/** Everything known about a pipeline while its build function runs. */
export interface BuildState {
  readonly scope: ScopeId;
  readonly pipeline: string;
  readonly path: readonly PathSegment[];
  readonly params: ReadonlyMap<string, PortIR>;
  readonly components: Map<string, ComponentIR>;
  readonly tasks: Map<string, TaskState>;
  readonly loops: Map<string, LoopState>;
  readonly conditions: Map<string, ConditionState>;
  /** Pipelines called as tasks, by name. */
  readonly pipelines: Map<string, PipelineIR>;
  /** Task, loop and condition ids share one namespace, as DAG task names do. */
  readonly ids: Set<string>;
  readonly exitTasks: TaskState[];
  conditionCounter: number;
  /** Ids of steps that failed to build (while collecting errors): what reads them is not another mistake. */
  readonly broken: Set<string>;
  /** Set when the build used a stand-in (a broken component, step, reference or condition): it cannot run. */
  tainted: boolean;
  /** Mistakes of the components and pipelines it uses, recorded where those were defined. */
  readonly inherited: DslError[];
}

// A second copy of argosy in the process counts from 1 too, so each copy prefixes its own
// random tag: a reference carried between pipelines built by different copies is still caught.
const COPY = Math.random().toString(36).slice(2, 10);
let nextScope = 1;
/** A fresh id per pipeline build; it never reaches the output, so it need not be stable. */
export function newScopeId(): ScopeId {
  return `${COPY}.${nextScope++}`;
}
