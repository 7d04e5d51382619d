import { ArgoError, wrap } from './argo-error.ts';
import { show } from '../object-path.ts';
import type { TemplateContext } from './context.ts';
import { checkTaskResults, DagGraph } from './dag.ts';
import { checkNames, fieldNameErrors } from './names.ts';
import type { DagTask, Parameter, Template, TemplateHolder } from './types.ts';
import { list } from './types.ts';
import { ANY_ITEM, isParameterRef, resolveAll, type Scope } from './variables.ts';
import { argsOf, checkArguments, FAKE_ARGS, valueString } from './arguments.ts';
import type { ArgoValidator } from './validator.ts';

/** `withItems` / `withParam` / `withSequence`: what `{{item...}}` may name inside the step or task. */
function addItems(h: TemplateHolder, scope: Scope): void {
  const items = list<unknown>(h.withItems);
  const defined = [
    items.length > 0,
    typeof h.withParam === 'string' && h.withParam !== '',
    h.withSequence !== undefined && h.withSequence !== null,
  ].filter(Boolean).length;
  if (defined > 1) throw new ArgoError('only one of withItems, withParam, withSequence can be specified');
  if (items.length > 0) {
    for (const item of items) {
      if (Array.isArray(item)) item.forEach((_, i) => scope.add(`item.[${i}]`));
      else if (item !== null && typeof item === 'object') Object.keys(item).forEach((k) => scope.add(`item.${k}`));
      else scope.add('item');
    }
  } else if (h.withParam) {
    scope.add('item');
    scope.add(ANY_ITEM);
  } else if (h.withSequence) {
    if (h.withSequence.count !== undefined && h.withSequence.end !== undefined)
      throw new ArgoError('only one of count or end can be defined in withSequence');
    scope.add('item');
  }
}

/** Inline templates' inputs are in scope of the step that inlines them. */
function withInlineInputs(scope: Scope, h: TemplateHolder): Scope {
  const out = new Set(scope);
  for (const p of list<Parameter>(h.inline?.inputs?.parameters)) out.add(`inputs.parameters.${show(p.name)}`);
  return out;
}

function isAggregate(h: TemplateHolder): boolean {
  return list(h.withItems).length > 0 || (typeof h.withParam === 'string' && h.withParam !== '');
}

function checkNonLeaf(t: Template): void {
  if (t.activeDeadlineSeconds !== undefined)
    throw new ArgoError(`templates.${show(t.name)}.activeDeadlineSeconds is only valid for leaf templates`);
  if (list(t.resourceClaims).length > 0) {
    const what = t.steps ? 'Steps templates' : 'DAG templates';
    throw new ArgoError(
      `templates.${show(t.name)}.resourceClaims is not supported for ${what}, which do not create a pod`,
    );
  }
}

export function validateSteps(v: ArgoValidator, scope: Scope, ctx: TemplateContext, t: Template): void {
  checkNonLeaf(t);
  const names = new Set<string>();
  list<TemplateHolder[] | { steps?: TemplateHolder[] }>(t.steps).forEach((group, i) => {
    const steps = Array.isArray(group) ? group : list<TemplateHolder>(group?.steps);
    for (const step of steps) {
      const name = typeof step?.name === 'string' ? step.name : '';
      if (name === '') throw new ArgoError(`templates.${show(t.name)}.steps[${i}].name is required`);
      if (names.has(name)) throw new ArgoError(`templates.${show(t.name)}.steps[${i}].name '${name}' is not unique`);
      const errs = fieldNameErrors(name);
      if (errs.length > 0)
        throw new ArgoError(`templates.${show(t.name)}.steps[${i}].name '${name}' is invalid: ${errs.join(';')}`);
      names.add(name);
      scope.add(`steps.${name}.status`);
      const where = `templates.${show(t.name)}.steps[${i}].${name} `;
      wrap(where, () => addItems(step, scope));
      checkArguments(`templates.${show(t.name)}.steps[${i}].${name}.arguments.`, step.arguments, false);
      const resolved = wrap(where, () => v.holder(step, ctx, step.templateRef ? argsOf(step.arguments) : FAKE_ARGS));
      if (step.hooks?.exit) v.addOutputs(resolved, `steps.${name}`, scope, false, false);
      v.hooks(step.hooks, `templates.${show(t.name)}.steps[${i}].${name}`, ctx);
      wrap(`templates.${show(t.name)}.steps `, () =>
        resolveAll(
          withInlineInputs(scope, step),
          v.globals,
          JSON.stringify(step),
          v.opts.workflowTemplateValidation === true,
        ),
      );
      v.addOutputs(resolved, `steps.${name}`, scope, isAggregate(step), false);
      wrap(where, () => v.holder(step, ctx, argsOf(step.arguments)));
    }
  });
}

export function validateDag(v: ArgoValidator, scope: Scope, ctx: TemplateContext, t: Template): void {
  checkNonLeaf(t);
  const tasks = list<DagTask>(t.dag?.tasks);
  if (tasks.length === 0) throw new ArgoError(`templates.${show(t.name)} must have at least one task`);
  const usingDepends = tasks.some((task) => typeof task?.depends === 'string' && task.depends !== '');
  const graph = new DagGraph(tasks);
  const ordered = wrap(`templates.${show(t.name)} sorting failed: `, () => graph.sorted(tasks));
  wrap(`templates.${show(t.name)}.tasks`, () => checkNames(tasks, 'field'));
  const resolved = new Map<string, Template | undefined>();
  for (const task of ordered) {
    const name = show(task.name);
    const hasDeps = list(task.dependencies).length > 0;
    if ((usingDepends || hasDeps) && /^[0-9]/.test(name))
      throw new ArgoError(
        `templates.${show(t.name)}.tasks.${name} name cannot begin with a digit when using either 'depends' or 'dependencies'`,
      );
    if (usingDepends && hasDeps)
      throw new ArgoError(
        `templates.${show(t.name)} cannot use both 'depends' and 'dependencies' in the same DAG template`,
      );
    if (usingDepends && task.continueOn)
      throw new ArgoError(
        `templates.${show(t.name)} cannot use 'continueOn' when using 'depends'. Instead use 'dep-task.Failed'/'dep-task.Errored'`,
      );
    const where = `templates.${show(t.name)}.tasks.${name} `;
    const tmpl = wrap(where, () => v.holder(task, ctx, task.templateRef ? argsOf(task.arguments) : FAKE_ARGS));
    resolved.set(name, tmpl);
    v.addOutputs(tmpl, `tasks.${name}`, scope, isAggregate(task), false);
    wrap(where, () => checkTaskResults(task));
    for (const [dep, type] of graph.dependencies(name)) {
      const depTask = graph.tasks.get(dep);
      if (!depTask) throw new ArgoError(`templates.${show(t.name)}.tasks.${name} dependency '${dep}' not defined`);
      if (type === 'items' && list(depTask.withItems).length === 0 && !depTask.withParam && !depTask.withSequence) {
        throw new ArgoError(
          `templates.${show(t.name)}.tasks.${name} dependency '${dep}' uses an items-based condition such as .AnySucceeded or .AllFailed but does not contain any items`,
        );
      }
    }
  }
  graph.assertNoCycles(show(t.name));
  const target = typeof t.dag?.target === 'string' ? t.dag.target : '';
  wrap(`templates.${show(t.name)}.targets `, () =>
    resolveAll(scope, v.globals, target, v.opts.workflowTemplateValidation === true),
  );
  for (const name of target === '' ? [] : target.split(' ')) {
    if (!isParameterRef(name) && !graph.tasks.has(name))
      throw new ArgoError(`templates.${show(t.name)}.targets: target '${name}' is not defined`);
  }
  for (const task of ordered) {
    const name = show(task.name);
    const tmpl = resolved.get(name);
    const prefix = `tasks.${name}`;
    if (task.hooks) scope.add(`${prefix}.status`);
    v.addOutputs(tmpl, prefix, scope, false, false);
    const taskScope = withInlineInputs(scope, task);
    const ancestry = graph.ancestry(name);
    for (const a of ancestry) {
      const at = graph.tasks.get(a) as DagTask;
      v.addOutputs(resolved.get(a), `tasks.${a}`, taskScope, isAggregate(at), true);
    }
    const where = `templates.${show(t.name)}.tasks.${name} `;
    wrap(where, () => addItems(task, taskScope));
    wrap(where, () =>
      resolveAll(taskScope, v.globals, JSON.stringify(task), v.opts.workflowTemplateValidation === true),
    );
    checkArguments(`templates.${show(t.name)}.tasks.${name}.arguments.`, task.arguments, false);
    wrap(where, () => checkArgumentDependencies(task, new Set(ancestry)));
    wrap(where, () => v.holder(task, ctx, argsOf(task.arguments)));
    v.hooks(task.hooks, `templates.${show(t.name)}.tasks.${name}`, ctx);
  }
}

/** A task that reads `{{tasks.X...}}` must depend on X, directly or not. */
function checkArgumentDependencies(task: DagTask, ancestry: ReadonlySet<string>): void {
  for (const p of list<Parameter>(task.arguments?.parameters)) {
    const value = p.value === undefined || p.value === null ? '' : valueString(p.value);
    if (value.startsWith('{{tasks.')) {
      const dep = value.split('.')[1] as string;
      if (!ancestry.has(dep)) throw new ArgoError(`missing dependency '${dep}' for parameter '${show(p.name)}'`);
    }
  }
  for (const a of list<{ name?: string; from?: string }>(task.arguments?.artifacts)) {
    if (typeof a.from === 'string' && a.from.startsWith('{{tasks.')) {
      const dep = a.from.split('.')[1] as string;
      if (!ancestry.has(dep)) throw new ArgoError(`missing dependency '${dep}' for artifact '${show(a.name)}'`);
    }
  }
}
