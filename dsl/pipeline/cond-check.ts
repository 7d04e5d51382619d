import { checkVisible, type UseSite } from './args.ts';
import type { BuildState, GroupFrame } from './build-state.ts';
import { isCond } from './conditions.ts';
import { DslError } from '../errors.ts';
import { classifyCond, conjuncts } from '../ir/conditions.ts';
import type { CondIR } from '../ir/index.ts';

const loopsOnly = (groups: readonly GroupFrame[]): string =>
  groups
    .filter((g) => g.kind === 'loop')
    .map((g) => g.id)
    .join('/');

/**
 * Checks a condition where it is used: it must belong to this pipeline, read only visible values,
 * and test the status of tasks in the same loop level (status tests become `depends`, which
 * can only name siblings in one DAG).
 */
export function checkCond(state: BuildState, cond: unknown, site: UseSite): CondIR {
  if (!isCond(cond)) {
    throw new DslError({
      path: site.path,
      problem: 'expected a condition',
      got: cond,
      fix: 'Build it with eq(), gt(), succeeded(), and(), ...',
    });
  }
  if (cond.scopes.some((s) => s !== state.scope)) {
    throw new DslError({
      path: site.path,
      problem: 'condition refers to another pipeline',
      got: 'a foreign reference',
      fix: 'Build conditions from tasks and parameters of this pipeline',
    });
  }
  walk(state, cond.ir, site);
  for (const part of conjuncts(cond.ir)) {
    if (classifyCond(part) === 'mixed') {
      throw new DslError({
        path: site.path,
        problem:
          'a condition mixes task status and parameter values inside or()/not(); status tests become Argo `depends` and value tests `when`, which only combine with "and"',
        got: 'mixed condition',
        fix: 'Combine status and value tests only with and(), or split the task',
      });
    }
  }
  return cond.ir;
}

function walk(state: BuildState, ir: CondIR, site: UseSite): void {
  switch (ir.kind) {
    case 'compare':
      checkVisible(state, state.scope, ir.left, site);
      checkVisible(state, state.scope, ir.right, site);
      return;
    case 'status': {
      const target = state.tasks.get(ir.task) ?? state.loops.get(ir.task);
      if (!target && state.broken.has(ir.task)) return;
      if (!target) {
        throw new DslError({
          path: site.path,
          problem: 'status condition names an unknown task',
          got: ir.task,
          fix: 'Pass a task or loop of this pipeline',
        });
      }
      if (loopsOnly(target.groups) !== loopsOnly(site.groups)) {
        throw new DslError({
          path: site.path,
          problem: `status of "${ir.task}" can only be tested at the same loop level`,
          got: ir.task,
          fix: 'Test the status of the enclosing loop instead, e.g. succeeded(loop)',
        });
      }
      if ((ir.status === 'AnySucceeded' || ir.status === 'AllFailed') && !state.loops.has(ir.task)) {
        throw new DslError({
          path: site.path,
          problem: `${ir.status} applies to loops only`,
          got: ir.task,
          fix: 'Use succeeded()/failed() for a single task',
        });
      }
      return;
    }
    case 'and':
    case 'or':
      ir.items.forEach((i) => walk(state, i, site));
      return;
    case 'not':
      walk(state, ir.item, site);
  }
}
