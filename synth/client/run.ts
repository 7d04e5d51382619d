import { ClientError, type RequestTarget } from './errors.ts';
import { resourcePath, type Kube } from './kube.ts';
import { formatLogLines, merge, podLog, runPods, type LogLine, type LogOptions } from './logs.ts';
import { isFinal, runStatusOf, type RunStatus, type WorkflowJson } from './run-status.ts';
import { watchObject, type WatchOptions } from './watch.ts';
import { workflowResubmit, type ArgoObject } from './workflow-objects.ts';

export const WORKFLOWS = { group: 'argoproj.io', version: 'v1alpha1', resource: 'workflows' } as const;

/** One event of `run.watch()`: the run's status after a change, or a resumed stream. */
export type RunEvent =
  | { readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'; readonly status: RunStatus }
  | { readonly type: 'RESUMED'; readonly resourceVersion: string; readonly attempt: number };

/**
 * A run of a pipeline (an Argo Workflow) on the cluster: what `client.submit()`,
 * `client.trigger()` and `client.runs.get()` return.
 *
 * @example
 * ```ts
 * const run = await client.submit(ctrTraining, { environment: 'staging', args: { snapshotDate: '2026-12-01' } });
 * for await (const e of run.watch()) if (e.type !== 'RESUMED') console.log(e.status.phase);
 * const final = await run.wait({ timeout: 3_600_000 });
 * ```
 */
export class Run {
  constructor(
    private readonly kube: Kube,
    readonly name: string,
    readonly namespace: string,
  ) {}

  private target(verb: string): RequestTarget {
    return { verb, group: WORKFLOWS.group, resource: WORKFLOWS.resource, namespace: this.namespace, name: this.name };
  }

  private get path(): string {
    return resourcePath(WORKFLOWS, this.namespace, this.name);
  }

  /** The run's phase, each node's phase and the outputs, as the workflow controller last wrote them. */
  async status(): Promise<RunStatus> {
    return runStatusOf(await this.kube.request<WorkflowJson>('GET', this.path, this.target('get')));
  }

  /**
   * The run's status now and after every change, until it finishes or is deleted. A dropped
   * stream resumes from the last resourceVersion seen (a `RESUMED` event says so).
   */
  async *watch(opts: WatchOptions = {}): AsyncGenerator<RunEvent> {
    const events = watchObject<WorkflowJson>(
      this.kube,
      resourcePath(WORKFLOWS, this.namespace),
      this.target('watch'),
      this.name,
      { ...opts, until: (wf) => isFinal(runStatusOf(wf).phase) },
    );
    for await (const e of events) yield e.type === 'RESUMED' ? e : { type: e.type, status: runStatusOf(e.object) };
  }

  /**
   * Waits until the run finishes and returns its final status; with `timeout` (ms) a
   * ClientError (`timeout`) when it has not finished by then (the run keeps going).
   */
  async wait(opts: { readonly timeout?: number; readonly signal?: AbortSignal } = {}): Promise<RunStatus> {
    const controller = new AbortController();
    opts.signal?.addEventListener('abort', () => controller.abort());
    let timedOut = false;
    const timer =
      opts.timeout !== undefined
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, opts.timeout)
        : undefined;
    let last: RunStatus | undefined;
    try {
      for await (const e of this.watch({ signal: controller.signal })) {
        if (e.type === 'RESUMED') continue;
        last = e.status;
        if (e.type === 'DELETED')
          throw new ClientError(
            `run "${this.name}": deleted while waiting for it (got phase ${e.status.phase}). Submit it again`,
            'not-found',
          );
        if (isFinal(e.status.phase)) return e.status;
      }
    } finally {
      if (timer) clearTimeout(timer);
    }
    if (timedOut)
      throw new ClientError(
        `run "${this.name}": not finished after ${Math.round((opts.timeout ?? 0) / 1000)} s (got phase ${last?.phase ?? 'unknown'}). Wait longer, or look at it with \`argosy runs get ${this.name}\``,
        'timeout',
      );
    throw new ClientError(
      `run "${this.name}": waiting was cancelled (got phase ${last?.phase ?? 'unknown'})`,
      'cancelled',
    );
  }

  /**
   * The logs of the run's tasks (all, or `task`'s), interleaved as they arrive; `follow` keeps
   * streaming while the containers run. Needs the pods to be scheduled (a kubelet serves logs).
   */
  async *logs(opts: LogOptions = {}): AsyncGenerator<LogLine> {
    const pods = await runPods(this.kube, await this.status(), opts.task);
    yield* merge(pods.map((p) => podLog(this.kube, this.namespace, p, opts)));
  }

  /** {@link Run.logs} collected and formatted as `task | text` lines (for a finished run). */
  async logText(opts: Omit<LogOptions, 'follow'> = {}): Promise<string[]> {
    const all: LogLine[] = [];
    for await (const l of this.logs(opts)) all.push(l);
    return formatLogLines(all);
  }

  /**
   * Stops the run as `argo stop` does (`spec.shutdown: Stop`): the controller runs no new
   * tasks, lets running ones finish, and runs the exit handler.
   */
  async stop(): Promise<void> {
    await this.kube.request(
      'PATCH',
      this.path,
      this.target('patch'),
      { spec: { shutdown: 'Stop' } },
      'application/merge-patch+json',
    );
  }

  /**
   * Starts a new run with this run's spec and arguments (what `argo resubmit` does), labelled
   * `argosy.dev/retry-of: <name>`. An in-place `argo retry` rewrites the controller's node
   * bookkeeping, which only the workflow controller should do. Only a finished run is retried.
   */
  async retry(): Promise<Run> {
    const wf = await this.kube.request<ArgoObject & WorkflowJson>('GET', this.path, this.target('get'));
    const phase = runStatusOf(wf).phase;
    if (!isFinal(phase))
      throw new ClientError(
        `run "${this.name}": still ${phase} (got phase ${phase}). Stop it first (argosy runs stop ${this.name}), or wait until it ends`,
        'not-finished',
      );
    const created = await this.kube.request<WorkflowJson>(
      'POST',
      resourcePath(WORKFLOWS, this.namespace),
      { ...this.target('create'), name: undefined },
      workflowResubmit(wf),
    );
    return new Run(this.kube, created.metadata.name, this.namespace);
  }

  /** Deletes the run (its pods go with it). */
  async delete(): Promise<void> {
    await this.kube.request('DELETE', this.path, this.target('delete'));
  }
}
