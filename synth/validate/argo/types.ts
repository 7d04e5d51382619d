import type {
  ArgoArgumentsIR,
  ArgoArtifactIR,
  ArgoCronWorkflowSpecIR,
  ArgoDagTaskIR,
  ArgoLifecycleHookIR,
  ArgoParameterIR,
  ArgoPrometheusMetric,
  ArgoStepIR,
  ArgoTemplateIR,
  ArgoTemplateRef,
  ArgoWorkflowSpecIR,
  KubeContainer,
  KubeObjectMeta,
} from '../../../dsl/ir/index.ts';

/**
 * The Argo model the semantic checks read: the same types the Argo-native DSL and the pipeline
 * lowering produce (dsl/ir/argo-*.ts), loosened for untrusted YAML: every field may be missing,
 * object fields are writable (the checks bind arguments into copies as Argo does), fields Argo
 * reads as AnyString or IntOrString take any value, and readers go through `list()` for arrays.
 */
export type Untrusted<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends readonly (infer U)[]
    ? readonly Untrusted<U>[]
    : string extends keyof T
      ? Record<string, Untrusted<T[keyof T]>>
      : { -readonly [K in keyof T]?: Untrusted<T[K]> };

/** Argo reads these fields as AnyString: YAML may give any scalar (or anything at all). */
interface AnyStringValues {
  value?: unknown;
  default?: unknown;
  enum?: readonly unknown[];
}

export type Parameter = Untrusted<Omit<ArgoParameterIR, keyof AnyStringValues | 'valueFrom'>> &
  AnyStringValues & {
    valueFrom?: Untrusted<Omit<NonNullable<ArgoParameterIR['valueFrom']>, 'default'>> & { default?: unknown };
  };

export type Artifact = Untrusted<ArgoArtifactIR>;

export type Arguments = Untrusted<Omit<ArgoArgumentsIR, 'parameters'>> & { parameters?: readonly Parameter[] };

export type TemplateRef = Untrusted<ArgoTemplateRef>;

/** A lifecycle hook (`exit`, or any name with an expression): the template it runs and its arguments. */
export type LifecycleHook = Untrusted<Omit<ArgoLifecycleHookIR, 'arguments'>> & { arguments?: Arguments };

/** What a step, a DAG task, a hook or the entrypoint reads besides the template's own fields. */
interface Holder {
  arguments?: Arguments;
  inline?: Template;
  hooks?: Record<string, LifecycleHook>;
  /** Items are whatever YAML holds, not only JSON values the DSL writes. */
  withItems?: readonly unknown[];
  withSequence?: { count?: unknown; end?: unknown; start?: unknown; format?: unknown };
}

/** A step, a DAG task, a hook or the entrypoint: anything that names or inlines a template. */
export type TemplateHolder = Untrusted<Omit<ArgoStepIR, keyof Holder>> & Holder;

export type DagTask = Untrusted<Omit<ArgoDagTaskIR, keyof Holder>> & Holder;

export type Container = Untrusted<KubeContainer> & { dependencies?: readonly string[] };

export type Metric = Untrusted<ArgoPrometheusMetric>;

/** Template fields whose YAML the checks read loosely (any duration, any quantity, any plugin). */
interface TemplateOverrides {
  plugin?: unknown;
  inputs?: { parameters?: readonly Parameter[]; artifacts?: readonly Artifact[] };
  outputs?: { parameters?: readonly Parameter[]; artifacts?: readonly Artifact[]; result?: string; exitCode?: string };
  steps?: readonly (readonly TemplateHolder[])[];
  dag?: Untrusted<Omit<NonNullable<ArgoTemplateIR['dag']>, 'tasks'>> & { tasks?: readonly DagTask[] };
  containerSet?: { containers?: readonly Container[] };
  activeDeadlineSeconds?: unknown;
  parallelism?: unknown;
  podResources?: { claims?: readonly unknown[]; limits?: Record<string, unknown>; requests?: Record<string, unknown> };
}

export type Template = Untrusted<Omit<ArgoTemplateIR, keyof TemplateOverrides>> & TemplateOverrides;

interface WorkflowSpecOverrides {
  arguments?: Arguments;
  templates?: readonly Template[];
  templateDefaults?: Template;
  hooks?: Record<string, LifecycleHook>;
  podResources?: Template['podResources'];
}

export type WorkflowSpec = Untrusted<Omit<ArgoWorkflowSpecIR, keyof WorkflowSpecOverrides>> & WorkflowSpecOverrides;

/** The spec of any Argo kind: a workflow spec, plus a CronWorkflow's fields (and its v3 `schedule`). */
type AnySpec = WorkflowSpec &
  Untrusted<Omit<ArgoCronWorkflowSpecIR, 'workflowSpec' | 'workflowMetadata'>> & {
    workflowSpec?: WorkflowSpec;
    schedule?: string;
  };

export interface ArgoObject {
  apiVersion?: string;
  kind?: string;
  metadata?: Untrusted<KubeObjectMeta>;
  spec?: AnySpec;
}

/** Reads a field that should be an array; anything else counts as empty. */
export function list<T>(value: T[] | undefined | unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}
