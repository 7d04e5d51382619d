/** Phase of a run (Argo `status.phase`); `Pending` also before the workflow controller saw it. */
export type RunPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Error';

/** Phase of one node of a run (a task, a step, a retry, the DAG itself). */
export type NodePhase = RunPhase | 'Skipped' | 'Omitted';

/** One node of a run, from the workflow's `status.nodes`. */
export interface RunNode {
  readonly id: string;
  /** Full node name, e.g. `churn-x7k2p.train`. */
  readonly name: string;
  /** The task's name within its DAG, e.g. `train`. */
  readonly displayName: string;
  /** `Pod`, `DAG`, `Steps`, `Retry`, `Skipped`, `Suspend`... */
  readonly type: string;
  readonly phase: NodePhase;
  readonly templateName?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly message?: string;
  readonly children: readonly string[];
  /** The DAG or steps node this node runs within (`boundaryID`), when the controller set it. */
  readonly boundaryID?: string;
  readonly outputs: Readonly<Record<string, string>>;
}

/** What `run.status()` returns: the run's phase, each node's phase, and the outputs so far. */
export interface RunStatus {
  readonly name: string;
  readonly namespace: string;
  readonly phase: RunPhase;
  /** The pipeline, from our label or the WorkflowTemplate the run references. */
  readonly pipeline?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly message?: string;
  /** `done/total` of the controller (`status.progress`), when it wrote one. */
  readonly progress?: string;
  readonly nodes: readonly RunNode[];
  /** The run's output parameters (`status.outputs.parameters`). */
  readonly outputs: Readonly<Record<string, string>>;
  readonly createdAt?: string;
  readonly resourceVersion: string;
}

/** Phases after which a run changes no more. */
export const FINAL_PHASES: readonly RunPhase[] = ['Succeeded', 'Failed', 'Error'];

/** Whether a run in this phase is finished. */
export const isFinal = (phase: RunPhase): boolean => FINAL_PHASES.includes(phase);

/** The label Argosy puts on the runs it submits, naming the pipeline. */
export const PIPELINE_LABEL = 'argosy.dev/pipeline';
/** The label Argosy puts on the runs it submits, naming the environment. */
export const ENVIRONMENT_LABEL = 'argosy.dev/environment';

interface WorkflowNodeJson {
  id?: string;
  name?: string;
  displayName?: string;
  type?: string;
  phase?: string;
  templateName?: string;
  startedAt?: string;
  finishedAt?: string;
  message?: string;
  children?: string[];
  boundaryID?: string;
  outputs?: { parameters?: { name: string; value?: string }[] };
}

/** A Workflow object as the API server returns it (only what we read). */
export interface WorkflowJson {
  metadata: {
    name: string;
    namespace?: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
  };
  spec?: { workflowTemplateRef?: { name?: string }; shutdown?: string; arguments?: unknown };
  status?: {
    phase?: string;
    startedAt?: string;
    finishedAt?: string;
    message?: string;
    progress?: string;
    nodes?: Record<string, WorkflowNodeJson>;
    outputs?: { parameters?: { name: string; value?: string }[] };
  };
}

const params = (list: readonly { name: string; value?: string }[] | undefined): Record<string, string> =>
  Object.fromEntries((list ?? []).map((p) => [p.name, p.value ?? '']));

/**
 * Reads a Workflow into a {@link RunStatus}. Nodes are ordered by start time (then name), so a
 * tree or a list of them reads in the order the tasks ran.
 *
 * @example
 * ```ts
 * const s = runStatusOf(workflowJson);
 * s.nodes.filter((n) => n.type === 'Pod').map((n) => `${n.displayName} ${n.phase}`);
 * ```
 */
export function runStatusOf(wf: WorkflowJson): RunStatus {
  const st = wf.status ?? {};
  const nodes = Object.entries(st.nodes ?? {}).map(([id, n]): RunNode => ({
    id: n.id ?? id,
    name: n.name ?? id,
    displayName: n.displayName ?? n.name ?? id,
    type: n.type ?? 'Pod',
    phase: (n.phase ?? 'Pending') as NodePhase,
    ...(n.templateName ? { templateName: n.templateName } : {}),
    ...(n.startedAt ? { startedAt: n.startedAt } : {}),
    ...(n.finishedAt ? { finishedAt: n.finishedAt } : {}),
    ...(n.message ? { message: n.message } : {}),
    children: n.children ?? [],
    ...(n.boundaryID ? { boundaryID: n.boundaryID } : {}),
    outputs: params(n.outputs?.parameters),
  }));
  // Not started yet sorts last; plain comparison (localeCompare puts punctuation before digits).
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  nodes.sort((a, b) => cmp(a.startedAt ?? '\uffff', b.startedAt ?? '\uffff') || cmp(a.name, b.name));
  const pipeline =
    wf.metadata.labels?.[PIPELINE_LABEL] ??
    wf.metadata.labels?.['workflows.argoproj.io/workflow-template'] ??
    wf.spec?.workflowTemplateRef?.name;
  return {
    name: wf.metadata.name,
    namespace: wf.metadata.namespace ?? '',
    phase: (st.phase || 'Pending') as RunPhase,
    ...(pipeline ? { pipeline } : {}),
    ...(st.startedAt ? { startedAt: st.startedAt } : {}),
    ...(st.finishedAt ? { finishedAt: st.finishedAt } : {}),
    ...(st.message ? { message: st.message } : {}),
    ...(st.progress ? { progress: st.progress } : {}),
    ...(wf.metadata.creationTimestamp ? { createdAt: wf.metadata.creationTimestamp } : {}),
    nodes,
    outputs: params(st.outputs?.parameters),
    resourceVersion: wf.metadata.resourceVersion ?? '',
  };
}
