import type { CacheIR, ComponentIR, ParamPortIR, PortIR, ResourcesIR, RetryIR, TolerationIR } from './component.ts';
import type { CondIR, JsonValue, ValueIR } from './values.ts';

/** Per-task changes to the component's defaults. */
export interface TaskOverridesIR {
  readonly retry?: RetryIR;
  readonly timeoutSeconds?: number;
  readonly cache?: CacheIR;
  readonly resources?: ResourcesIR;
}

/** What every task has, whatever it runs. */
export interface TaskBaseIR {
  readonly kind: 'task';
  readonly id: string;
  readonly args: Readonly<Record<string, ValueIR>>;
  /** Explicit ordering from `.after()`; data dependencies are derived from `args`. */
  readonly after: readonly string[];
  /** The task's own condition (group conditions live on the enclosing nodes). */
  readonly when?: CondIR;
  readonly overrides: TaskOverridesIR;
  readonly displayName?: string;
}

/** A PersistentVolumeClaim mounted into one task's container (`task.mount()`), named by a value. */
export interface TaskMountIR {
  /** The claim name: a literal, a parameter, or the `name` output of a `p.createPvc()` task. */
  readonly claim: ValueIR;
  readonly mountPath: string;
  readonly subPath?: string;
  readonly readOnly: boolean;
}

/** A task running a component. */
export interface ComponentTaskIR extends TaskBaseIR {
  readonly component: string;
  readonly pipeline?: undefined;
  /** Claims mounted into this task only (absent when none). */
  readonly mounts?: readonly TaskMountIR[];
}

/**
 * A task running another pipeline (`p.subPipeline(id, otherPipeline, args)`): its arguments are the
 * callee's parameters and its outputs the callee's returned outputs. Backends inline the callee's
 * DAG (a sub-DAG component on KFP, a DAG template on Argo).
 */
export interface PipelineTaskIR extends TaskBaseIR {
  /** Name of the called pipeline; its IR is in the caller's `pipelines`. */
  readonly pipeline: string;
  readonly component?: undefined;
}

export type TaskIR = ComponentTaskIR | PipelineTaskIR;

export interface ConditionBranchIR {
  /** Absent for the final `otherwise` branch. */
  readonly cond?: CondIR;
  readonly body: readonly NodeIR[];
}

/**
 * A value taken from whichever branch ran (`p.oneOf()`, KFP `dsl.OneOf`): one value per branch,
 * in branch order, each produced directly in its branch.
 */
export interface ConditionOutputIR {
  readonly name: string;
  readonly kind: 'param' | 'artifact';
  readonly values: readonly ValueIR[];
}

/** `when / elseWhen / otherwise`: the first branch whose condition holds runs. */
export interface ConditionIR {
  readonly kind: 'condition';
  readonly id: string;
  readonly branches: readonly ConditionBranchIR[];
  /** Values gathered from the branch that ran, read elsewhere as `conditionOutput` values. */
  readonly outputs?: readonly ConditionOutputIR[];
}

export interface LoopIR {
  readonly kind: 'loop';
  readonly id: string;
  /** A static list, a JSON-list parameter, or a list of artifacts (each iteration gets one artifact). */
  readonly items:
    | { readonly kind: 'static'; readonly values: readonly JsonValue[] }
    | { readonly kind: 'param'; readonly value: ValueIR }
    | { readonly kind: 'artifacts'; readonly value: ValueIR; readonly artifactType: string };
  readonly parallelism?: number;
  readonly body: readonly NodeIR[];
  /** Outputs gathered over all iterations: a JSON list of parameters, or a list of artifacts (`artifact`). */
  readonly collect: readonly {
    readonly name: string;
    readonly task: string;
    readonly output: string;
    readonly artifact?: true;
  }[];
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

/** Access modes of a PersistentVolumeClaim. */
export type AccessModeIR = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';

/** What a claim operation has besides the claim: its id, ordering, condition and display name. */
interface PvcStepIR {
  readonly id: string;
  readonly after: readonly string[];
  readonly when?: CondIR;
  readonly displayName?: string;
  /** KFP caching of the step (absent: KFP's default, on); Argo never memoizes claim operations. */
  readonly cache?: boolean;
}

/**
 * Creates a PersistentVolumeClaim for the run (`p.createPvc()`); the step's `name` output is the
 * claim's name, which tasks mount (`TaskMountIR`). Backends perform it themselves: Argo with a
 * `resource` template owned by the Workflow, KFP with kfp-kubernetes CreatePVC.
 */
export interface CreatePvcIR extends PvcStepIR {
  readonly kind: 'createPvc';
  /** A fixed claim name (a literal or a string parameter), or a suffix after the run's name. */
  readonly claimName: { readonly value: ValueIR } | { readonly suffix: string };
  /** A quantity such as `5Gi`, or a string parameter holding one. */
  readonly size: ValueIR;
  readonly accessModes: readonly AccessModeIR[];
  readonly storageClass?: ValueIR;
  /** A pre-existing PersistentVolume to bind to. */
  readonly volumeName?: ValueIR;
  readonly annotations?: Readonly<Record<string, string>>;
  /** A VolumeSnapshot or claim the new claim is populated from. */
  readonly dataSource?: { readonly apiGroup?: string; readonly kind: string; readonly name: string };
}

/** Deletes a PersistentVolumeClaim (`p.deletePvc()`), named by a literal, a parameter or a created claim. */
export interface DeletePvcIR extends PvcStepIR {
  readonly kind: 'deletePvc';
  readonly claim: ValueIR;
}

export type PvcOperationIR = CreatePvcIR | DeletePvcIR;

export type NodeIR = TaskIR | ConditionIR | LoopIR | SubmitIR | PvcOperationIR;

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
  /** The output's declared type, as a caller sees it when this pipeline runs as a task. */
  readonly port: PortIR;
}

/** Which engine runs a pipeline: Argo Workflows (WorkflowTemplate) or Kubeflow Pipelines (PipelineSpec). */
export type PipelineTargetIR = 'argo' | 'kfp';

/** A pipeline: typed parameters, the components it uses and a tree of tasks, conditions and loops. */
export interface PipelineIR {
  readonly name: string;
  readonly description?: string;
  readonly params: readonly ParamPortIR[];
  /** Every component its own tasks use, once, in order of first use. */
  readonly components: readonly ComponentIR[];
  /** Pipelines its tasks call, once each, in order of first use (each lists its own components and callees). */
  readonly pipelines?: readonly PipelineIR[];
  readonly body: readonly NodeIR[];
  readonly exitHandler: readonly TaskIR[];
  readonly outputs: readonly PipelineOutputIR[];
  readonly options: PipelineOptionsIR;
  /** Pinned backend; absent means the environment's or the synth run's default. */
  readonly target?: PipelineTargetIR;
}
