import { DslError, seg } from '../../dsl/errors.ts';
import { flattenBranches, type BranchEntry } from '../../dsl/ir/conditions.ts';
import type {
  ArgoArtifactIR,
  ArgoDagTaskIR,
  ArgoOutputsIR,
  ArgoParameterIR,
  ArgoTemplateIR,
  ComponentIR,
  ComponentTaskIR,
  CondIR,
  LoopIR,
  NodeIR,
  PipelineIR,
  PipelineTaskIR,
  PvcOperationIR,
  SubmitIR,
  TaskIR,
  ValueIR,
} from '../../dsl/ir/index.ts';
import { componentTemplate, type ArgoMount } from './component-template.ts';
import { DagDeps } from './dag-deps.ts';
import { argumentsOf, collectOf, inputsOf, invokeArgs, iteration, outputsOf, pipelineParameter } from './dag-io.ts';
import {
  literalString,
  renderArtifactArgument,
  renderParam,
  type ExternalInput,
  type TemplateScope,
} from './expressions.ts';
import { pvcTemplate } from './pvc.ts';
import { submitTemplate } from './submit.ts';
import { componentLeaf, pvcLeaf, submitLeaf, TemplateNames } from './template-names.ts';

/** A task or loop placed in one DAG template, with the branch conditions it inherits. */
type Entry = BranchEntry;

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
  private readonly deps: DagDeps;
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
    this.deps = new DagDeps(pipeline);
  }

  /** Every template of the WorkflowTemplate, in output order. */
  get templates(): ArgoTemplateIR[] {
    return [...this.names.templates.values()].filter((t) => t !== null);
  }

  private get isCallee(): boolean {
    return this.prefix !== '';
  }

  private reserve(name: string, owner: string): void {
    this.names.reserve(name, owner);
  }

  private set(name: string, template: ArgoTemplateIR): void {
    this.names.templates.set(name, template);
  }

  private scope(local: Iterable<string>, entry: boolean): TemplateScope {
    return {
      local: new Set(local),
      inputs: new Map(),
      ...(this.isCallee ? { params: entry ? ('inputs' as const) : ('external' as const) } : {}),
      oneOf: (condition, output) => this.deps.oneOfs.get(`${condition}/${output}`) ?? [],
    };
  }

  /** `depends` and `when` of a DAG task: the conditions around it plus its own, and what it reads. */
  private conditions(self: string, conds: readonly CondIR[], depIds: readonly string[], scope: TemplateScope) {
    return this.deps.conditions(self, conds, depIds, scope);
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
    const parameters = p.params.map(pipelineParameter);
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
    const { template } = this.lowerDag(name, this.pipeline.exitHandler, () => undefined, true);
    this.set(name, template);
    return name;
  }

  private lowerDag(
    name: string,
    nodes: readonly NodeIR[],
    outputs: (scope: TemplateScope) => ArgoOutputsIR | undefined,
    entry = false,
  ): { template: ArgoTemplateIR; inputs: ExternalInput[] } {
    const entries = flattenBranches(nodes);
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
        case 'createPvc':
        case 'deletePvc':
          return this.pvcTask(e, e.node, scope);
      }
    });
    const outs = outputs(scope);
    const inputs = [...scope.inputs.values()];
    const ins = inputsOf(inputs);
    const template: ArgoTemplateIR = {
      name,
      ...(ins ? { inputs: ins } : {}),
      ...(outs ? { outputs: outs } : {}),
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

  private dagTask(entry: Entry, task: TaskIR, scope: TemplateScope): ArgoDagTaskIR {
    if (task.pipeline !== undefined) return this.pipelineTask(entry, task, scope);
    const component = this.components.get(task.component) as ComponentIR;
    const params: ArgoParameterIR[] = [];
    const artifacts: ArgoArtifactIR[] = [];
    for (const port of component.inputs) {
      const value = task.args[port.name];
      if (value === undefined) continue;
      if (port.kind === 'artifact')
        artifacts.push({
          name: port.name,
          ...renderArtifactArgument(value, scope, [seg('pipeline', this.pipeline.name), seg('task', task.id)]),
        });
      else params.push({ name: port.name, value: renderParam(value, scope) });
    }
    const mounts = this.mounts(task, component);
    for (const m of mounts) if (m.input) params.push({ name: m.name, value: renderParam(m.value, scope) });
    return {
      name: task.id,
      template: this.componentTemplateName(task, mounts),
      ...argumentsOf(params, artifacts),
      ...this.conditions(task.id, [...entry.conds, ...(task.when ? [task.when] : [])], this.deps.ownIds(task), scope),
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

  private pipelineTask(entry: Entry, task: PipelineTaskIR, scope: TemplateScope): ArgoDagTaskIR {
    const template = this.calleeTemplateName(task.pipeline);
    const params = (this.callees.get(task.pipeline) as PipelineIR).params.flatMap((port) => {
      const value = task.args[port.name];
      return value === undefined ? [] : [{ name: port.name, value: renderParam(value, scope) }];
    });
    return {
      name: task.id,
      template,
      ...argumentsOf(params),
      ...this.conditions(task.id, [...entry.conds, ...(task.when ? [task.when] : [])], this.deps.ownIds(task), scope),
    };
  }

  /** A claim operation: its literal values are in the manifest, the rest arrive as inputs. */
  private pvcTask(entry: Entry, node: PvcOperationIR, scope: TemplateScope): ArgoDagTaskIR {
    const { name, owner } = pvcLeaf(this.prefix, node);
    this.reserve(name, owner);
    const { template, inputs } = pvcTemplate(name, node);
    this.set(name, template);
    return {
      name: node.id,
      template: name,
      ...argumentsOf(inputs.map((i) => ({ name: i.name, value: renderParam(i.value, scope) }))),
      ...this.conditions(node.id, [...entry.conds, ...(node.when ? [node.when] : [])], this.deps.ownIds(node), scope),
    };
  }

  /** A step starting another pipeline's run: one resource template per submit step. */
  private submitTask(entry: Entry, node: SubmitIR, scope: TemplateScope): ArgoDagTaskIR {
    const { name, owner } = submitLeaf(node);
    this.reserve(name, owner);
    // A submit in a loop or a called pipeline runs more than once per run: it cannot have a fixed name.
    this.set(
      name,
      submitTemplate(name, this.pipeline.name, node, this.isCallee || this.deps.parentLoop.get(node.id) !== undefined),
    );
    const params = Object.entries(node.args).map(([param, value]) => ({
      name: param,
      value: renderParam(value, scope),
    }));
    return {
      name: node.id,
      template: name,
      ...argumentsOf(params),
      ...this.conditions(node.id, [...entry.conds, ...(node.when ? [node.when] : [])], this.deps.ownIds(node), scope),
    };
  }

  private loopTask(entry: Entry, loop: LoopIR, scope: TemplateScope): ArgoDagTaskIR {
    const wrapperName = this.names.dagName(`${this.prefix}${loop.id}`, 'loop', (n) =>
      loop.parallelism ? [n, `${n}-iteration`] : [n],
    );
    const bodyName = loop.parallelism ? `${wrapperName}-iteration` : wrapperName;
    this.reserve(bodyName, `loop "${loop.id}"`);
    const collect = (s: TemplateScope): ArgoOutputsIR | undefined =>
      outputsOf(
        loop.collect.map((c) => ({
          name: c.name,
          kind: 'param' as const,
          value: { kind: 'taskOutput', task: c.task, output: c.output },
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
      const inner: ArgoDagTaskIR = {
        name: loop.id,
        template: bodyName,
        ...invokeArgs(body.inputs, wrapperScope, loop, [seg('pipeline', this.pipeline.name), seg('loop', loop.id)]),
        ...iteration(loop, wrapperScope),
      };
      const outs = collectOf(loop, wrapperScope);
      const wrapperInputs = [...wrapperScope.inputs.values()];
      const ins = inputsOf(wrapperInputs);
      this.set(wrapperName, {
        name: wrapperName,
        ...(ins ? { inputs: ins } : {}),
        ...(outs ? { outputs: outs } : {}),
        parallelism: loop.parallelism,
        dag: { tasks: [inner] },
      });
      called = { name: wrapperName, inputs: wrapperInputs, iterateHere: false };
    }
    const deps = [...this.deps.nestedIds(loop), ...this.deps.ownIds(loop)];
    return {
      name: loop.id,
      template: called.name,
      ...invokeArgs(called.inputs, scope, called.iterateHere ? loop : undefined, [
        seg('pipeline', this.pipeline.name),
        seg('loop', loop.id),
      ]),
      ...(called.iterateHere ? iteration(loop, scope) : {}),
      ...this.conditions(loop.id, entry.conds, deps, scope),
    };
  }
}
