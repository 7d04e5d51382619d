import { describeValue, type UseSite } from './args.ts';
import type { BuildState, ConditionState, GroupFrame } from './build-state.ts';
import { DslError, seg } from '../errors.ts';
import type { ValueIR } from '../ir/index.ts';
import { ArtifactRef, ParamRef, isRef, isArtifactListRef, isArtifactRef } from './refs.ts';

/** The innermost group of the task or loop producing a value. */
function producerFrame(state: BuildState, v: ValueIR): { frame: GroupFrame | undefined; ownWhen: boolean } | undefined {
  if (v.kind === 'taskOutput') {
    const t = state.tasks.get(v.task);
    return t && { frame: t.groups[t.groups.length - 1], ownWhen: t.when !== undefined };
  }
  if (v.kind === 'loopOutput') {
    const l = state.loops.get(v.loop);
    return l && { frame: l.groups[l.groups.length - 1], ownWhen: false };
  }
  return undefined;
}

/**
 * Records `p.oneOf(...)`: the value of whichever branch of one `when / elseWhen / otherwise`
 * chain ran. The chain must end in `otherwise()` (so exactly one branch runs) and every branch
 * must contribute one value, in branch order, produced directly in that branch by a task without
 * a condition of its own, so the value exists whenever its branch ran.
 */
export function addOneOf(
  state: BuildState,
  values: readonly unknown[],
  site: UseSite,
): ParamRef<unknown> | ArtifactRef<string> {
  const path = site.path;
  if (values.length < 2) {
    throw new DslError({
      path,
      problem: 'p.oneOf() needs one value per branch of a when/elseWhen/otherwise chain',
      got: values.length,
      fix: 'Pass one output of each branch, e.g. p.oneOf(a.outputs.x, b.outputs.x)',
    });
  }
  const refs = values.map((v, i): ParamRef<unknown> | ArtifactRef<string> => {
    if (isArtifactListRef(v)) {
      throw new DslError({
        path: [...path, `values[${i}]`],
        problem: 'p.oneOf() gathers single values, not lists of artifacts',
        got: describeValue(v.value),
        fix: 'Gather one artifact per branch',
      });
    }
    if (!isRef(v) || v.scope !== state.scope) {
      throw new DslError({
        path: [...path, `values[${i}]`],
        problem: 'expected an output of a task or loop of this pipeline',
        got: isRef(v) ? describeValue(v.value) : v,
        fix: 'Pass task outputs, e.g. heads.outputs.text',
      });
    }
    return v as ParamRef<unknown> | ArtifactRef<string>;
  });
  const first = refs[0] as ParamRef<unknown> | ArtifactRef<string>;
  const artifact = isArtifactRef(first);
  for (const [i, r] of refs.entries()) {
    if (isArtifactRef(r) !== artifact) {
      throw new DslError({
        path: [...path, `values[${i}]`],
        problem: 'p.oneOf() mixes parameters and artifacts',
        got: describeValue(r.value),
        fix: 'Gather parameters and artifacts with separate p.oneOf() calls',
      });
    }
    const want = isArtifactRef(first) ? first.artifactType : first.type;
    const got = isArtifactRef(r) ? r.artifactType : r.type;
    if (got !== want) {
      throw new DslError({
        path: [...path, `values[${i}]`],
        problem: `every value of p.oneOf() must have the same type (${String(want)})`,
        got,
        fix: 'Gather outputs declared with the same port type',
      });
    }
  }
  let condition: ConditionState | undefined;
  refs.forEach((r, i) => {
    const at = [...path, `values[${i}]`];
    const producer = producerFrame(state, r.value);
    if (!producer) {
      throw new DslError({
        path: at,
        problem: 'expected an output of a task or loop',
        got: describeValue(r.value),
        fix: 'Pass task outputs, e.g. heads.outputs.text',
      });
    }
    const owner =
      producer.frame?.kind === 'branch'
        ? [...state.conditions.values()].find((c) => c.branches.some((b) => b.id === producer.frame?.id))
        : undefined;
    if (!owner) {
      throw new DslError({
        path: at,
        problem: `${describeValue(r.value)} is not produced directly in a branch of a p.when() chain`,
        got: producer.frame?.id ?? 'top level',
        fix: 'Pass outputs of tasks placed directly in the when/elseWhen/otherwise bodies',
      });
    }
    condition ??= owner;
    if (owner !== condition) {
      throw new DslError({
        path: at,
        problem: `values come from different p.when() chains (${condition.id} and ${owner.id})`,
        got: describeValue(r.value),
        fix: 'Gather the outputs of one when/elseWhen/otherwise chain',
      });
    }
    const expected = condition.branches[i];
    if (expected?.id !== producer.frame?.id) {
      throw new DslError({
        path: at,
        problem: `value ${i + 1} must come from branch ${i + 1} of ${condition.id}`,
        got: `${describeValue(r.value)} (branch ${producer.frame?.id})`,
        fix: 'Pass exactly one output per branch, in the order of when, elseWhen..., otherwise',
      });
    }
    if (producer.ownWhen) {
      throw new DslError({
        path: at,
        problem: `task "${(r.value as { task: string }).task}" has its own condition, so it may not run when its branch does`,
        got: describeValue(r.value),
        fix: 'Move the condition into a nested p.when(), or pass an output of an unconditional task of the branch',
      });
    }
  });
  const c = condition as ConditionState;
  if (c.branches.length !== refs.length || c.branches[c.branches.length - 1]?.cond !== undefined) {
    throw new DslError({
      path: [...path, seg('condition', c.id)],
      problem:
        c.branches[c.branches.length - 1]?.cond !== undefined
          ? `${c.id} has no .otherwise(), so no branch may run`
          : `${c.id} has ${c.branches.length} branches but p.oneOf() got ${refs.length} values`,
      got: refs.length,
      fix: 'End the chain with .otherwise() and pass one output per branch',
    });
  }
  const values2 = refs.map((r) => r.value);
  const same = c.outputs.find((o) => JSON.stringify(o.values) === JSON.stringify(values2));
  const output = same ?? {
    name: `oneof-${c.outputs.length + 1}`,
    kind: artifact ? ('artifact' as const) : ('param' as const),
    values: values2,
  };
  if (!same) c.outputs.push(output);
  const value: ValueIR = { kind: 'conditionOutput', condition: c.id, output: output.name };
  return isArtifactRef(first)
    ? new ArtifactRef(value, state.scope, first.artifactType)
    : new ParamRef(value, state.scope, first.type);
}
