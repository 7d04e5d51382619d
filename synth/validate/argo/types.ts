/**
 * The parts of the Argo Workflows API the semantic checks read, as loose plain-data types:
 * input is untrusted YAML, so every field is optional and readers go through `list()`.
 */
export interface Parameter {
  name?: string;
  value?: unknown;
  default?: unknown;
  enum?: unknown[];
  globalName?: string;
  valueFrom?: {
    path?: string;
    jsonPath?: string;
    jqFilter?: string;
    parameter?: string;
    expression?: string;
    event?: string;
    configMapKeyRef?: unknown;
    supplied?: unknown;
    default?: unknown;
  };
}

export interface Artifact {
  name?: string;
  path?: string;
  from?: string;
  fromExpression?: string;
  globalName?: string;
  optional?: boolean;
  git?: { repo?: string };
  [location: string]: unknown;
}

export interface Arguments {
  parameters?: Parameter[];
  artifacts?: Artifact[];
}

export interface TemplateRef {
  name?: string;
  template?: string;
  clusterScope?: boolean;
}

/** A lifecycle hook (`exit`, or any name with an expression): the template it runs and its arguments. */
export interface LifecycleHook {
  expression?: string;
  template?: string;
  templateRef?: TemplateRef;
  arguments?: Arguments;
}

/** A step, a DAG task, a hook or the entrypoint: anything that names or inlines a template. */
export interface TemplateHolder {
  name?: string;
  template?: string;
  templateRef?: TemplateRef;
  inline?: Template;
  arguments?: Arguments;
  withItems?: unknown[];
  withParam?: string;
  withSequence?: { count?: unknown; end?: unknown; start?: unknown };
  hooks?: Record<string, LifecycleHook>;
  onExit?: string;
  when?: string;
}

export interface DagTask extends TemplateHolder {
  dependencies?: string[];
  depends?: string;
  continueOn?: { error?: boolean; failed?: boolean };
}

export interface Container {
  name?: string;
  image?: string;
  volumeMounts?: { name?: string; mountPath?: string }[];
  dependencies?: string[];
  [field: string]: unknown;
}

export interface Template {
  name?: string;
  inputs?: { parameters?: Parameter[]; artifacts?: Artifact[] };
  outputs?: { parameters?: Parameter[]; artifacts?: Artifact[]; result?: string; exitCode?: string };
  container?: Container;
  containerSet?: { containers?: Container[] };
  script?: Container & { source?: string };
  resource?: { action?: string; manifest?: string; manifestFrom?: { artifact?: { name?: string } } };
  steps?: TemplateHolder[][];
  dag?: { tasks?: DagTask[]; target?: string };
  suspend?: unknown;
  data?: unknown;
  http?: unknown;
  plugin?: unknown;
  initContainers?: Container[];
  sidecars?: Container[];
  retryStrategy?: { retryPolicy?: string };
  activeDeadlineSeconds?: unknown;
  parallelism?: unknown;
  timeout?: string;
  daemon?: boolean;
  archiveLocation?: Artifact;
  metrics?: { prometheus?: Metric[] };
  resourceClaims?: unknown[];
  podResources?: { claims?: unknown[]; limits?: Record<string, unknown>; requests?: Record<string, unknown> };
  [field: string]: unknown;
}

export interface Metric {
  name?: string;
  help?: string;
  labels?: { key?: string; value?: string }[];
  gauge?: { value?: string; realtime?: boolean };
  counter?: { value?: string };
  histogram?: { value?: string; buckets?: unknown[] };
}

export interface WorkflowSpec {
  entrypoint?: string;
  onExit?: string;
  arguments?: Arguments;
  templates?: Template[];
  workflowTemplateRef?: { name?: string; clusterScope?: boolean };
  templateDefaults?: Template;
  workflowMetadata?: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    labelsFrom?: Record<string, unknown>;
  };
  hooks?: Record<string, LifecycleHook>;
  podGC?: { strategy?: string; labelSelector?: { matchExpressions?: { operator?: string }[] } };
  priority?: number;
  podResources?: Template['podResources'];
  [field: string]: unknown;
}

export interface ArgoObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    generateName?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: WorkflowSpec & {
    workflowSpec?: WorkflowSpec;
    workflowMetadata?: WorkflowSpec['workflowMetadata'];
    schedule?: string;
    schedules?: string[];
    timezone?: string;
    concurrencyPolicy?: string;
    startingDeadlineSeconds?: number;
  };
}

/** Reads a field that should be an array; anything else counts as empty. */
export function list<T>(value: T[] | undefined | unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}
