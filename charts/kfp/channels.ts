import type { ComponentIR, PipelineIR, PortIR, ValueIR } from '../../dsl/ir/index.ts';
import type { Channel } from './dag-scope.ts';
import type { KGroup, KTree } from './groups.ts';
import type { LoopItems } from './loop-items.ts';
import { artifactType, paramType } from './types.ts';

/**
 * What a value is called and typed as where it crosses a DAG boundary: the SDK's channel names
 * (`pipelinechannel--<source>`, a loop's collect key, a loop item's sub-variable) and the KFP
 * parameter or artifact type each carries. Pure lookups in the pipeline and its group tree, so
 * a channel has the same name and type wherever a DAG declares, passes or reads it.
 */
export class Channels {
  constructor(
    private readonly p: PipelineIR,
    private readonly tree: KTree,
    private readonly loops: LoopItems,
    private readonly component: (name: string) => ComponentIR,
    private readonly callee: (name: string) => PipelineIR,
  ) {}

  /** The channel name of a value read across a DAG boundary. */
  name(v: ValueIR): string {
    switch (v.kind) {
      case 'pipelineParam':
        return `pipelinechannel--${v.name}`;
      case 'taskOutput':
        return `pipelinechannel--${v.task}-${v.output}`;
      case 'loopOutput':
        return this.loops.collectKey(v.loop, v.output);
      case 'conditionOutput':
        return `pipelinechannel--${this.conditionGroup(v.condition).name}-${v.output}`;
      case 'loopItem': {
        const base = this.loops.channel(v.loop);
        return v.path.length ? `${base}-subvar-${v.path.join('-')}` : base;
      }
      default:
        throw new Error(`internal: no channel for ${v.kind}`);
    }
  }

  /** What the channel of a value carries: a typed parameter or an artifact (list). */
  of(v: ValueIR): Channel {
    switch (v.kind) {
      case 'pipelineParam': {
        const pp = this.p.params.find((x) => x.name === v.name);
        return { kind: 'param', type: pp ? paramType(pp.type, pp) : 'STRING' };
      }
      case 'taskOutput': {
        const port = this.outputPort(v.task, v.output);
        return port.kind === 'artifact'
          ? { kind: 'artifact', artifactType: artifactType(port.artifactType), ...(port.list ? { list: true } : {}) }
          : { kind: 'param', type: paramType(port.type, port) };
      }
      case 'loopOutput': {
        const c = this.loops.collected(v.loop, v.output);
        if (!c.artifact) return { kind: 'param', type: 'LIST' };
        const port = this.outputPort(c.task, c.output);
        return {
          kind: 'artifact',
          artifactType: artifactType(port.kind === 'artifact' ? port.artifactType : 'Artifact'),
          list: true,
        };
      }
      case 'conditionOutput':
        return this.of(this.oneOfValues(v)[0] as ValueIR);
      case 'loopItem':
        return this.loops.itemChannel(v);
      default:
        return { kind: 'param', type: 'STRING' };
    }
  }

  /** The if/elif/else group of a condition id. */
  conditionGroup(id: string): KGroup {
    const node = this.tree.index.get(id)?.node;
    if (node?.kind !== 'group' || node.role !== 'branches')
      throw new Error(`internal: ${id} is not an if/elif/else group`);
    return node;
  }

  /** The per-branch values a `p.oneOf()` gathers. */
  oneOfValues(v: ValueIR): readonly ValueIR[] {
    if (v.kind !== 'conditionOutput') throw new Error(`internal: ${v.kind} is not a oneOf`);
    const out = this.conditionGroup(v.condition).outputs?.find((o) => o.name === v.output);
    if (!out) throw new Error(`internal: ${v.condition} has no output ${v.output}`);
    return out.values;
  }

  private outputPort(task: string, output: string): PortIR {
    const node = this.tree.index.get(task)?.node;
    if (node?.kind !== 'task') throw new Error(`internal: ${task} is not a task`);
    const t = node.task;
    const ports =
      t.pipeline !== undefined
        ? this.callee(t.pipeline).outputs.map((o) => o.port)
        : this.component(t.component).outputs;
    return ports.find((o) => o.name === output) as PortIR;
  }
}
