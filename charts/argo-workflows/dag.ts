import { DslError, seg } from '../../dsl/errors.ts';
import type {
  ComponentIR,
  ComponentTaskIR,
  CondIR,
  LoopIR,
  NodeIR,
  PipelineIR,
  PipelineTaskIR,
  SubmitIR,
  TaskIR,
  ValueIR,
} from '../../dsl/ir/index.ts';
import { classifyCond, conjuncts } from '../../dsl/ir/conditions.ts';
import { componentTemplate, type ArgoMount } from './component-template.ts';
import {
  literalString,
  renderArtifactSource,
  renderDepends,
  renderParam,
  renderParamSource,
  renderWhen,
  unwrap,
  type ExternalInput,
  type TemplateScope,
} from './expressions.ts';
import { isPvcOperation, pvcTemplate } from './pvc.ts';
import { submitTemplate } from './submit.ts';
import { componentLeaf, submitLeaf, TemplateNames } from './template-names.ts';

type Template = Record<string, unknown>;

/** A task or loop placed in one DAG template, with the branch conditions it inherits. */
interface Entry {
  readonly node: TaskIR | LoopIR | SubmitIR;
  readonly conds: readonly CondIR[];
}

/**
 * Lowers a pipeline's tree of tasks, conditions and loops into Argo templates. Conditions are
 * flattened into `when`/`depends` of the tasks they guard; every loop becomes a nested DAG
 * template called once per item, receiving what it reads from outside as inputs. A called
 * pipeline becomes a DAG template named after it, lowered by its own DagLowering into the same
 * template list; it receives its parameters as inputs and prefixes the templates only it owns
 * (loops, per-task variants) with its name. Components share one template per name; TemplateNames
 * decides every name.
 */
export class DagLowering {
  private readonly components: Map<string, ComponentIR>;
  private readonly callees: Map<string, PipelineIR>;
  private readonly parentLoop = new Map<string, string | undefined>();
  private readonly oneOfs = new Map<string, readonly ValueIR[]>();
  private readonly prefix: string;
  readonly names: TemplateNames;

  constructor(
    private readonly pipeline: PipelineIR,
    names?: TemplateNames,
  ) {
    this.names = names ?? new TemplateNames(pipeline);
    this.prefix = names === undefined ? '' : `${pipeline.name}-`;
    this.components = new Map(pipeline.components.map((c) => [c.name, c]));
    this.callees = new Map((pipeline.pipelines ?? []).map((c) => [c.name, c]));
    const index = (nodes: readonly NodeIR[], loop: string | undefined): void => {
      for (const n of nodes) {
        if (n.kind === 'condition') {
          n.branches.forEach((b) => index(b.body, loop));
          for (const o of n.outputs ?? []) this.oneOfs.set(`${n.id}/${o.name}`, o.values);
        } else {
          this.parentLoop.set(n.id, loop);
          if (n.kind === 'loop') index(n.body, n.id);
        }
      }
    };
    index(pipeline.body, undefined);
  }

  /** Every template of the WorkflowTemplate, in output order. */
  get templates(): Template[] {
    return [...this.names.templates.values()] as Template[];
  }

  private get isCallee(): boolean {
    return this.prefix !== '';
  }

  private reserve(name: string, owner: string): void {
    this.names.reserve(name, owner);
  }

  private set(name: string, template: Template): void {
    this.names.templates.set(name, template);
  }

  private scope(local: Iterable<string>, entry: boolean): TemplateScope {
    return {
      local: new Set(local),
      inputs: new Map(),
      ...(this.isCallee ? { params: entry ? ('inputs' as const) : ('external' as const) } : {}),
      oneOf: (condition, output) => this.oneOfs.get(`${condition}/${output}`) ?? [],
    };
  }

  /**
   * Lowers a called pipeline into a DAG template named after it: its parameters are the
   * template's inputs (with their defaults), its returned outputs the template's outputs.
   */
  lowerCallee(): string {
    const p = this.pipeline;
    const name = this.names.dagName(p.name, 'dag');
    this.names.callees.set(p.name, name);
    this.reserve(name, `pipeline "${p.name}"`);
    const { template } = this.lowerDag(name, p.body, (scope) => outputsOf(p.outputs, scope), true);
    const parameters = p.params.map((param) => ({
      name: param.name,
      ...(param.default !== undefined ? { value: literalString(param.default) } : {}),
      ...(param.enum ? { enum: param.enum.map(literalString) } : {}),
      ...(param.description ? { description: param.description } : {}),
    }));
    this.set(name, { ...template, ...(parameters.length ? { inputs: { parameters } } : {}) });
    return name;
  }

  /** Lowers the pipeline body into the entry template; returns its name. */
  lowerEntry(): string {
    const p = this.pipeline;
    const name = this.names.entry;
    this.reserve(name, 'the pipeline DAG');
    const { template } = this.lowerDag(name, p.body, (scope) => outputsOf(p.outputs, scope), true);
    this.set(name, template);
    return name;
  }

  /** Lowers the exit handler tasks into their own DAG template; returns its name. */
  lowerExitHandler(): string | undefined {
    const name = this.names.exitHandler;
    if (name === undefined) return undefined;
    this.reserve(name, 'the exit handler');
    const { template } = this.lowerDag(name, this.pipeline.exitHandler, () => ({}), true);
    this.set(name, template);
    return name;
  }

  private lowerDag(
    name: string,
    nodes: readonly NodeIR[],
    outputs: (scope: TemplateScope) => Template,
    entry = false,
  ): { template: Template; inputs: ExternalInput[] } {
    const entries = flatten(nodes, []);
    const scope = this.scope(
      entries.map((e) => e.node.id),
      entry,
    );
    const tasks = entries.map((e) => {
      switch (e.node.kind) {
        case 'task':
          return this.dagTask(e, e.node, scope);
        case 'loop':
          return this.loopTask(e, e.node, scope);
        case 'submit':
          return this.submitTask(e, e.node, scope);
      }
    });
    const outs = outputs(scope);
    const inputs = [...scope.inputs.values()];
    const params = inputs.filter((i) => i.kind === 'param').map((i) => ({ name: i.alias }));
    const artifacts = inputs.filter((i) => i.kind === 'artifact').map((i) => ({ name: i.alias }));
    const template: Template = {
      name,
      ...(params.length || artifacts.length
        ? { inputs: { ...(params.length ? { parameters: params } : {}), ...(artifacts.length ? { artifacts } : {}) } }
        : {}),
      ...(Object.keys(outs).length ? { outputs: outs } : {}),
      dag: { tasks },
    };
    return { template, inputs };
  }

  private componentTemplateName(task: ComponentTaskIR, mounts: readonly ArgoMount[]): string {
    const component = this.components.get(task.component) as ComponentIR;
    const leaf = componentLeaf(this.prefix, task, component);
    if (this.names.reserveLeaf(leaf))
      this.set(leaf.name, componentTemplate(leaf.name, { component, overrides: task.overrides, mounts }));
    return leaf.name;
  }

  /** The DAG template of a called pipeline, lowered once per WorkflowTemplate. */
  private calleeTemplateName(pipeline: string): string {
    const known = this.names.callees.get(pipeline);
    if (known !== undefined) return known;
    const callee = this.callees.get(pipeline);
    if (!callee) throw new Error(`internal: called pipeline ${pipeline} missing`);
    return new DagLowering(callee, this.names).lowerCallee();
  }

  private dagTask(entry: Entry, task: TaskIR, scope: TemplateScope): Template {
    if (task.pipeline !== undefined) return this.pipelineTask(entry, task, scope);
    const component = this.components.get(task.component) as ComponentIR;
    const params: object[] = [];
    const artifacts: object[] = [];
    let template: string;
    if (isPvcOperation(component)) {
      // A claim operation renders its literal arguments into the manifest; the rest arrive as inputs.
      const { name, owner } = componentLeaf(this.prefix, task, component);
      this.reserve(name, owner);
      const rendered = pvcTemplate(name, component, task.args);
      this.set(name, rendered.template);
      for (const input of rendered.inputs)
        params.push({ name: input, value: renderParam(task.args[input] as ValueIR, scope) });
      template = name;
    } else {
      for (const port of component.inputs) {
        const value = task.args[port.name];
        if (value === undefined) continue;
        if (port.kind === 'artifact') artifacts.push({ name: port.name, ...renderArtifactSource(value, scope) });
        else params.push({ name: port.name, value: renderParam(value, scope) });
      }
      const mounts = this.mounts(task, component);
      for (const m of mounts) if (m.input) params.push({ name: m.name, value: renderParam(m.value, scope) });
      template = this.componentTemplateName(task, mounts);
    }
    const deps = [
      ...[...Object.values(task.args), ...(task.mounts ?? []).map((m) => m.claim)].flatMap((v) => this.valueIds(v)),
      ...task.after,
    ];
    return {
      name: task.id,
      template,
      ...(params.length || artifacts.length
        ? {
            arguments: { ...(params.length ? { parameters: params } : {}), ...(artifacts.length ? { artifacts } : {}) },
          }
        : {}),
      ...this.conditions(task.id, [...entry.conds, ...(task.when ? [task.when] : [])], deps, scope),
    };
  }

  /** Claims mounted into one task: a template volume each, named by a literal or by an input of the task's own template. */
  private mounts(task: ComponentTaskIR, component: ComponentIR): (ArgoMount & { readonly value: ValueIR })[] {
    return (task.mounts ?? []).map((m, i) => {
      const name = `pvc-mount-${i + 1}`;
      if (component.inputs.some((p) => p.name === name) || component.pod.volumes.some((v) => v.name === name)) {
        throw new DslError({
          path: [seg('pipeline', this.pipeline.name), seg('task', task.id), 'mount'],
          problem: `component "${component.name}" already has an input or volume named "${name}", which Argo needs for the mounted claim`,
          got: name,
          fix: 'Rename that input or volume',
        });
      }
      const input = m.claim.kind !== 'literal';
      return {
        name,
        input,
        value: m.claim,
        claimName: input
          ? `{{inputs.parameters.${name}}}`
          : literalString(m.claim.kind === 'literal' ? m.claim.value : ''),
        mountPath: m.mountPath,
        readOnly: m.readOnly,
        ...(m.subPath !== undefined ? { subPath: m.subPath } : {}),
      };
    });
  }

  private pipelineTask(entry: Entry, task: PipelineTaskIR, scope: TemplateScope): Template {
    const template = this.calleeTemplateName(task.pipeline);
    const params = (this.callees.get(task.pipeline) as PipelineIR).params.flatMap((port) => {
      const value = task.args[port.name];
      return value === undefined ? [] : [{ name: port.name, value: renderParam(value, scope) }];
    });
    const deps = [...Object.values(task.args).flatMap((v) => this.valueIds(v)), ...task.after];
    return {
      name: task.id,
      template,
      ...(params.length ? { arguments: { parameters: params } } : {}),
      ...this.conditions(task.id, [...entry.conds, ...(task.when ? [task.when] : [])], deps, scope),
    };
  }

  /** A step starting another pipeline's run: one resource template per submit step. */
  private submitTask(entry: Entry, node: SubmitIR, scope: TemplateScope): Template {
    const { name, owner } = submitLeaf(node);
    this.reserve(name, owner);
    // A submit in a loop or a called pipeline runs more than once per run: it cannot have a fixed name.
    this.set(
      name,
      submitTemplate(name, this.pipeline.name, node, this.isCallee || this.parentLoop.get(node.id) !== undefined),
    );
    const params = Object.entries(node.args).map(([param, value]) => ({
      name: param,
      value: renderParam(value, scope),
    }));
    const deps = [...Object.values(node.args).flatMap((v) => this.valueIds(v)), ...node.after];
    return {
      name: node.id,
      template: name,
      ...(params.length ? { arguments: { parameters: params } } : {}),
      ...this.conditions(node.id, [...entry.conds, ...(node.when ? [node.when] : [])], deps, scope),
    };
  }

  private loopTask(entry: Entry, loop: LoopIR, scope: TemplateScope): Template {
    const wrapperName = this.names.dagName(`${this.prefix}${loop.id}`, 'loop', (n) =>
      loop.parallelism ? [n, `${n}-iteration`] : [n],
    );
    const bodyName = loop.parallelism ? `${wrapperName}-iteration` : wrapperName;
    this.reserve(bodyName, `loop "${loop.id}"`);
    const collect = (s: TemplateScope): Template =>
      outputsOf(
        loop.collect.map((c) => ({
          name: c.name,
          kind: 'param' as const,
          value: { kind: 'taskOutput', task: c.task, output: c.output } as ValueIR,
        })),
        s,
      );
    const body = this.lowerDag(bodyName, loop.body, collect);
    this.set(bodyName, body.template);
    let called = { name: bodyName, inputs: body.inputs, iterateHere: true };
    if (loop.parallelism) {
      // parallelism on a template limits its own children, so a wrapper DAG bounds the iterations.
      this.reserve(wrapperName, `loop "${loop.id}"`);
      const wrapperScope = this.scope([loop.id], false);
      const inner = {
        name: loop.id,
        template: bodyName,
        ...invokeArgs(body.inputs, wrapperScope, loop),
        ...iteration(loop, wrapperScope),
      };
      const outs = collectOf(loop, wrapperScope);
      const wrapperInputs = [...wrapperScope.inputs.values()];
      this.set(wrapperName, {
        name: wrapperName,
        ...(wrapperInputs.length ? { inputs: inputsOf(wrapperInputs) } : {}),
        ...(Object.keys(outs).length ? { outputs: outs } : {}),
        parallelism: loop.parallelism,
        dag: { tasks: [inner] },
      });
      called = { name: wrapperName, inputs: wrapperInputs, iterateHere: false };
    }
    const deps = [
      ...this.nestedIds(loop),
      ...loop.after,
      ...(loop.items.kind === 'param' ? this.valueIds(loop.items.value) : []),
    ];
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

  private conditions(
    self: string,
    conds: readonly CondIR[],
    depIds: readonly string[],
    scope: TemplateScope,
  ): Template {
    const parts = conds.flatMap(conjuncts);
    const status = parts.filter((c) => classifyCond(c) === 'status');
    const values = parts.filter((c) => classifyCond(c) === 'value');
    if (parts.some((c) => classifyCond(c) === 'mixed')) {
      throw new DslError({
        path: [seg('pipeline', this.pipeline.name), seg('task', self)],
        problem: 'a condition mixes task status and parameter values inside or()/not(), which Argo cannot express',
        got: 'mixed condition',
        fix: 'Combine status and value tests only with and()',
      });
    }
    const oneOf = values.flatMap(compared).find((v) => v.kind === 'conditionOutput');
    if (oneOf) {
      throw new DslError({
        path: [seg('pipeline', this.pipeline.name), seg('task', self), 'when'],
        problem:
          'Argo cannot test a p.oneOf() value in a condition (its `when` does not evaluate expressions over branch outputs)',
        got: oneOf.kind === 'conditionOutput' ? `${oneOf.condition}.${oneOf.output}` : oneOf.kind,
        fix: "Pass the value to a task and test that task's output, or compile this pipeline for KFP",
      });
    }
    const statusIds = new Set(status.flatMap(statusTargets));
    const plain: string[] = [];
    for (const id of [...depIds, ...values.flatMap((c) => this.condValueIds(c))]) {
      const local = this.localize(id, scope);
      if (local !== undefined && local !== self && !statusIds.has(local) && !plain.includes(local)) plain.push(local);
    }
    const depends = [...plain, ...status.map((c) => unwrap(renderDepends(c)))].join(' && ');
    const when = values
      .map((c) => (values.length > 1 ? renderWhen(c, scope) : unwrap(renderWhen(c, scope))))
      .join(' && ');
    return { ...(depends ? { depends } : {}), ...(when ? { when } : {}) };
  }

  /** Tasks and loops a value reads; a `p.oneOf()` reads the producer in every branch. */
  private valueIds(v: ValueIR): string[] {
    if (v.kind === 'taskOutput') return [v.task];
    if (v.kind === 'loopOutput') return [v.loop];
    if (v.kind === 'conditionOutput')
      return (this.oneOfs.get(`${v.condition}/${v.output}`) ?? []).flatMap((x) => this.valueIds(x));
    if (v.kind === 'concat') return v.parts.flatMap((x) => this.valueIds(x));
    return [];
  }

  private condValueIds(c: CondIR): string[] {
    return compared(c).flatMap((v) => this.valueIds(v));
  }

  /** Every id a loop body reads or waits for, at any depth (the caller keeps the outside ones). */
  private nestedIds(loop: LoopIR): string[] {
    const cond = (c: CondIR | undefined): string[] => (c ? [...this.condValueIds(c), ...statusTargets(c)] : []);
    const visit = (nodes: readonly NodeIR[]): string[] =>
      nodes.flatMap((n): string[] => {
        if (n.kind === 'task')
          return [
            ...[
              ...Object.values(n.args),
              ...(n.pipeline === undefined ? (n.mounts ?? []) : []).map((m) => m.claim),
            ].flatMap((v) => this.valueIds(v)),
            ...n.after,
            ...cond(n.when),
          ];
        if (n.kind === 'submit')
          return [...Object.values(n.args).flatMap((v) => this.valueIds(v)), ...n.after, ...cond(n.when)];
        if (n.kind === 'loop')
          return [...visit(n.body), ...n.after, ...(n.items.kind === 'param' ? this.valueIds(n.items.value) : [])];
        return n.branches.flatMap((b) => [...cond(b.cond), ...visit(b.body)]);
      });
    return visit(loop.body);
  }
}

function flatten(nodes: readonly NodeIR[], conds: readonly CondIR[]): Entry[] {
  return nodes.flatMap((n): Entry[] => {
    if (n.kind !== 'condition') return [{ node: n, conds }];
    const previous: CondIR[] = [];
    return n.branches.flatMap((b) => {
      const own: CondIR[] = [
        ...conds,
        ...previous.map((c): CondIR => ({ kind: 'not', item: c })),
        ...(b.cond ? [b.cond] : []),
      ];
      if (b.cond) previous.push(b.cond);
      return flatten(b.body, own);
    });
  });
}

/** The values a condition compares. */
function compared(c: CondIR): ValueIR[] {
  switch (c.kind) {
    case 'compare':
      return [c.left, c.right];
    case 'status':
      return [];
    case 'not':
      return compared(c.item);
    default:
      return c.items.flatMap(compared);
  }
}

function statusTargets(c: CondIR): string[] {
  switch (c.kind) {
    case 'status':
      return [c.task];
    case 'compare':
      return [];
    case 'not':
      return statusTargets(c.item);
    default:
      return c.items.flatMap(statusTargets);
  }
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
    if (i.kind === 'artifact') artifacts.push({ name: i.alias, ...renderArtifactSource(i.value, scope) });
    else if (loop && i.value.kind === 'loopItem' && i.value.loop === loop.id)
      params.push({ name: i.alias, value: `{{${['item', ...i.value.path].join('.')}}}` });
    else params.push({ name: i.alias, value: renderParam(i.value, scope) });
  }
  return params.length || artifacts.length
    ? { arguments: { ...(params.length ? { parameters: params } : {}), ...(artifacts.length ? { artifacts } : {}) } }
    : {};
}

function iteration(loop: LoopIR, scope: TemplateScope): Template {
  return loop.items.kind === 'static'
    ? { withItems: loop.items.values }
    : { withParam: renderParam(loop.items.value, scope) };
}

function collectOf(loop: LoopIR, scope: TemplateScope): Template {
  return outputsOf(
    loop.collect.map((c) => ({
      name: c.name,
      kind: 'param' as const,
      value: { kind: 'loopOutput', loop: loop.id, output: c.name } as ValueIR,
    })),
    scope,
  );
}

function outputsOf(
  outputs: readonly { name: string; kind: 'param' | 'artifact'; value: ValueIR }[],
  scope: TemplateScope,
): Template {
  const params = outputs
    .filter((o) => o.kind === 'param')
    .map((o) => ({ name: o.name, valueFrom: renderParamSource(o.value, scope) }));
  const artifacts = outputs
    .filter((o) => o.kind === 'artifact')
    .map((o) => ({ name: o.name, ...renderArtifactSource(o.value, scope) }));
  return { ...(params.length ? { parameters: params } : {}), ...(artifacts.length ? { artifacts } : {}) };
}
