import { DslError, seg } from '../../dsl/errors.ts';
import type { ComponentIR, CondIR, LoopIR, NodeIR, PipelineIR, SubmitIR, TaskIR, ValueIR } from '../../dsl/ir/index.ts';
import { componentTemplate, hasOverrides } from './component-template.ts';
import { submitTemplate } from './submit.ts';
import { classify, conjuncts, renderArtifactFrom, renderDepends, renderParam, renderWhen, unwrap, type ExternalInput, type TemplateScope } from './expressions.ts';

type Template = Record<string, unknown>;

/** A task or loop placed in one DAG template, with the branch conditions it inherits. */
interface Entry {
  readonly node: TaskIR | LoopIR | SubmitIR;
  readonly conds: readonly CondIR[];
}

/**
 * Lowers a pipeline's tree of tasks, conditions and loops into Argo templates. Conditions are
 * flattened into `when`/`depends` of the tasks they guard; every loop becomes a nested DAG
 * template called once per item, receiving what it reads from outside as inputs.
 */
export class DagLowering {
  readonly templates = new Map<string, Template | null>();
  private readonly kinds = new Map<string, string>();
  private readonly components: Map<string, ComponentIR>;
  private readonly parentLoop = new Map<string, string | undefined>();

  constructor(private readonly pipeline: PipelineIR) {
    this.components = new Map(pipeline.components.map((c) => [c.name, c]));
    const index = (nodes: readonly NodeIR[], loop: string | undefined): void => {
      for (const n of nodes) {
        if (n.kind === 'condition') n.branches.forEach((b) => index(b.body, loop));
        else {
          this.parentLoop.set(n.id, loop);
          if (n.kind === 'loop') index(n.body, n.id);
        }
      }
    };
    index(pipeline.body, undefined);
  }

  private reserve(name: string, kind: string): void {
    const other = this.kinds.get(name);
    if (other !== undefined) {
      throw new DslError({ path: [seg('pipeline', this.pipeline.name)], problem: `two Argo templates would be named "${name}" (${other} and ${kind})`, got: name, fix: 'Rename the loop or component so template names stay unique' });
    }
    this.kinds.set(name, kind);
    this.templates.set(name, null);
  }

  /** Lowers the pipeline body into the entry template; returns its name. */
  lowerEntry(): string {
    const p = this.pipeline;
    this.reserve(p.name, 'the pipeline DAG');
    const { template } = this.lowerDag(p.name, p.body, undefined, (scope) => outputsOf(p.outputs.map((o) => ({ name: o.name, kind: o.kind, value: o.value })), scope));
    this.templates.set(p.name, template);
    return p.name;
  }

  /** Lowers the exit handler tasks into their own DAG template; returns its name. */
  lowerExitHandler(): string | undefined {
    if (this.pipeline.exitHandler.length === 0) return undefined;
    const name = 'exit-handler';
    this.reserve(name, 'the exit handler');
    const { template } = this.lowerDag(name, this.pipeline.exitHandler, undefined, () => ({}));
    this.templates.set(name, template);
    return name;
  }

  private lowerDag(name: string, nodes: readonly NodeIR[], loop: LoopIR | undefined, outputs: (scope: TemplateScope) => Template): { template: Template; inputs: ExternalInput[] } {
    const entries = flatten(nodes, []);
    const scope: TemplateScope = { local: new Set(entries.map((e) => e.node.id)), inputs: new Map() };
    const tasks = entries.map((e) => {
      switch (e.node.kind) {
        case 'task': return this.dagTask(e, e.node, scope);
        case 'loop': return this.loopTask(e, e.node, scope);
        case 'submit': return this.submitTask(e, e.node, scope);
      }
    });
    const outs = outputs(scope);
    const inputs = [...scope.inputs.values()];
    const params = inputs.filter((i) => i.kind === 'param').map((i) => ({ name: i.alias }));
    const artifacts = inputs.filter((i) => i.kind === 'artifact').map((i) => ({ name: i.alias }));
    const template: Template = {
      name,
      ...(params.length || artifacts.length ? { inputs: { ...(params.length ? { parameters: params } : {}), ...(artifacts.length ? { artifacts } : {}) } } : {}),
      ...(Object.keys(outs).length ? { outputs: outs } : {}),
      ...(loop?.parallelism && name === loop.id ? { parallelism: loop.parallelism } : {}),
      dag: { tasks },
    };
    return { template, inputs };
  }

  private componentTemplateName(task: TaskIR): string {
    const component = this.components.get(task.component) as ComponentIR;
    const name = hasOverrides(task.overrides) ? `${component.name}-${task.id}` : component.name;
    if (!this.templates.has(name)) {
      this.reserve(name, `component "${component.name}"`);
      this.templates.set(name, componentTemplate(name, { component, overrides: task.overrides }));
    }
    return name;
  }

  private dagTask(entry: Entry, task: TaskIR, scope: TemplateScope): Template {
    const component = this.components.get(task.component) as ComponentIR;
    const params: object[] = [];
    const artifacts: object[] = [];
    for (const port of component.inputs) {
      const value = task.args[port.name];
      if (value === undefined) continue;
      if (port.kind === 'artifact') artifacts.push({ name: port.name, from: renderArtifactFrom(value, scope) });
      else params.push({ name: port.name, value: renderParam(value, scope) });
    }
    const deps = [...Object.values(task.args).flatMap(valueIds), ...task.after];
    return {
      name: task.id,
      template: this.componentTemplateName(task),
      ...(params.length || artifacts.length ? { arguments: { ...(params.length ? { parameters: params } : {}), ...(artifacts.length ? { artifacts } : {}) } } : {}),
      ...this.conditions(task.id, [...entry.conds, ...(task.when ? [task.when] : [])], deps, scope),
    };
  }

  /** A step starting another pipeline's run: one resource template per submit step. */
  private submitTask(entry: Entry, node: SubmitIR, scope: TemplateScope): Template {
    const name = `submit-${node.id}`;
    this.reserve(name, `submit step "${node.id}"`);
    this.templates.set(name, submitTemplate(name, this.pipeline.name, node));
    const params = Object.entries(node.args).map(([param, value]) => ({ name: param, value: renderParam(value, scope) }));
    const deps = [...Object.values(node.args).flatMap(valueIds), ...node.after];
    return {
      name: node.id,
      template: name,
      ...(params.length ? { arguments: { parameters: params } } : {}),
      ...this.conditions(node.id, [...entry.conds, ...(node.when ? [node.when] : [])], deps, scope),
    };
  }

  private loopTask(entry: Entry, loop: LoopIR, scope: TemplateScope): Template {
    const bodyName = loop.parallelism ? `${loop.id}-iteration` : loop.id;
    this.reserve(bodyName, `loop "${loop.id}"`);
    const collect = (s: TemplateScope): Template => outputsOf(loop.collect.map((c) => ({ name: c.name, kind: 'param' as const, value: { kind: 'taskOutput', task: c.task, output: c.output } as ValueIR })), s);
    const body = this.lowerDag(bodyName, loop.body, loop, collect);
    this.templates.set(bodyName, body.template);
    let called = { name: bodyName, inputs: body.inputs, iterateHere: true };
    if (loop.parallelism) {
      // parallelism on a template limits its own children, so a wrapper DAG bounds the iterations.
      this.reserve(loop.id, `loop "${loop.id}"`);
      const wrapperScope: TemplateScope = { local: new Set([loop.id]), inputs: new Map() };
      const inner = { name: loop.id, template: bodyName, ...invokeArgs(body.inputs, wrapperScope, loop), ...iteration(loop, wrapperScope) };
      const outs = collectOf(loop, wrapperScope);
      const wrapperInputs = [...wrapperScope.inputs.values()];
      this.templates.set(loop.id, {
        name: loop.id,
        ...(wrapperInputs.length ? { inputs: inputsOf(wrapperInputs) } : {}),
        ...(Object.keys(outs).length ? { outputs: outs } : {}),
        parallelism: loop.parallelism,
        dag: { tasks: [inner] },
      });
      called = { name: loop.id, inputs: wrapperInputs, iterateHere: false };
    }
    const deps = [...nestedIds(loop), ...loop.after, ...(loop.items.kind === 'param' ? valueIds(loop.items.value) : [])];
    return {
      name: loop.id,
      template: called.name,
      ...invokeArgs(called.inputs, scope, called.iterateHere ? loop : undefined),
      ...(called.iterateHere ? iteration(loop, scope) : {}),
      ...this.conditions(loop.id, entry.conds, deps, scope),
    };
  }

  /** Maps an id to the task of this template that contains it (itself or an enclosing loop). */
  private localize(id: string, scope: TemplateScope): string | undefined {
    let current: string | undefined = id;
    while (current !== undefined && !scope.local.has(current)) current = this.parentLoop.get(current);
    return current;
  }

  private conditions(self: string, conds: readonly CondIR[], depIds: readonly string[], scope: TemplateScope): Template {
    const parts = conds.flatMap(conjuncts);
    const status = parts.filter((c) => classify(c) === 'status');
    const values = parts.filter((c) => classify(c) === 'value');
    if (parts.some((c) => classify(c) === 'mixed')) {
      throw new DslError({ path: [seg('pipeline', this.pipeline.name), seg('task', self)], problem: 'a condition mixes task status and parameter values inside or()/not(), which Argo cannot express', got: 'mixed condition', fix: 'Combine status and value tests only with and()' });
    }
    const statusIds = new Set(status.flatMap(statusTargets));
    const plain: string[] = [];
    for (const id of [...depIds, ...values.flatMap(condValueIds)]) {
      const local = this.localize(id, scope);
      if (local !== undefined && local !== self && !statusIds.has(local) && !plain.includes(local)) plain.push(local);
    }
    const depends = [...plain, ...status.map((c) => unwrap(renderDepends(c)))].join(' && ');
    const when = values.map((c) => (values.length > 1 ? renderWhen(c, scope) : unwrap(renderWhen(c, scope)))).join(' && ');
    return { ...(depends ? { depends } : {}), ...(when ? { when } : {}) };
  }
}

function flatten(nodes: readonly NodeIR[], conds: readonly CondIR[]): Entry[] {
  return nodes.flatMap((n): Entry[] => {
    if (n.kind !== 'condition') return [{ node: n, conds }];
    const previous: CondIR[] = [];
    return n.branches.flatMap((b) => {
      const own: CondIR[] = [...conds, ...previous.map((c): CondIR => ({ kind: 'not', item: c })), ...(b.cond ? [b.cond] : [])];
      if (b.cond) previous.push(b.cond);
      return flatten(b.body, own);
    });
  });
}

function valueIds(v: ValueIR): string[] {
  if (v.kind === 'taskOutput') return [v.task];
  if (v.kind === 'loopOutput') return [v.loop];
  if (v.kind === 'concat') return v.parts.flatMap(valueIds);
  return [];
}

function condValueIds(c: CondIR): string[] {
  switch (c.kind) {
    case 'compare': return [...valueIds(c.left), ...valueIds(c.right)];
    case 'status': return [];
    case 'not': return condValueIds(c.item);
    default: return c.items.flatMap(condValueIds);
  }
}

function statusTargets(c: CondIR): string[] {
  switch (c.kind) {
    case 'status': return [c.task];
    case 'compare': return [];
    case 'not': return statusTargets(c.item);
    default: return c.items.flatMap(statusTargets);
  }
}

/** Every id a loop body reads or waits for, at any depth (the caller keeps the outside ones). */
function nestedIds(loop: LoopIR): string[] {
  const visit = (nodes: readonly NodeIR[]): string[] =>
    nodes.flatMap((n): string[] => {
      if (n.kind === 'task' || n.kind === 'submit') return [...Object.values(n.args).flatMap(valueIds), ...n.after, ...(n.when ? [...condValueIds(n.when), ...statusTargets(n.when)] : [])];
      if (n.kind === 'loop') return [...visit(n.body), ...n.after, ...(n.items.kind === 'param' ? valueIds(n.items.value) : [])];
      return n.branches.flatMap((b) => [...(b.cond ? [...condValueIds(b.cond), ...statusTargets(b.cond)] : []), ...visit(b.body)]);
    });
  return visit(loop.body);
}

function inputsOf(inputs: readonly ExternalInput[]): Template {
  const params = inputs.filter((i) => i.kind === 'param').map((i) => ({ name: i.alias }));
  const artifacts = inputs.filter((i) => i.kind === 'artifact').map((i) => ({ name: i.alias }));
  return { ...(params.length ? { parameters: params } : {}), ...(artifacts.length ? { artifacts } : {}) };
}

/** Arguments a caller passes to a nested template; the current loop's item comes from `{{item}}`. */
function invokeArgs(inputs: readonly ExternalInput[], scope: TemplateScope, loop: LoopIR | undefined): Template {
  const params: object[] = [];
  const artifacts: object[] = [];
  for (const i of inputs) {
    if (i.kind === 'artifact') artifacts.push({ name: i.alias, from: renderArtifactFrom(i.value, scope) });
    else if (loop && i.value.kind === 'loopItem' && i.value.loop === loop.id) params.push({ name: i.alias, value: `{{${['item', ...i.value.path].join('.')}}}` });
    else params.push({ name: i.alias, value: renderParam(i.value, scope) });
  }
  return params.length || artifacts.length ? { arguments: { ...(params.length ? { parameters: params } : {}), ...(artifacts.length ? { artifacts } : {}) } } : {};
}

function iteration(loop: LoopIR, scope: TemplateScope): Template {
  return loop.items.kind === 'static' ? { withItems: loop.items.values } : { withParam: renderParam(loop.items.value, scope) };
}

function collectOf(loop: LoopIR, scope: TemplateScope): Template {
  return outputsOf(loop.collect.map((c) => ({ name: c.name, kind: 'param' as const, value: { kind: 'loopOutput', loop: loop.id, output: c.name } as ValueIR })), scope);
}

function outputsOf(outputs: readonly { name: string; kind: 'param' | 'artifact'; value: ValueIR }[], scope: TemplateScope): Template {
  const params = outputs.filter((o) => o.kind === 'param').map((o) => ({ name: o.name, valueFrom: { parameter: renderParam(o.value, scope) } }));
  const artifacts = outputs.filter((o) => o.kind === 'artifact').map((o) => ({ name: o.name, from: renderArtifactFrom(o.value, scope) }));
  return { ...(params.length ? { parameters: params } : {}), ...(artifacts.length ? { artifacts } : {}) };
}
