import { ClientError } from './errors.ts';
import { lines, resourcePath, type Kube } from './kube.ts';
import type { RunStatus } from './run-status.ts';

/** One line a task's container printed. */
export interface LogLine {
  /** The task (node display name) that printed it. */
  readonly task: string;
  readonly pod: string;
  readonly text: string;
}

export interface LogOptions {
  /** Only this task's pods (its name in the pipeline, e.g. `train`); default every task. */
  readonly task?: string;
  /** Keep streaming until the containers end (`kubectl logs -f`). */
  readonly follow?: boolean;
  /** Container of the pod; Argo runs the task's command in `main`. */
  readonly container?: string;
  readonly signal?: AbortSignal;
}

/** A pod of a run, found by the labels and annotations the workflow controller puts on it. */
export interface RunPod {
  readonly name: string;
  readonly task: string;
  readonly nodeName?: string;
  readonly phase?: string;
}

interface PodJson {
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { nodeName?: string };
  status?: { phase?: string };
}

const PODS = { group: '', version: 'v1', resource: 'pods' } as const;

/**
 * The pods of a run, by the `workflows.argoproj.io/workflow` label the controller sets, named
 * after their task through the `workflows.argoproj.io/node-name` annotation and the run's nodes.
 * With `task`, only that task's pods; an unknown task is an error listing the run's tasks.
 *
 * @example
 * ```ts
 * const pods = await runPods(kube, await run.status(), 'train');
 * ```
 */
export async function runPods(kube: Kube, run: RunStatus, task?: string): Promise<RunPod[]> {
  const tasks = run.nodes.filter((n) => n.type === 'Pod');
  const wanted = task ? tasks.filter((n) => n.displayName === task || n.name.endsWith(`.${task}`)) : tasks;
  if (task && wanted.length === 0)
    throw new ClientError(
      `--task ${task}: run "${run.name}" has no task of that name (got ${tasks.map((n) => n.displayName).join(', ') || 'no tasks started yet'}). Pass one of its tasks`,
      'not-found',
    );
  const query = new URLSearchParams({ labelSelector: `workflows.argoproj.io/workflow=${run.name}` });
  const list = await kube.request<{ items: PodJson[] }>('GET', `${resourcePath(PODS, run.namespace)}?${query}`, {
    verb: 'list',
    group: '',
    resource: 'pods',
    namespace: run.namespace,
  });
  const byNodeName = new Map(run.nodes.map((n) => [n.name, n]));
  const byId = new Map(run.nodes.map((n) => [n.id, n]));
  const pods = list.items.map((p): RunPod & { nodeId: string } => {
    const a = p.metadata.annotations ?? {};
    const node =
      byId.get(a['workflows.argoproj.io/node-id'] ?? '') ?? byNodeName.get(a['workflows.argoproj.io/node-name'] ?? '');
    return {
      name: p.metadata.name,
      nodeId: node?.id ?? '',
      task: node?.displayName ?? a['workflows.argoproj.io/node-name']?.split('.').pop() ?? p.metadata.name,
      ...(p.spec?.nodeName ? { nodeName: p.spec.nodeName } : {}),
      ...(p.status?.phase ? { phase: p.status.phase } : {}),
    };
  });
  const ids = new Set(wanted.map((n) => n.id));
  const chosen = task ? pods.filter((p) => ids.has(p.nodeId)) : pods;
  if (chosen.length === 0)
    throw new ClientError(
      `${task ? `task "${task}" of ` : ''}run "${run.name}": no pods in namespace "${run.namespace}" yet (got 0 pods labelled workflows.argoproj.io/workflow=${run.name}). Wait until the task starts (argosy runs get ${run.name}), or check that the workflow controller is running`,
      'not-found',
    );
  return chosen.map(({ nodeId: _, ...p }) => p).sort((a, b) => a.name.localeCompare(b.name));
}

/** The log of one pod's container, line by line; a pod that is not running yet is a clear error. */
export async function* podLog(
  kube: Kube,
  namespace: string,
  pod: RunPod,
  opts: LogOptions = {},
): AsyncGenerator<LogLine> {
  const query = new URLSearchParams({
    container: opts.container ?? 'main',
    ...(opts.follow ? { follow: 'true' } : {}),
  });
  const res = await kube.stream(
    `${resourcePath(PODS, namespace, pod.name, 'log')}?${query}`,
    { verb: 'get', group: '', resource: 'pods/log', namespace, name: pod.name },
    opts.signal,
  );
  // The API server answers 204 for a pod no kubelet runs yet: there is no log to read.
  if (res.statusCode === 204) {
    res.resume();
    throw new ClientError(
      `task "${pod.task}" (pod ${pod.name}): no logs yet, the pod ${pod.nodeName ? `is ${pod.phase ?? 'not running'} on node ${pod.nodeName}` : 'has not been scheduled to a node'} (got 204 No Content from the API server). Wait until it runs (argosy runs get), then ask again`,
      'no-logs',
      204,
    );
  }
  for await (const text of lines(res)) yield { task: pod.task, pod: pod.name, text };
}

/**
 * Interleaves several async streams in arrival order (each stream's own order is kept), as
 * `argo logs` does for the pods of a run.
 */
export async function* merge<T>(streams: readonly AsyncIterable<T>[]): AsyncGenerator<T> {
  const iters = streams.map((s) => s[Symbol.asyncIterator]());
  const pending = new Map<number, Promise<{ i: number; r: IteratorResult<T> }>>();
  const next = (i: number): void => {
    pending.set(
      i,
      (iters[i] as AsyncIterator<T>).next().then((r) => ({ i, r })),
    );
  };
  iters.forEach((_, i) => next(i));
  while (pending.size > 0) {
    const { i, r } = await Promise.race(pending.values());
    if (r.done) pending.delete(i);
    else {
      next(i);
      yield r.value;
    }
  }
}

/**
 * Formats log lines for a terminal: `task | text`, the task names padded to one width so the
 * texts line up, as `argo logs` prefixes each line with its pod.
 *
 * @example
 * ```ts
 * formatLogLines([{ task: 'train', pod: 'p', text: 'auc=0.81' }]); // ['train | auc=0.81']
 * ```
 */
export function formatLogLines(logLines: readonly LogLine[], width?: number): string[] {
  const w = width ?? Math.max(0, ...logLines.map((l) => l.task.length));
  return logLines.map((l) => `${l.task.padEnd(w)} | ${l.text}`);
}
