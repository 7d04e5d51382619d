import type { AndCond, ArgoOnlyStatus, OrCond, StatusTest } from './backend-bound.ts';
import { brand, guard } from '../common/brand.ts';
import { isBroken, markBroken, recover } from '../common/collect.ts';
import { assertNotMissing } from './stand-ins.ts';
import { DslError } from '../errors.ts';
import type { CompareOp, CondIR, TaskStatus, ValueIR } from '../ir/index.ts';
import { isParamRef, type ParamRef, type ScopeId } from './refs.ts';

/** Anything a status condition can test: a task or a loop. */
export interface StatusTarget {
  readonly id: string;
  /** @internal the pipeline build the node belongs to. */
  readonly scope: ScopeId;
}

/**
 * A condition for `p.when()` or `task.when()`. Value comparisons become Argo `when` expressions;
 * status tests become `depends` expressions.
 *
 * @example
 * ```ts
 * p.when(and(succeeded(evaluate), gt(evaluate.outputs.auc, 0.8)), (p) => { ... });
 * ```
 */
export class Cond {
  constructor(
    readonly ir: CondIR,
    /** Pipeline builds the condition refers to; more than one is an error caught on use. */
    readonly scopes: readonly ScopeId[],
  ) {}
}
brand(Cond, 'Cond');

/** Whether a value is a condition, made by this copy of argosy or another. */
export const isCond = guard<Cond>('Cond');

type Comparable = string | number | boolean;

function operand(v: unknown): { ir: ValueIR; scope?: ScopeId; type: 'string' | 'number' | 'bool' | undefined } {
  assertNotMissing(v, ['condition']);
  if (isParamRef(v)) {
    const t = v.type;
    const type =
      t === 'int' || t === 'float' ? 'number' : t === 'bool' ? 'bool' : t === undefined ? undefined : 'string';
    return { ir: v.value, scope: v.scope, type };
  }
  if (typeof v === 'number') return { ir: { kind: 'literal', value: v }, type: 'number' };
  if (typeof v === 'boolean') return { ir: { kind: 'literal', value: v }, type: 'bool' };
  if (typeof v === 'string') return { ir: { kind: 'literal', value: v }, type: 'string' };
  throw new DslError({
    path: ['condition'],
    problem: 'can only compare parameter references and string, number or boolean literals',
    got: v,
    fix: 'Compare a task output or pipeline parameter with a literal, e.g. eq(flip.outputs.side, "heads")',
  });
}

/** The condition a broken operand gives: its mistake is recorded where the operand was made. */
function brokenCond(): Cond {
  const nothing = { kind: 'literal', value: null } as const;
  return markBroken(new Cond({ kind: 'compare', op: '==', left: nothing, right: nothing, valueType: 'string' }, []));
}

function compare(op: CompareOp, left: unknown, right: unknown): Cond {
  if (isBroken(left) || isBroken(right)) return brokenCond();
  // While a build collects errors, a bad comparison is recorded and the pipeline goes on building.
  return recover(() => checkedCompare(op, left, right), brokenCond);
}

function checkedCompare(op: CompareOp, left: unknown, right: unknown): Cond {
  const l = operand(left);
  const r = operand(right);
  const valueType = l.type ?? r.type ?? 'string';
  if (l.type && r.type && l.type !== r.type) {
    throw new DslError({
      path: ['condition'],
      problem: `cannot compare a ${l.type} with a ${r.type}`,
      got: [l, r].map((o) => (o.ir.kind === 'literal' ? o.ir.value : `a ${o.type} reference`)),
      fix: 'Compare values of the same type',
    });
  }
  if ((op === '<' || op === '<=' || op === '>' || op === '>=') && valueType !== 'number') {
    throw new DslError({
      path: ['condition'],
      problem: `"${op}" needs numbers`,
      got: valueType,
      fix: 'Use eq/ne for strings and booleans',
    });
  }
  const scopes = [l.scope, r.scope].filter((s): s is ScopeId => s !== undefined && s !== 'global');
  return new Cond({ kind: 'compare', op, left: l.ir, right: r.ir, valueType }, scopes);
}

/**
 * `left == right`.
 * @example
 * ```ts
 * p.when(eq(flip.outputs.side, 'heads'), (p) => { p.task('celebrate', cheer); });
 * ```
 */
export const eq = <T extends Comparable>(left: ParamRef<T>, right: NoInfer<T> | ParamRef<NoInfer<T>>): Cond =>
  compare('==', left, right);
/**
 * `left != right`.
 * @example
 * ```ts
 * train.when(ne(params.mode, 'dry-run'));
 * ```
 */
export const ne = <T extends Comparable>(left: ParamRef<T>, right: NoInfer<T> | ParamRef<NoInfer<T>>): Cond =>
  compare('!=', left, right);
/**
 * `left > right` for numbers.
 * @example
 * ```ts
 * p.when(gt(evaluate.outputs.auc, 0.8), (p) => { p.task('register', registerModel, { ... }); });
 * ```
 */
export const gt = (left: ParamRef<number>, right: number | ParamRef<number>): Cond => compare('>', left, right);
/**
 * `left >= right` for numbers.
 * @example
 * ```ts
 * p.when(ge(gate.outputs.lift, params.minLift), (p) => { ... });
 * ```
 */
export const ge = (left: ParamRef<number>, right: number | ParamRef<number>): Cond => compare('>=', left, right);
/**
 * `left < right` for numbers.
 * @example
 * ```ts
 * p.when(lt(drift.outputs.psi, 0.2), (p) => { ... });
 * ```
 */
export const lt = (left: ParamRef<number>, right: number | ParamRef<number>): Cond => compare('<', left, right);
/**
 * `left <= right` for numbers.
 * @example
 * ```ts
 * p.when(le(check.outputs.nullRate, 0.01), (p) => { ... });
 * ```
 */
export const le = (left: ParamRef<number>, right: number | ParamRef<number>): Cond => compare('<=', left, right);

function status(target: StatusTarget, s: TaskStatus): Cond {
  if (isBroken(target)) return brokenCond();
  if (!target || typeof target.id !== 'string') {
    throw new DslError({
      path: ['condition'],
      problem: 'status conditions need a task or loop',
      got: target,
      fix: 'Pass the value returned by p.task() or p.forEach()',
    });
  }
  return new Cond({ kind: 'status', task: target.id, status: s }, target.scope === 'global' ? [] : [target.scope]);
}

/**
 * The task (or every iteration of a loop) succeeded.
 * @example
 * ```ts
 * p.task('report', publish, {}).when(succeeded(train));
 * ```
 */
export const succeeded = (t: StatusTarget): Cond & StatusTest => status(t, 'Succeeded') as Cond & StatusTest;
/**
 * The task failed; use it to run a fallback or an alert. Argo only: a type error in a pipeline
 * pinned `target: 'kfp'` (KFP triggers on success or completion).
 * @example
 * ```ts
 * p.task('page-oncall', alert, { text: 'training failed' }).when(failed(train));
 * ```
 */
export const failed = (t: StatusTarget): ArgoOnlyStatus => status(t, 'Failed') as ArgoOnlyStatus;
/**
 * The task errored (infrastructure error rather than a non-zero exit). Argo only, like `failed()`.
 * @example
 * ```ts
 * p.task('cleanup', cleanup).when(errored(train));
 * ```
 */
export const errored = (t: StatusTarget): ArgoOnlyStatus => status(t, 'Errored') as ArgoOnlyStatus;
/**
 * The task was skipped because its condition was false. Argo only, like `failed()`.
 * @example
 * ```ts
 * p.task('log-skip', log, { text: 'no new data' }).when(skipped(train));
 * ```
 */
export const skipped = (t: StatusTarget): ArgoOnlyStatus => status(t, 'Skipped') as ArgoOnlyStatus;
/**
 * The task finished, whether it succeeded or failed.
 * @example
 * ```ts
 * p.task('teardown', teardown).when(completed(load));
 * ```
 */
// KFP runs it as ALL_UPSTREAM_TASKS_COMPLETED, so it is a status test KFP accepts.
export const completed = (t: StatusTarget): Cond & StatusTest =>
  combine('or', [succeeded(t), failed(t)]) as Cond & StatusTest;
/**
 * At least one iteration of a loop succeeded. Argo only, like `failed()`.
 * @example
 * ```ts
 * p.task('merge', mergeShards, { parts: shards.outputs.part }).when(anySucceeded(shards));
 * ```
 */
export const anySucceeded = (loop: StatusTarget): ArgoOnlyStatus => status(loop, 'AnySucceeded') as ArgoOnlyStatus;
/**
 * Every iteration of a loop failed. Argo only, like `failed()`.
 * @example
 * ```ts
 * p.task('alert', alert, { text: 'all shards failed' }).when(allFailed(shards));
 * ```
 */
export const allFailed = (loop: StatusTarget): ArgoOnlyStatus => status(loop, 'AllFailed') as ArgoOnlyStatus;

/**
 * Both (all) conditions hold.
 * @example
 * ```ts
 * and(succeeded(evaluate), gt(evaluate.outputs.auc, 0.8))
 * ```
 */
export const and = <const C extends readonly Cond[]>(...conds: C): AndCond<C[number]> =>
  combine('and', conds) as AndCond<C[number]>;
/**
 * At least one condition holds. A status test inside it is Argo only (KFP cannot alternate them).
 * @example
 * ```ts
 * or(eq(params.mode, 'full'), eq(params.mode, 'backfill'))
 * ```
 */
export const or = <const C extends readonly Cond[]>(...conds: C): OrCond<C[number]> =>
  combine('or', conds) as OrCond<C[number]>;
/**
 * The condition does not hold. Negating a status test is Argo only.
 * @example
 * ```ts
 * not(eq(params.dryRun, true))
 * ```
 */
export const not = <C extends Cond>(c: C): OrCond<C> => {
  assertCond(c);
  return new Cond({ kind: 'not', item: c.ir }, c.scopes) as OrCond<C>;
};

function combine(kind: 'and' | 'or', conds: readonly Cond[]): Cond {
  if (conds.length === 0) {
    throw new DslError({
      path: ['condition'],
      problem: `${kind}() needs at least one condition`,
      got: [],
      fix: `Pass conditions, e.g. ${kind}(a, b)`,
    });
  }
  conds.forEach(assertCond);
  if (conds.length === 1) return conds[0] as Cond;
  return new Cond(
    { kind, items: conds.map((c) => c.ir) },
    conds.flatMap((c) => c.scopes),
  );
}

function assertCond(c: unknown): asserts c is Cond {
  if (!isCond(c)) {
    throw new DslError({
      path: ['condition'],
      problem: 'expected a condition',
      got: c,
      fix: 'Build conditions with eq(), gt(), succeeded(), and(), ...',
    });
  }
}
