import type { ComponentIR, ComponentTaskIR, CondIR, LoopIR, PipelineIR, ValueIR } from '../../dsl/ir/index.ts';
import { renderCel } from './cel.ts';
import { Channels } from './channels.ts';
import {
  collectKey,
  defsOf,
  inputsOf,
  locate,
  nonEmpty,
  producerId,
  RUNTIME_PLACEHOLDERS,
  Scope,
  taskPolicies,
  type Channel,
} from './dag-scope.ts';
import { LoopItems } from './loop-items.ts';
import { buildTree, statusTarget, type KGroup, type KNode, type KTask, type KTree } from './groups.ts';
import { pvcMount } from './mounts.ts';
import { componentOwner, PVC_COMPONENTS, pvcOperationOf } from './pvc-steps.ts';
import { ComponentRegistry } from './registry.ts';
import { paramType, type Json, type KfpParamType } from './types.ts';
import {
  artifactSourceUnsupported,
  conditionOperandUnsupported,
  duplicateTaskName,
  runtimeValueUnsupported,
  templateValueUnsupported,
  unknownKind,
} from './unsupported.ts';

/** The compiled DAGs, components and executors of one pipeline. */
export interface LoweredPipeline {
  readonly root: Json;
  readonly components: Record<string, Json>;
  readonly executors: Record<string, Json>;
  readonly kubernetes: Record<string, Json>;
}

/**
 * Lowers the group tree into KFP DAGs. Values that cross a DAG boundary travel as inputs named
 * `pipelinechannel--<source>` (the SDK's convention); outputs read outside a group are exported
 * through its `dag.outputs`. Every dependency is localized to the sibling that contains it.
 * A called pipeline becomes a DAG component lowered by its own DagLowering, which shares the
 * registry and prefixes the components only it owns (groups, per-task executors) with its name.
 */
export class DagLowering {
  private readonly components: Record<string, Json>;
  private readonly scopes = new Map<string, Scope>();
  private readonly componentIR: Map<string, ComponentIR>;
  private readonly callees: Map<string, PipelineIR>;
  private readonly loops: LoopItems;
  private readonly channels: Channels;
  private readonly registry: ComponentRegistry;
  /** Operands of the conditions around the group being lowered. */
  private readonly enclosingOperands: ValueIR[] = [];

  constructor(
    private readonly p: PipelineIR,
    private readonly tree: KTree,
    registry?: ComponentRegistry,
    private readonly prefix = '',
  ) {
    this.registry = registry ?? new ComponentRegistry(p.options);
    this.components = this.registry.components;
    // Claim operations run as kfp-kubernetes components; buildTree refuses a component of the same name.
    this.componentIR = new Map([...Object.values(PVC_COMPONENTS), ...p.components].map((c) => [c.name, c]));
    this.callees = new Map((p.pipelines ?? []).map((c) => [c.name, c]));
    this.loops = new LoopItems(p, tree, (t) =>
      t.pipeline !== undefined ? this.callee(t.pipeline).params : this.component(t.component).inputs,
    );
    this.channels = new Channels(
      p,
      tree,
      this.loops,
      (name) => this.component(name),
      (name) => this.callee(name),
    );
  }

  lower(): LoweredPipeline {
    const root = new Scope([]);
    this.lowerChildren(root, this.tree.root);
    const outputs: Json = {};
    const outputArtifacts: Json = {};
    const outDefs: Json = {};
    const outArtifactDefs: Json = {};
    for (const o of this.p.outputs) {
      const sel = this.select(root, o.value);
      if (sel.channel.kind === 'artifact') {
        outputArtifacts[o.name] = {
          artifactSelectors: [{ producerSubtask: sel.producer, outputArtifactKey: sel.key }],
        };
        outArtifactDefs[o.name] = {
          artifactType: sel.channel.artifactType,
          ...(sel.channel.list ? { isArtifactList: true } : {}),
        };
      } else {
        outputs[o.name] = { valueFromParameter: { producerSubtask: sel.producer, outputParameterKey: sel.key } };
        outDefs[o.name] = { parameterType: sel.channel.type };
      }
    }
    for (const s of this.scopes.values()) this.finishGroup(s);
    const params = Object.fromEntries(
      this.p.params.map((pp) => [
        pp.name,
        {
          parameterType: paramType(pp.type, pp),
          ...(pp.default !== undefined ? { defaultValue: pp.default } : {}),
          ...(pp.optional ? { isOptional: true } : {}),
          ...(pp.enum ? { literals: pp.enum } : {}),
          ...(pp.description ? { description: pp.description } : {}),
        },
      ]),
    );
    const dagOutputs = nonEmpty({ parameters: outputs, artifacts: outputArtifacts });
    return {
      root: {
        dag: { tasks: root.tasks, ...(dagOutputs ? { outputs: dagOutputs } : {}) },
        ...(Object.keys(params).length ? { inputDefinitions: { parameters: params } } : {}),
        ...(nonEmpty({ parameters: outDefs, artifacts: outArtifactDefs })
          ? { outputDefinitions: nonEmpty({ parameters: outDefs, artifacts: outArtifactDefs }) }
          : {}),
      },
      components: this.registry.components,
      executors: this.registry.executors,
      kubernetes: this.registry.kubernetes,
    };
  }

  private addTask(s: Scope, name: string, spec: Json): void {
    if (s.tasks[name] !== undefined) throw duplicateTaskName(this.p.name, name);
    s.tasks[name] = spec;
  }

  private lowerChildren(s: Scope, nodes: readonly KNode[]): void {
    for (const n of nodes) {
      if (n.kind === 'task') this.lowerTask(s, n);
      else this.lowerGroup(s, n);
    }
  }

  // ---- tasks -------------------------------------------------------------------------------

  private lowerTask(s: Scope, n: KTask): void {
    const t = n.task;
    const inputs = t.pipeline !== undefined ? this.callee(t.pipeline).params : this.component(t.component).inputs;
    const deps = new Set<string>();
    const params: Json = {};
    const artifacts: Json = {};
    for (const port of inputs) {
      const v = t.args[port.name];
      if (v === undefined) continue;
      if (port.kind === 'artifact') artifacts[port.name] = this.artifactInput(s, v, deps);
      else if (v.kind === 'concat') params[port.name] = this.concatInput(s, v.parts, params, deps, t.id);
      else params[port.name] = this.paramInput(s, v, deps);
    }
    let completed = false;
    for (const id of t.after) this.dependOn(s, id, deps);
    for (const c2 of n.status) {
      const st = statusTarget(c2);
      if (!st) continue;
      this.dependOn(s, st.task, deps);
      completed ||= st.completed;
    }
    if (n.exit && this.tree.exitGroup) {
      deps.add(this.tree.exitGroup);
      completed = true;
    }
    // A called pipeline is cached like any task by default, as the SDK writes it.
    const c = t.pipeline === undefined ? this.component(t.component) : undefined;
    const componentName =
      t.pipeline !== undefined
        ? this.calleeComponent(t.pipeline)
        : this.componentFor(s, t as ComponentTaskIR, c as ComponentIR, deps);
    const cache = t.overrides.cache ?? c?.cache;
    const retry = t.overrides.retry ?? c?.retry;
    this.addTask(s, n.name, {
      taskInfo: { name: t.displayName ?? t.id },
      componentRef: { name: componentName },
      ...inputsOf(params, artifacts),
      ...(deps.size ? { dependentTasks: [...deps].sort() } : {}),
      ...taskPolicies(cache, retry),
      ...(completed ? { triggerPolicy: { strategy: 'ALL_UPSTREAM_TASKS_COMPLETED' } } : {}),
    });
  }

  /** Whether a claim name is the output of a `p.createPvc()` step of this pipeline. */
  private createsClaim(v: ValueIR): boolean {
    if (v.kind !== 'taskOutput') return false;
    const node = this.tree.index.get(v.task)?.node;
    return (
      node?.kind === 'task' &&
      node.task.pipeline === undefined &&
      pvcOperationOf(this.component(node.task.component)) === 'createPvc'
    );
  }

  private component(name: string): ComponentIR {
    const c = this.componentIR.get(name);
    if (!c) throw new Error(`internal: component ${name} missing`);
    return c;
  }

  private callee(name: string): PipelineIR {
    const p = this.callees.get(name);
    if (!p) throw new Error(`internal: called pipeline ${name} missing`);
    return p;
  }

  /** The DAG component of a called pipeline, lowered once per PipelineSpec. */
  private calleeComponent(name: string): string {
    const comp = `comp-${name}`;
    this.claimComponent(comp, `pipeline "${name}"`);
    if (this.components[comp] === undefined) {
      const callee = this.callee(name);
      this.components[comp] = {};
      this.components[comp] = new DagLowering(callee, buildTree(callee), this.registry, `${name}-`).lower().root;
    }
    return comp;
  }

  /**
   * One component+executor per component, or per task when the task overrides resources or
   * timeout or mounts claims (mounts name values of this DAG, so they are per task).
   */
  private componentFor(s: Scope, t: ComponentTaskIR, c: ComponentIR, deps: Set<string>): string {
    const mounts = (t.mounts ?? []).map((m) =>
      pvcMount(m, this.paramInput(s, m.claim, deps), this.p.name, [`task "${t.id}"`], this.createsClaim(m.claim)),
    );
    const own = t.overrides.resources !== undefined || t.overrides.timeoutSeconds !== undefined || mounts.length > 0;
    const owner = own ? `task "${t.id}" of pipeline "${this.p.name}"` : componentOwner(c);
    return this.registry.executorComponent(
      own ? `${this.prefix}${c.name}-${t.id}` : c.name,
      owner,
      c,
      t.overrides,
      mounts,
      this.p.name,
    );
  }

  private claimComponent(name: string, owner: string): void {
    this.registry.claim(name, owner, this.p.name);
  }

  // ---- groups ------------------------------------------------------------------------------

  private lowerGroup(parent: Scope, g: KGroup): void {
    const s = new Scope([...parent.path, g.name], g);
    this.scopes.set(g.name, s);
    const deps = new Set<string>();
    let iterator: Json = {};
    if (g.role === 'loop') iterator = this.loops.iterator(s, g.loop as LoopIR, g, (v) => this.channels.name(v));
    // As the SDK does, every group inside a condition also receives that condition's operands.
    for (const v of this.enclosingOperands) this.operand(s, v);
    const trigger = g.cond ? renderCel(g.cond, (v) => this.operand(s, v)) : undefined;
    const own = g.cond ? operands(g.cond) : [];
    this.enclosingOperands.push(...own);
    this.lowerChildren(s, g.children);
    this.enclosingOperands.splice(this.enclosingOperands.length - own.length, own.length);
    if (g.loop) {
      for (const c of g.loop.collect) {
        const sel = this.select(s, { kind: 'taskOutput', task: c.task, output: c.output });
        // Artifacts are gathered like parameters (KFP dsl.Collected): the loop DAG's output is the list.
        const channel: Channel =
          sel.channel.kind === 'artifact' ? { ...sel.channel, list: true } : { kind: 'param', type: 'LIST' };
        s.outputs.set(collectKey(c), { selectors: [{ producer: sel.producer, key: sel.key }], oneOf: false, channel });
      }
      for (const id of g.loop.after) this.dependOn(parent, id, deps);
    }
    let completed = false;
    for (const c of g.status) {
      const st = statusTarget(c);
      if (!st) continue;
      this.dependOn(parent, st.task, deps);
      completed ||= st.completed;
    }
    for (const id of s.outerDeps) this.dependOn(parent, id, deps);
    const params: Json = {};
    const artifacts: Json = {};
    for (const [channel, { value, channel: ch }] of s.inputs) {
      if (ch.kind === 'artifact') artifacts[channel] = this.artifactInput(parent, value, deps);
      else params[channel] = this.paramInput(parent, value, deps);
    }
    this.claimComponent(`comp-${this.prefix}${g.name}`, `${g.role} "${g.name}" of pipeline "${this.p.name}"`);
    this.addTask(parent, g.name, {
      taskInfo: { name: g.name },
      componentRef: { name: `comp-${this.prefix}${g.name}` },
      ...inputsOf(params, artifacts),
      ...(deps.size ? { dependentTasks: [...deps].sort() } : {}),
      ...iterator,
      ...(trigger || completed
        ? {
            triggerPolicy: {
              ...(trigger ? { condition: trigger } : {}),
              ...(completed ? { strategy: 'ALL_UPSTREAM_TASKS_COMPLETED' } : {}),
            },
          }
        : {}),
    });
  }

  /** Writes a group's component spec once all its exports are known. */
  private finishGroup(s: Scope): void {
    const g = s.group as KGroup;
    const inDefs = defsOf([...s.inputs].map(([k, v]) => [k, v.channel]));
    if (g.role === 'loop') this.loops.defineItem(g, inDefs);
    const outDefs = defsOf([...s.outputs].map(([k, v]) => [k, v.channel]));
    const outParams: Json = {};
    const outArtifacts: Json = {};
    for (const [k, o] of s.outputs) {
      const params = o.selectors.map((x) => ({ producerSubtask: x.producer, outputParameterKey: x.key }));
      if (o.channel.kind === 'artifact')
        outArtifacts[k] = {
          artifactSelectors: o.selectors.map((x) => ({ producerSubtask: x.producer, outputArtifactKey: x.key })),
        };
      else
        outParams[k] = o.oneOf ? { valueFromOneof: { parameterSelectors: params } } : { valueFromParameter: params[0] };
    }
    const dagOutputs = nonEmpty({ parameters: outParams, artifacts: outArtifacts });
    this.components[`comp-${this.prefix}${g.name}`] = {
      dag: { tasks: s.tasks, ...(dagOutputs ? { outputs: dagOutputs } : {}) },
      ...(Object.keys(inDefs).length ? { inputDefinitions: inDefs } : {}),
      ...(Object.keys(outDefs).length ? { outputDefinitions: outDefs } : {}),
    };
  }

  // ---- values ------------------------------------------------------------------------------

  private dependOn(s: Scope, id: string, deps: Set<string>): void {
    const loc = locate(this.tree, s, id);
    if (loc.kind === 'direct') deps.add((this.tree.index.get(id) as { node: KNode }).node.name);
    else if (loc.kind === 'nested') deps.add(loc.group);
    else s.outerDeps.add(id);
  }

  /** The local producer task and output key of an output value, exporting it from groups as needed. */
  private select(s: Scope, v: ValueIR): { producer: string; key: string; channel: Channel } {
    const id = producerId(v);
    const loc = locate(this.tree, s, id);
    const channel = this.channels.of(v);
    if (loc.kind === 'outer') throw new Error(`internal: ${id} is outside the DAG`);
    if (loc.kind === 'direct') {
      if (v.kind === 'taskOutput') return { producer: v.task, key: v.output, channel };
      if (v.kind === 'loopOutput') return { producer: v.loop, key: this.loops.collectKey(v.loop, v.output), channel };
      // p.oneOf(): the if/elif/else group exports whichever branch's value exists (KFP OneOf).
      const g = this.channels.conditionGroup(id);
      const group = this.scopes.get(g.name) as Scope;
      const key = this.channels.name(v);
      if (!group.outputs.has(key)) {
        const selectors = this.channels
          .oneOfValues(v)
          .map((x) => this.select(group, x))
          .map(({ producer, key: k }) => ({ producer, key: k }));
        group.outputs.set(key, { selectors, oneOf: true, channel });
      }
      return { producer: g.name, key, channel };
    }
    const group = this.scopes.get(loc.group) as Scope;
    const key = this.channels.name(v);
    if (!group.outputs.has(key)) {
      const inner = this.select(group, v);
      group.outputs.set(key, { selectors: [{ producer: inner.producer, key: inner.key }], oneOf: false, channel });
    }
    return { producer: loc.group, key, channel };
  }

  private paramInput(s: Scope, v: ValueIR, deps: Set<string>): Json {
    switch (v.kind) {
      case 'literal':
        return { runtimeValue: { constant: v.value } };
      case 'runtime': {
        const text = RUNTIME_PLACEHOLDERS[v.name];
        if (text === undefined) throw runtimeValueUnsupported(this.p.name, v.name);
        return { runtimeValue: { constant: text } };
      }
      case 'pipelineParam':
        return s.path.length === 0
          ? { componentInputParameter: v.name }
          : { componentInputParameter: this.external(s, v) };
      case 'taskOutput':
      case 'loopOutput':
      case 'conditionOutput': {
        const loc = locate(this.tree, s, producerId(v));
        if (loc.kind === 'outer') return { componentInputParameter: this.external(s, v) };
        const sel = this.select(s, v);
        deps.add(sel.producer);
        return { taskOutputParameter: { producerTask: sel.producer, outputParameterKey: sel.key } };
      }
      case 'loopItem': {
        if (s.group?.loop?.id !== v.loop) return { componentInputParameter: this.external(s, v) };
        return {
          componentInputParameter: this.loops.channel(v.loop),
          ...(v.path.length
            ? {
                parameterExpressionSelector: `parseJson(string_value)${v.path.map((k) => `[${JSON.stringify(k)}]`).join('')}`,
              }
            : {}),
        };
      }
      case 'concat':
        throw templateValueUnsupported(this.p.name);
      default:
        throw unknownKind(this.p.name, [], 'value', (v as { kind: unknown }).kind);
    }
  }

  /** A string template: one constant with `{{$.inputs.parameters[...]}}` placeholders plus one extra task input per reference. */
  private concatInput(s: Scope, parts: readonly ValueIR[], params: Json, deps: Set<string>, task: string): Json {
    let text = '';
    for (const part of parts) {
      if (part.kind === 'literal') text += typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
      else if (part.kind === 'runtime') {
        const ph = RUNTIME_PLACEHOLDERS[part.name];
        if (ph === undefined) throw runtimeValueUnsupported(this.p.name, part.name, task);
        text += ph;
      } else {
        const channel = this.channels.name(part);
        params[channel] = this.paramInput(s, part, deps);
        text += `{{$.inputs.parameters['${channel}']}}`;
      }
    }
    return { runtimeValue: { constant: text } };
  }

  private artifactInput(s: Scope, v: ValueIR, deps: Set<string>): Json {
    if (v.kind === 'loopItem') {
      return {
        componentInputArtifact: s.group?.loop?.id === v.loop ? this.loops.channel(v.loop) : this.external(s, v),
      };
    }
    if (v.kind !== 'taskOutput' && v.kind !== 'conditionOutput' && v.kind !== 'loopOutput')
      throw artifactSourceUnsupported(this.p.name, v.kind);
    const loc = locate(this.tree, s, producerId(v));
    if (loc.kind === 'outer') return { componentInputArtifact: this.external(s, v) };
    const sel = this.select(s, v);
    deps.add(sel.producer);
    return { taskOutputArtifact: { producerTask: sel.producer, outputArtifactKey: sel.key } };
  }

  /** Registers an operand of a trigger condition as an input of the group carrying it. */
  private operand(s: Scope, v: ValueIR): { channel: string; type: KfpParamType | undefined } {
    if (v.kind === 'runtime' || v.kind === 'concat') throw conditionOperandUnsupported(this.p.name, v);
    const channel = this.channels.name(v);
    const ch = this.channels.of(v);
    s.inputs.set(channel, { value: v, channel: ch });
    return { channel, type: ch.kind === 'param' ? ch.type : undefined };
  }

  private external(s: Scope, v: ValueIR): string {
    const channel = this.channels.name(v);
    s.inputs.set(channel, { value: v, channel: this.channels.of(v) });
    return channel;
  }
}

/** The non-literal values a condition compares. */
export function operands(c: CondIR): ValueIR[] {
  switch (c.kind) {
    case 'compare':
      return [c.left, c.right].filter((v) => v.kind !== 'literal');
    case 'status':
      return [];
    case 'not':
      return operands(c.item);
    default:
      return c.items.flatMap(operands);
  }
}
