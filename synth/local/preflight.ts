import type { ComponentIR, NodeIR, PipelineIR, TaskIR } from '../../dsl/ir/index.ts';
import { externalEnv } from './component-task.ts';

/** A component task found anywhere in a pipeline: in conditions, loops, called pipelines, the exit handler. */
export interface FoundTask {
  readonly path: string;
  readonly task: Extract<TaskIR, { component: string }>;
  readonly component: ComponentIR;
}

/** Every component task of a pipeline, with its path (`loop/…`, `caller/…` for called pipelines). */
export function componentTasks(pipeline: PipelineIR, prefix = ''): FoundTask[] {
  const visit = (p: PipelineIR, nodes: readonly NodeIR[], at: string): FoundTask[] =>
    nodes.flatMap((n): FoundTask[] => {
      if (n.kind === 'condition') return n.branches.flatMap((b) => visit(p, b.body, at));
      if (n.kind === 'loop') return visit(p, n.body, `${at}${n.id}/`);
      if (n.kind !== 'task') return [];
      if (n.pipeline !== undefined) {
        const callee = (p.pipelines ?? []).find((x) => x.name === n.pipeline);
        return callee ? visit(callee, callee.body, `${at}${n.id}/`) : [];
      }
      const component = p.components.find((c) => c.name === n.component);
      return component ? [{ path: `${at}${n.id}`, task: n, component }] : [];
    });
  return [...visit(pipeline, pipeline.body, prefix), ...visit(pipeline, pipeline.exitHandler, prefix)];
}

/** Why a run cannot start: one line per step that cannot run here, and the fix. */
export class LocalRunError extends Error {
  constructor(
    readonly pipeline: string,
    readonly problems: readonly string[],
  ) {
    super(`pipeline "${pipeline}" cannot run locally:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'LocalRunError';
  }
}

/**
 * Everything that would stop a run part-way, found before any step starts: container components
 * without a container runtime or local command, claims mounted into subprocesses, and secret or
 * ConfigMap values with no local value. Throws a {@link LocalRunError} listing them all.
 */
export function preflight(
  pipeline: PipelineIR,
  opts: {
    readonly container: 'docker' | 'podman' | undefined;
    readonly commands: Readonly<Record<string, readonly string[]>>;
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly values: Readonly<Record<string, string>>;
  },
): void {
  const problems: string[] = [];
  const unknown = Object.keys(opts.commands).filter(
    (id) => !componentTasks(pipeline).some((t) => t.task.id === id) && !hasSubmit(pipeline.body, id),
  );
  for (const id of unknown) problems.push(`--command ${id}: no step "${id}" in this pipeline`);
  const needRuntime: string[] = [];
  for (const { path, task, component: c } of componentTasks(pipeline)) {
    const overridden = opts.commands[task.id] !== undefined;
    if (c.implementation.kind === 'container' && !overridden && !opts.container)
      needRuntime.push(`${path} (component ${c.name}, image ${c.image})`);
    if ((task.mounts ?? []).length && !opts.container && (c.implementation.kind === 'script' || overridden))
      problems.push(
        `${path}: mounts a claim at ${task.mounts?.[0]?.mountPath}, which a local process cannot see; run it with a container runtime`,
      );
    if (overridden) continue;
    for (const e of c.pod.env) {
      if ('value' in e || 'fieldRef' in e) continue;
      const ref = 'secretKeyRef' in e ? e.secretKeyRef : e.configMapKeyRef;
      if (ref.optional) continue;
      if (externalEnv(e, opts.env, opts.values, { namespace: '', name: '' }) !== undefined) continue;
      const kind = 'secretKeyRef' in e ? 'secret' : 'configMap';
      problems.push(
        `${path}: needs ${e.name} (${kind} ${ref.name}, key ${ref.key}); set ${e.name} in the environment or pass --value ${kind}:${ref.name}/${ref.key}=<value>`,
      );
    }
  }
  if (needRuntime.length)
    problems.unshift(
      `these steps run containers and no container runtime answers (docker or podman), nor do they have a local command (--command <step>=<program>):\n${needRuntime.map((t) => `      ${t}`).join('\n')}`,
    );
  if (problems.length) throw new LocalRunError(pipeline.name, problems);
}

function hasSubmit(nodes: readonly NodeIR[], id: string): boolean {
  return nodes.some((n) =>
    n.kind === 'submit'
      ? n.id === id
      : n.kind === 'condition'
        ? n.branches.some((b) => hasSubmit(b.body, id))
        : n.kind === 'loop' && hasSubmit(n.body, id),
  );
}
