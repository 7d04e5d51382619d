import { bindParam, checkVisible, describeValue } from './args.ts';
import type { BuildState, GroupFrame, LoopState, NodeState } from './build-state.ts';
import { isBroken, recover, report } from '../common/collect.ts';
import { article, DslError, seg, type PathSegment } from '../errors.ts';
import type { ParamTypeIR, PortIR } from '../ir/index.ts';
import type { LoopReturn, PipelineBuilder } from './pipeline-builder.ts';
import { ArtifactRef, ParamRef, isArtifactListRef, isArtifactRef, isParamRef, isRef, type ScopeId } from './refs.ts';
import { assertNotMissing, BrokenRef } from './stand-ins.ts';
import { Loop } from './task.ts';

/** What `p.forEach(id, items, body, opts)` was given. */
export interface LoopCall {
  readonly id: string;
  readonly items: unknown;
  readonly body: (p: PipelineBuilder, item: never) => LoopReturn;
  readonly opts: { readonly parallelism?: number };
}

/**
 * Records a `p.forEach()` loop and builds its body. A mistake in the items or options is its own:
 * the body still builds (over a stand-in item) and reports its own mistakes.
 */
export function addLoop(
  state: BuildState,
  nodes: NodeState[],
  groups: readonly GroupFrame[],
  { id, items, body, opts }: LoopCall,
  scope: (nodes: NodeState[], groups: readonly GroupFrame[]) => PipelineBuilder,
): Loop<{}> {
  const path = [...state.path, seg('loop', id)];
  const parallelism = opts.parallelism;
  if (parallelism !== undefined && (!Number.isInteger(parallelism) || parallelism < 1)) {
    report(
      new DslError({
        path: [...path, 'parallelism'],
        problem: 'parallelism must be a positive integer',
        got: parallelism,
        fix: 'Use e.g. { parallelism: 4 }',
      }),
    );
  }
  const site = { groups, inExitHandler: false, path: [...path, 'items'] };
  if (isBroken(items)) state.tainted = true;
  const brokenItems = { items: { kind: 'static' as const, values: [null] }, itemTypes: {}, broken: true };
  const {
    items: loopItems,
    itemTypes,
    broken,
  } = isBroken(items)
    ? brokenItems
    : recover(
        () => loopItemsOf(state, items, path, site),
        () => brokenItems,
      );
  const loop: LoopState = {
    id,
    groups,
    items: loopItems,
    ...(parallelism ? { parallelism } : {}),
    nodes: [],
    collect: [],
    after: [],
  };
  state.loops.set(id, loop);
  nodes.push({ kind: 'loop', loop });
  const frame: GroupFrame = { kind: 'loop', id };
  const item = broken
    ? new BrokenRef()
    : loopItems.kind === 'artifacts'
      ? new ArtifactRef({ kind: 'loopItem', loop: id, path: [] }, state.scope, loopItems.artifactType)
      : itemRef(state.scope, id, [], itemTypes);
  const result = body(scope(loop.nodes, [...groups, frame]), item as never);
  loop.collect = collectOutputs(state, loop, result, path);
  return new Loop(state, loop);
}

function loopItemsOf(
  state: BuildState,
  items: unknown,
  path: readonly PathSegment[],
  site: { groups: readonly GroupFrame[]; inExitHandler: boolean; path: readonly PathSegment[] },
): { items: LoopState['items']; itemTypes: ItemTypeInfo; broken: boolean } {
  assertNotMissing(items, site.path);
  if (Array.isArray(items)) {
    if (items.length === 0)
      throw new DslError({
        path,
        problem: 'a static loop needs at least one item',
        got: items,
        fix: 'Pass a non-empty list',
      });
    bindParam(state, 'json', undefined, items, site);
    return { items: { kind: 'static', values: [...items] }, itemTypes: inferItemTypes(items), broken: false };
  }
  if (isParamRef(items)) {
    if (items.type !== undefined && items.type !== 'json') {
      throw new DslError({
        path: site.path,
        problem: 'a dynamic loop needs a JSON list',
        got: `${article(items.type ?? '')} ${items.type} reference`,
        fix: 'Declare the upstream output as param.json<T[]>()',
      });
    }
    checkVisible(state, items.scope, items.value, site);
    return { items: { kind: 'param', value: items.value }, itemTypes: {}, broken: false };
  }
  if (isArtifactListRef(items)) {
    checkVisible(state, items.scope, items.value, site);
    return {
      items: { kind: 'artifacts', value: items.value, artifactType: items.artifactType },
      itemTypes: {},
      broken: false,
    };
  }
  throw new DslError({
    path: site.path,
    problem: 'loop items must be a list, a JSON-list reference or a list of artifacts',
    got: isRef(items) ? 'one artifact' : items,
    fix: 'Pass an array, a param.list<T>() output or a collected artifact output',
  });
}

interface ItemTypeInfo {
  type?: ParamTypeIR;
  fields?: Record<string, ItemTypeInfo>;
}

/** Derives parameter types of static loop items, so comparisons and wiring can be checked. */
function inferItemTypes(values: readonly unknown[]): ItemTypeInfo {
  const kinds = new Set(values.map((v) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v)));
  if (kinds.size !== 1) return {};
  const [kind] = kinds;
  if (kind === 'string') return { type: 'string' };
  if (kind === 'boolean') return { type: 'bool' };
  if (kind === 'number') return { type: values.every((v) => Number.isInteger(v)) ? 'int' : 'float' };
  if (kind === 'object') {
    const keys = new Set(values.flatMap((v) => Object.keys(v as object)));
    const fields: Record<string, ItemTypeInfo> = {};
    for (const k of keys) fields[k] = inferItemTypes(values.map((v) => (v as Record<string, unknown>)[k]));
    return { type: 'json', fields };
  }
  return { type: 'json' };
}

function itemRef(scope: ScopeId, loop: string, path: string[], types: ItemTypeInfo): ParamRef<unknown> {
  const ref = new ParamRef<unknown>({ kind: 'loopItem', loop, path }, scope, types.type);
  return new Proxy(ref, {
    get(target, prop, receiver) {
      if (typeof prop !== 'string' || prop in target || prop === 'then') return Reflect.get(target, prop, receiver);
      return itemRef(scope, loop, [...path, prop], types.fields?.[prop] ?? {});
    },
  });
}

function collectOutputs(
  state: BuildState,
  loop: LoopState,
  result: unknown,
  path: readonly PathSegment[],
): LoopState['collect'] {
  if (result === undefined) return [];
  if (result === null || typeof result !== 'object' || isRef(result)) {
    throw new DslError({
      path,
      problem: 'a loop body may only return an object of task outputs',
      got: result,
      fix: 'Return e.g. { score: task.outputs.score }',
    });
  }
  return Object.entries(result as Record<string, unknown>).flatMap(([name, value]) => {
    const at = [...path, seg('output', name)];
    if (isBroken(value)) {
      state.tainted = true;
      return [];
    }
    return recover(
      () => [collectOne(state, loop, name, value, at)],
      () => [],
    );
  });
}

function collectOne(
  state: BuildState,
  loop: LoopState,
  name: string,
  value: unknown,
  at: readonly PathSegment[],
): LoopState['collect'][number] {
  assertNotMissing(value, at);
  if (
    !(isParamRef(value) || isArtifactRef(value)) ||
    value.scope !== state.scope ||
    value.value.kind !== 'taskOutput'
  ) {
    const got = isArtifactRef(value)
      ? `artifact ${value.artifactType} ${describeValue(value.value)}`
      : isParamRef(value)
        ? describeValue(value.value)
        : value;
    throw new DslError({
      path: at,
      problem: 'only outputs of tasks in the loop body can be collected',
      got,
      fix: 'Return a task output, e.g. task.outputs.score',
    });
  }
  const output = value.value;
  const task = state.tasks.get(output.task);
  const last = task?.groups[task.groups.length - 1];
  if (!task || last?.kind !== 'loop' || last.id !== loop.id) {
    throw new DslError({
      path: at,
      problem:
        'collected outputs must come from tasks directly in this loop body (not inside a condition or another loop)',
      got: output.task,
      fix: 'Move the task to the top of the loop body',
    });
  }
  const port = task.signature.outputs.find((o) => o.name === output.output) as PortIR;
  return { name, task: task.id, output: port.name, port };
}
