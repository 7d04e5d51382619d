import type { GroupFrame, BuildState, StepSignature } from './build-state.ts';
import { article, DslError, seg, showValue, type PathSegment } from '../errors.ts';
import type { JsonValue, ParamPortIR, ParamTypeIR, PortIR, ValueIR } from '../ir/index.ts';
import {
  describeValue,
  hasTokens,
  isRef,
  splitTokens,
  type ScopeId,
  type TokenPayload,
  isArtifactListRef,
  isArtifactRef,
  isParamRef,
} from './refs.ts';
import { assertNoTemplateBraces } from '../common/text.ts';
import { isBroken, recover, report } from '../common/collect.ts';
import { closest, didYouMean } from '../common/did-you-mean.ts';
import { assertNotMissing } from './stand-ins.ts';

/** Where a value is being used: the enclosing groups and whether we are in the exit handler. */
export interface UseSite {
  readonly groups: readonly GroupFrame[];
  readonly inExitHandler: boolean;
  readonly path: readonly PathSegment[];
}

/**
 * Checks a task's arguments against the component's inputs and turns them into IR values.
 * This repeats at run time what the types guarantee, for JavaScript callers and casts.
 */
export function bindArgs(
  state: BuildState,
  comp: Pick<StepSignature, 'name' | 'inputs'>,
  args: unknown,
  site: UseSite,
): Record<string, ValueIR> {
  if (args !== undefined && (args === null || typeof args !== 'object' || Array.isArray(args) || isRef(args))) {
    throw new DslError({
      path: site.path,
      problem: 'task arguments must be an object',
      got: args,
      fix: 'Pass { inputName: value, ... }',
    });
  }
  const given = (args ?? {}) as Record<string, unknown>;
  const inputs = new Map(comp.inputs.map((p) => [p.name, p]));
  const known = [...inputs.keys()];
  // A misspelt argument name is one mistake: the input it was meant for is not also "missing".
  const meant = new Set<string>();
  for (const key of Object.keys(given)) {
    if (!inputs.has(key)) {
      const hint = closest(key, known);
      if (hint !== undefined && given[hint] === undefined) meant.add(hint);
      report(
        new DslError({
          path: [...site.path, seg('input', key)],
          problem: `component "${comp.name}" has no input "${key}"`,
          got: given[key],
          fix: known.length ? didYouMean(key, known, 'inputs') : 'It takes no inputs',
        }),
      );
    }
  }
  const out: Record<string, ValueIR> = {};
  for (const port of comp.inputs) {
    const value = given[port.name];
    const at = [...site.path, seg('input', port.name)];
    if (value === undefined) {
      if (!port.optional && !meant.has(port.name)) {
        report(
          new DslError({
            path: at,
            problem: `required input is missing`,
            got: undefined,
            fix: `Pass ${port.name}: ${port.kind === 'artifact' ? `<${article(port.artifactType)} ${port.artifactType} output>` : `<${port.type}>`}`,
          }),
        );
      }
      continue;
    }
    // Each argument is checked on its own, so every wrong one of a task is reported.
    recover(
      () => {
        out[port.name] =
          port.kind === 'artifact'
            ? bindArtifact(state, port, value, { ...site, path: at })
            : bindParam(state, port.type, port.enum, value, { ...site, path: at });
      },
      () => undefined,
    );
  }
  return out;
}

/** The value a stand-in binds to: nothing real, since what it stands for failed to build. */
const NOTHING: ValueIR = { kind: 'literal', value: null };

function bindArtifact(
  state: BuildState,
  port: Extract<PortIR, { kind: 'artifact' }>,
  value: unknown,
  site: UseSite,
): ValueIR {
  if (isBroken(value)) {
    state.tainted = true;
    return NOTHING;
  }
  assertNotMissing(value, site.path);
  if (isParamRef(value)) {
    throw new DslError({
      path: site.path,
      problem: `expected artifact ${port.artifactType}`,
      got: 'a parameter',
      fix: 'Pass an artifact output of an upstream task',
    });
  }
  if (port.list) {
    if (!isArtifactListRef(value)) {
      throw new DslError({
        path: site.path,
        problem: `expected a list of ${port.artifactType} artifacts`,
        got: isArtifactRef(value) ? `one ${value.artifactType} artifact` : value,
        fix: 'Pass the collected output of a p.forEach() whose body returns the artifact',
      });
    }
  } else if (!isArtifactRef(value)) {
    const got = isArtifactListRef(value) ? `a list of ${value.artifactType} artifacts` : value;
    throw new DslError({
      path: site.path,
      problem: `expected artifact ${port.artifactType}`,
      got,
      fix: isArtifactListRef(value)
        ? `Declare the input as artifact('${port.artifactType}').list(), or loop over the list with p.forEach()`
        : 'Pass an artifact output of an upstream task, e.g. extract.outputs.table',
    });
  }
  if (port.artifactType !== 'Artifact' && value.artifactType !== port.artifactType) {
    throw new DslError({
      path: site.path,
      problem: `expected artifact ${port.artifactType}`,
      got: value.artifactType,
      fix: `Pass an output declared as artifact('${port.artifactType}')`,
    });
  }
  checkVisible(state, value.scope, value.value, site);
  return value.value;
}

/** Whether a value of type `from` may feed a port of type `to` (int widens to float). */
export function paramTypeFits(from: ParamTypeIR | undefined, to: ParamTypeIR): boolean {
  return from === undefined || from === to || (from === 'int' && to === 'float');
}

export function bindParam(
  state: BuildState,
  type: ParamTypeIR,
  allowed: readonly JsonValue[] | undefined,
  value: unknown,
  site: UseSite,
): ValueIR {
  if (isBroken(value)) {
    state.tainted = true;
    return NOTHING;
  }
  assertNotMissing(value, site.path);
  if (isArtifactRef(value) || isArtifactListRef(value)) {
    throw new DslError({
      path: site.path,
      problem: `expected parameter of type ${type}`,
      got: `artifact ${value.artifactType}`,
      fix: 'Pass a parameter output or a literal',
    });
  }
  if (isParamRef(value)) {
    if (!paramTypeFits(value.type, type)) {
      throw new DslError({
        path: site.path,
        problem: `expected ${type}`,
        got: `${article(value.type ?? '')} ${value.type} reference`,
        fix: `Pass ${article(type)} ${type} value or declare the upstream port as param.${type}()`,
      });
    }
    checkVisible(state, value.scope, value.value, site);
    return value.value;
  }
  if (typeof value === 'string' && hasTokens(value)) {
    if (type !== 'string') {
      throw new DslError({
        path: site.path,
        problem: `a template string is a string, but the input expects ${type}`,
        got: value.replace(/\u0000[^\u0000]*\u0000/g, '<ref>'),
        fix: 'Pass the reference itself',
      });
    }
    const parts = splitTokens(value, site.path).map((p): ValueIR =>
      typeof p === 'string'
        ? { kind: 'literal', value: assertNoTemplateBraces(p, site.path, 'value') }
        : tokenValue(state, p, site),
    );
    return { kind: 'concat', parts };
  }
  checkLiteral(type, value, site.path);
  if (value !== null && typeof value === 'object') assertNoTemplateBraces(JSON.stringify(value), site.path, 'value');
  if (typeof value === 'string') assertNoTemplateBraces(value, site.path, 'value');
  if (allowed && !allowed.some((a) => JSON.stringify(a) === JSON.stringify(value))) {
    throw new DslError({
      path: site.path,
      problem: 'value is not one of the allowed values',
      got: value,
      fix: `Use one of: ${allowed.map((a) => showValue(a)).join(', ')}`,
    });
  }
  return { kind: 'literal', value: value as JsonValue };
}

function tokenValue(state: BuildState, token: TokenPayload, site: UseSite): ValueIR {
  checkVisible(state, token.s, token.v, site);
  return token.v;
}

const LITERAL: Record<ParamTypeIR, { readonly noun: string; readonly example: string }> = {
  string: { noun: 'a string', example: 'a string, e.g. "daily"' },
  int: { noun: 'an integer', example: 'a whole number, e.g. 3' },
  float: { noun: 'a finite number', example: 'a finite number, e.g. 0.5' },
  bool: { noun: 'a boolean', example: 'true or false' },
  json: { noun: 'JSON data', example: 'plain JSON data: objects, arrays, strings, finite numbers, booleans or null' },
};

/** Whether `value` is a literal of the given parameter type. */
function isLiteralOf(type: ParamTypeIR, value: unknown): boolean {
  return (
    (type === 'string' && typeof value === 'string') ||
    (type === 'int' && typeof value === 'number' && Number.isInteger(value)) ||
    (type === 'float' && typeof value === 'number' && Number.isFinite(value)) ||
    (type === 'bool' && typeof value === 'boolean') ||
    (type === 'json' && isJson(value))
  );
}

/** Throws unless `value` is a literal of the given parameter type. */
export function checkLiteral(type: ParamTypeIR, value: unknown, path: readonly PathSegment[]): void {
  if (!isLiteralOf(type, value)) {
    throw new DslError({
      path,
      problem: `expected ${type === 'int' ? 'an integer' : type}`,
      got: value,
      fix: `Pass ${article(type)} ${type} literal or a reference to ${article(type)} ${type} parameter`,
    });
  }
}

/**
 * Checks a parameter port's enum and default where the port is declared (a component's inputs
 * and outputs, a pipeline's parameters): the types only see `number` and `unknown`, so an
 * integer port with a default of 2.5, or a default a JavaScript caller got wrong, stop here
 * instead of reaching the YAML.
 */
export function checkParamPort(port: ParamPortIR, path: readonly PathSegment[]): void {
  const { noun, example } = LITERAL[port.type];
  const allowed = port.enum;
  if (allowed !== undefined) {
    if (!Array.isArray(allowed) || allowed.length === 0) {
      throw new DslError({
        path: [...path, 'enum'],
        problem: 'enum lists no values',
        got: allowed,
        fix: 'List the allowed values, e.g. .enum(["train", "test"]), or remove .enum()',
      });
    }
    allowed.forEach((v, i) => {
      if (!isLiteralOf(port.type, v))
        throw new DslError({
          path: [...path, `enum[${i}]`],
          problem: `enum value is not ${noun}`,
          got: v,
          fix: `Use ${example}`,
        });
    });
  }
  if (!port.optional) return;
  const value = port.default;
  if (!isLiteralOf(port.type, value)) {
    throw new DslError({
      path: [...path, 'default'],
      problem: `default is not ${noun}`,
      got: value,
      fix: `Use ${example}`,
    });
  }
  if (port.jsonShape === 'list' && !Array.isArray(value)) {
    throw new DslError({
      path: [...path, 'default'],
      problem: 'the default of a param.list() is not a list',
      got: value,
      fix: 'Use an array, e.g. ["a", "b"]',
    });
  }
  if (allowed !== undefined && !allowed.some((a) => JSON.stringify(a) === JSON.stringify(value))) {
    throw new DslError({
      path: [...path, 'default'],
      problem: 'default is not one of the enum values',
      got: value,
      fix: `Use one of: ${allowed.map((a) => showValue(a)).join(', ')}`,
    });
  }
}

/** Whether `value` is plain JSON; a cycle (`o.self = o`) is not, and is found without recursing forever. */
function isJson(value: unknown, open: Set<object> = new Set()): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean')
    return typeof value !== 'string' || !hasTokens(value);
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || isRef(value) || open.has(value)) return false;
  open.add(value);
  const ok = (Array.isArray(value) ? value : Object.values(value)).every((v) => isJson(v, open));
  open.delete(value);
  return ok;
}

/**
 * A reference is usable only inside the pipeline that made it and only where its producer is in
 * scope: a task inside a loop or condition branch cannot be read from outside that group.
 */
export function checkVisible(state: BuildState, scope: ScopeId, value: ValueIR, site: UseSite): void {
  if (scope !== 'global' && scope !== state.scope) {
    throw new DslError({
      path: site.path,
      problem: 'reference belongs to a different pipeline',
      got: describeValue(value),
      fix: 'Pass values between pipelines as parameters, or build the tasks in the same pipeline',
    });
  }
  if (site.inExitHandler && (value.kind === 'taskOutput' || value.kind === 'loopOutput' || value.kind === 'loopItem')) {
    throw new DslError({
      path: site.path,
      problem: 'the exit handler cannot read task outputs (it also runs when those tasks never ran)',
      got: describeValue(value),
      fix: 'Use pipeline parameters and runtime values such as runtime.workflowStatus',
    });
  }
  if (
    value.kind === 'runtime' &&
    (value.name === 'workflowStatus' || value.name === 'workflowFailures') &&
    !site.inExitHandler
  ) {
    throw new DslError({
      path: site.path,
      problem: `runtime.${value.name} is only known in the exit handler`,
      got: describeValue(value),
      fix: 'Move this task into p.onExit()',
    });
  }
  if (site.inExitHandler && value.kind === 'conditionOutput') {
    throw new DslError({
      path: site.path,
      problem: 'the exit handler cannot read task outputs (it also runs when those tasks never ran)',
      got: describeValue(value),
      fix: 'Use pipeline parameters and runtime values such as runtime.workflowStatus',
    });
  }
  if (value.kind === 'conditionOutput') {
    const own = site.groups.find(
      (g) =>
        g.kind === 'branch' &&
        g.id.startsWith(`${value.condition}-`) &&
        state.conditions.get(value.condition)?.branches.some((b) => b.id === g.id),
    );
    if (own) {
      throw new DslError({
        path: site.path,
        problem: `reads ${describeValue(value)} inside branch "${own.id}" of that same condition, before it is decided`,
        got: describeValue(value),
        fix: 'Read it after the p.when() chain, outside its branches',
      });
    }
  }
  const producerGroups = groupsOf(state, value);
  if (producerGroups === undefined) {
    if (
      value.kind === 'taskOutput' ||
      value.kind === 'loopOutput' ||
      value.kind === 'loopItem' ||
      value.kind === 'conditionOutput'
    ) {
      throw new DslError({
        path: site.path,
        problem: 'reference to an unknown task or loop',
        got: describeValue(value),
        fix: 'Use outputs of tasks created earlier in this pipeline',
      });
    }
    if (value.kind === 'pipelineParam' && !state.params.has(value.name)) {
      throw new DslError({
        path: site.path,
        problem: 'reference to an unknown pipeline parameter',
        got: value.name,
        fix: `Declare it under params of pipeline "${state.pipeline}"`,
      });
    }
    if (value.kind === 'concat') value.parts.forEach((p) => checkVisible(state, scope, p, site));
    return;
  }
  const inScope = producerGroups.every((g, i) => site.groups[i]?.id === g.id);
  if (!inScope) {
    const inner = producerGroups[producerGroups.length - 1] as GroupFrame;
    const fix =
      inner.kind === 'loop'
        ? `Return the value from the body of loop "${inner.id}" and read it from the loop's outputs (a list over all iterations)`
        : 'Move this task into the same p.when() branch as the task it reads from';
    throw new DslError({
      path: site.path,
      problem: `reads ${describeValue(value)}, which is inside ${inner.kind === 'loop' ? 'loop' : 'condition branch'} "${inner.id}" and not visible here`,
      got: describeValue(value),
      fix,
    });
  }
}

function groupsOf(state: BuildState, value: ValueIR): readonly GroupFrame[] | undefined {
  if (value.kind === 'taskOutput') return state.tasks.get(value.task)?.groups;
  if (value.kind === 'loopOutput') return state.loops.get(value.loop)?.groups;
  if (value.kind === 'conditionOutput') return state.conditions.get(value.condition)?.groups;
  if (value.kind === 'loopItem') {
    const loop = state.loops.get(value.loop);
    return loop ? [...loop.groups, { kind: 'loop', id: loop.id }] : undefined;
  }
  return undefined;
}

export { describeValue };
