import type { CacheIR, JsonValue, LoopIR, PortIR, RetryIR, TaskIR, ValueIR } from '../../dsl/ir/index.ts';
import type { KGroup, KNode, KTree } from './groups.ts';
import { paramType, typeOfValue, type Json, type KfpParamType } from './types.ts';
import { protoDuration } from './units.ts';

/** KFP placeholders of the runtime values it has. */
export const RUNTIME_PLACEHOLDERS: Partial<Record<string, string>> = {
  workflowName: '{{$.pipeline_job_name}}',
  workflowUid: '{{$.pipeline_job_uuid}}',
  scheduledTime: '{{$.pipeline_job_schedule_time_utc}}',
  creationTimestamp: '{{$.pipeline_job_create_time_utc}}',
};

/** What travels through a DAG input or output: a typed parameter or an artifact. */
export type Channel =
  | { readonly kind: 'param'; readonly type: KfpParamType }
  | { readonly kind: 'artifact'; readonly artifactType: Json; readonly list?: boolean };

/** One DAG being built: the root or a group's sub-DAG. */
export class Scope {
  readonly tasks: Record<string, Json> = {};
  /** Values this DAG receives from its parent, by channel name. */
  readonly inputs = new Map<string, { readonly value: ValueIR; readonly channel: Channel }>();
  /** Values this DAG hands to its parent (loop fan-in, outputs read outside a condition, `p.oneOf()`). */
  readonly outputs = new Map<
    string,
    {
      readonly selectors: readonly { readonly producer: string; readonly key: string }[];
      readonly oneOf: boolean;
      readonly channel: Channel;
    }
  >();
  /** Ids outside this DAG that something inside waits for; the parent turns them into dependencies. */
  readonly outerDeps = new Set<string>();
  constructor(
    readonly path: readonly string[],
    readonly group?: KGroup,
  ) {}
}

/** Where an id lives relative to a DAG: one of its tasks, inside one of its groups, or outside. */
export function locate(
  tree: KTree,
  s: Scope,
  id: string,
): { kind: 'direct' } | { kind: 'nested'; group: string } | { kind: 'outer' } {
  const entry = tree.index.get(id);
  if (!entry) throw new Error(`internal: unknown id ${id}`);
  const q = entry.path;
  if (q.length < s.path.length || s.path.some((g, i) => q[i] !== g)) return { kind: 'outer' };
  return q.length === s.path.length ? { kind: 'direct' } : { kind: 'nested', group: q[s.path.length] as string };
}

/** The channel of a loop's collected output (the SDK's name for it). */
export const collectKey = (c: { task: string; output: string }): string => `pipelinechannel--${c.task}-${c.output}`;

/** The task, loop or condition whose output a value reads. */
export function producerId(v: ValueIR): string {
  switch (v.kind) {
    case 'taskOutput':
      return v.task;
    case 'loopOutput':
      return v.loop;
    case 'conditionOutput':
      return v.condition;
    default:
      throw new Error(`internal: ${v.kind} has no producer`);
  }
}

/** `inputs` of a task, with empty halves left out. */
export function inputsOf(parameters: Json, artifacts: Json): Json {
  const inputs = nonEmpty({ parameters, artifacts });
  return inputs ? { inputs } : {};
}

/** `{ parameters, artifacts }` without empty halves; undefined when both are empty. */
export function nonEmpty(obj: { parameters: Json; artifacts: Json }): Json | undefined {
  const out: Json = {};
  if (Object.keys(obj.parameters).length) out.parameters = obj.parameters;
  if (Object.keys(obj.artifacts).length) out.artifacts = obj.artifacts;
  return Object.keys(out).length ? out : undefined;
}

/** `inputDefinitions`/`outputDefinitions` of a group from its channels. */
export function defsOf(entries: readonly (readonly [string, Channel])[]): Json {
  const parameters: Json = {};
  const artifacts: Json = {};
  for (const [k, ch] of entries) {
    if (ch.kind === 'artifact')
      artifacts[k] = { artifactType: ch.artifactType, ...(ch.list ? { isArtifactList: true } : {}) };
    else parameters[k] = { parameterType: ch.type };
  }
  return nonEmpty({ parameters, artifacts }) ?? {};
}

/** Caching and retry of a task: unset caching follows KFP's default (on), `cache: false` is an empty CachingOptions. */
export function taskPolicies(cache: CacheIR | undefined, retry: RetryIR | undefined): Json {
  return {
    cachingOptions: cache === undefined || cache.enabled ? { enableCache: true } : {},
    ...(retry
      ? {
          retryPolicy: {
            maxRetryCount: retry.limit,
            backoffDuration: retry.backoff ? protoDuration(retry.backoff.duration) : '0s',
            backoffFactor: retry.backoff?.factor ?? 2,
            backoffMaxDuration: retry.backoff?.max ? protoDuration(retry.backoff.max) : '3600s',
          },
        }
      : {}),
  };
}

/**
 * The KFP type of a dynamic loop's item: what the tasks reading it declare, else the type of the
 * items of the list's default (a pipeline parameter's), else STRING.
 */
export function dynamicItemType(
  loop: LoopIR,
  tree: KTree,
  inputsOfTask: (t: TaskIR) => readonly PortIR[],
  listDefault?: JsonValue,
): KfpParamType {
  const types = new Set<KfpParamType>();
  const visit = (nodes: readonly KNode[]): void => {
    for (const n of nodes) {
      if (n.kind === 'group') visit(n.children);
      else {
        for (const port of inputsOfTask(n.task)) {
          const v = n.task.args[port.name];
          if (v?.kind === 'loopItem' && v.loop === loop.id && port.kind === 'param')
            types.add(v.path.length ? 'STRUCT' : paramType(port.type, port));
        }
      }
    }
  };
  const g = tree.index.get(loop.id)?.node;
  if (g?.kind === 'group') visit((g as KGroup).children);
  if (types.size === 0 && Array.isArray(listDefault) && listDefault.length > 0) {
    const kinds = new Set(listDefault.map(typeOfValue));
    if (kinds.size === 1) return [...kinds][0] as KfpParamType;
  }
  return types.size === 1 ? ([...types][0] as KfpParamType) : types.size > 1 ? 'STRUCT' : 'STRING';
}
