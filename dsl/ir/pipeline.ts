import type { CacheIR, ComponentIR, ParamPortIR, ResourcesIR, RetryIR, TolerationIR } from './component.ts';
import type { CondIR, JsonValue, ValueIR } from './values.ts';

/** Per-task changes to the component's defaults. */
export interface TaskOverridesIR {
  readonly retry?: RetryIR;
  readonly timeoutSeconds?: number;
  readonly cache?: CacheIR;
  readonly resources?: ResourcesIR;
}

export interface TaskIR {
  readonly kind: 'task';
  readonly id: string;
  readonly component: string;
  readonly args: Readonly<Record<string, ValueIR>>;
  /** Explicit ordering from `.after()`; data dependencies are derived from `args`. */
  readonly after: readonly string[];
  /** The task's own condition (group conditions live on the enclosing nodes). */
  readonly when?: CondIR;
  readonly overrides: TaskOverridesIR;
  readonly displayName?: string;
}

export interface ConditionBranchIR {
  /** Absent for the final `otherwise` branch. */
  readonly cond?: CondIR;
  readonly body: readonly NodeIR[];
}

/** `when / elseWhen / otherwise`: the first branch whose condition holds runs. */
export interface ConditionIR {
  readonly kind: 'condition';
  readonly id: string;
  readonly branches: readonly ConditionBranchIR[];
}

export interface LoopIR {
  readonly kind: 'loop';
  readonly id: string;
  readonly items: { readonly kind: 'static'; readonly values: readonly JsonValue[] } | { readonly kind: 'param'; readonly value: ValueIR };
  readonly parallelism?: number;
  readonly body: readonly NodeIR[];
  /** Outputs gathered over all iterations into a JSON list. */
  readonly collect: readonly { readonly name: string; readonly task: string; readonly output: string }[];
  readonly after: readonly string[];
}

/**
 * Starts a run of another pipeline in the same namespace and does not wait for it (Argo: a
 * `resource` template creating a Workflow from the pipeline's WorkflowTemplate, run under a
 * generated service account that may only create Workflows). Backends without cross-pipeline
 * submission, such as KFP, reject it.
 */
export interface SubmitIR {
  readonly kind: 'submit';
  readonly id: string;
  /** Name of the pipeline (WorkflowTemplate) to start. */
  readonly pipeline: string;
  /** Values for the started run's parameters, keyed by parameter name. */
  readonly args: Readonly<Record<string, ValueIR>>;
  readonly after: readonly string[];
  readonly when?: CondIR;
  readonly retry?: RetryIR;
  readonly displayName?: string;
}

export type NodeIR = TaskIR | ConditionIR | LoopIR | SubmitIR;

export interface PipelineOptionsIR {
  readonly parallelism?: number;
  readonly timeoutSeconds?: number;
  readonly serviceAccountName?: string;
  readonly podLabels: Readonly<Record<string, string>>;
  readonly podAnnotations: Readonly<Record<string, string>>;
  readonly artifactRepositoryRef?: { readonly configMap: string; readonly key: string };
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly tolerations: readonly TolerationIR[];
  /** Seconds to keep finished runs (Argo ttlStrategy). */
  readonly ttlSecondsAfterFinished?: number;
  readonly podGC?: 'OnPodCompletion' | 'OnPodSuccess' | 'OnWorkflowCompletion' | 'OnWorkflowSuccess';
}

export interface PipelineOutputIR {
  readonly name: string;
  readonly value: ValueIR;
  readonly kind: 'param' | 'artifact';
}

/** Which engine runs a pipeline: Argo Workflows (WorkflowTemplate) or Kubeflow Pipelines (PipelineSpec). */
export type PipelineTargetIR = 'argo' | 'kfp';

/** A pipeline: typed parameters, the components it uses and a tree of tasks, conditions and loops. */
export interface PipelineIR {
  readonly name: string;
  readonly description?: string;
  readonly params: readonly ParamPortIR[];
  /** Every component used, once, in order of first use. */
  readonly components: readonly ComponentIR[];
  readonly body: readonly NodeIR[];
  readonly exitHandler: readonly TaskIR[];
  readonly outputs: readonly PipelineOutputIR[];
  readonly options: PipelineOptionsIR;
  /** Pinned backend; absent means the environment's or the synth run's default. */
  readonly target?: PipelineTargetIR;
}
