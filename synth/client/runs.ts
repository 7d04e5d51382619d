import { resourcePath, type Kube } from './kube.ts';
import { Run, WORKFLOWS } from './run.ts';
import { runStatusOf, type RunPhase, type RunStatus, type WorkflowJson } from './run-status.ts';

export interface RunQuery {
  /** Only runs of this pipeline (our label, Argo's workflow-template label, or the template they reference). */
  readonly pipeline?: string;
  /** Only runs in this phase. */
  readonly phase?: RunPhase;
  /** At most this many, newest first. Default 50. */
  readonly limit?: number;
  readonly namespace?: string;
}

/** `client.runs`: the runs of a namespace. */
export interface RunsApi {
  /** Runs, newest first, filtered by pipeline and phase. */
  list(query?: RunQuery): Promise<RunStatus[]>;
  /** A run by name; a ClientError (`not-found`) naming the namespace when there is none. */
  get(name: string, namespace?: string): Promise<{ run: Run; status: RunStatus }>;
  /** Deletes a run; a ClientError (`not-found`) when there is none. */
  delete(name: string, namespace?: string): Promise<void>;
}

/**
 * The runs API of a client.
 *
 * @example
 * ```ts
 * const failed = await client.runs.list({ pipeline: 'discount-training', phase: 'Failed', limit: 5 });
 * ```
 */
export function runsApi(kube: Kube, defaultNamespace: string): RunsApi {
  return {
    async list(query = {}) {
      const namespace = query.namespace ?? defaultNamespace;
      const limit = query.limit ?? 50;
      const found: RunStatus[] = [];
      let next: string | undefined;
      // Filtered here: runs of one pipeline carry different labels depending on who started them.
      do {
        const q = new URLSearchParams({ limit: '500', ...(next ? { continue: next } : {}) });
        const page = await kube.request<{ items: WorkflowJson[]; metadata?: { continue?: string } }>(
          'GET',
          `${resourcePath(WORKFLOWS, namespace)}?${q}`,
          { verb: 'list', group: WORKFLOWS.group, resource: WORKFLOWS.resource, namespace },
        );
        for (const wf of page.items) {
          const s = runStatusOf({ ...wf, metadata: { ...wf.metadata, namespace } });
          if (query.pipeline && s.pipeline !== query.pipeline) continue;
          if (query.phase && s.phase !== query.phase) continue;
          found.push(s);
        }
        next = page.metadata?.continue || undefined;
      } while (next);
      found.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.name.localeCompare(b.name));
      return found.slice(0, limit);
    },
    async get(name, namespace) {
      const run = new Run(kube, name, namespace ?? defaultNamespace);
      return { run, status: await run.status() };
    },
    async delete(name, namespace) {
      await new Run(kube, name, namespace ?? defaultNamespace).delete();
    },
  };
}
