import type { JsonValue, LoopIR, PipelineIR, PortIR, TaskIR, ValueIR } from '../../dsl/ir/index.ts';
import { collectKey, dynamicItemType, type Channel, type Scope } from './dag-scope.ts';
import type { KGroup, KTree } from './groups.ts';
import { artifactType, typeOfValue, type Json, type KfpParamType } from './types.ts';
import { loopItemsUnsupported } from './unsupported.ts';

/**
 * The iterators of a pipeline's loops and the inputs that carry their current item: a static
 * list or a parameter list (`parameterIterator`, the item typed from its use), or a list of
 * artifacts (`artifactIterator`, the item one artifact). Item channels follow the SDK's names:
 * `pipelinechannel--loop-item-param-N` for static lists, `<list channel>-loop-item` otherwise.
 */
export class LoopItems {
  private readonly channels = new Map<string, string>();
  private readonly types = new Map<string, KfpParamType>();

  constructor(
    private readonly p: PipelineIR,
    private readonly tree: KTree,
    private readonly inputsOfTask: (t: TaskIR) => readonly PortIR[],
  ) {}

  /** The loop of a loop id. */
  loop(id: string): LoopIR {
    const g = this.tree.index.get(id)?.node;
    if (g?.kind !== 'group' || !g.loop) throw new Error(`internal: ${id} is not a loop`);
    return g.loop;
  }

  /** One collected output of a loop. */
  collected(loop: string, name: string): LoopIR['collect'][number] {
    const c = this.loop(loop).collect.find((x) => x.name === name);
    if (!c) throw new Error(`internal: loop ${loop} collects no ${name}`);
    return c;
  }

  /** The DAG output key of a collected output (the SDK's name for it). */
  collectKey(loop: string, name: string): string {
    return collectKey(this.collected(loop, name));
  }

  /** The input of the loop's DAG that receives the current item. */
  channel(loop: string): string {
    const c = this.channels.get(loop);
    if (c === undefined) throw new Error(`internal: loop ${loop} is not lowered yet`);
    return c;
  }

  /** What travels through the item input (a field path of a parameter item is a string). */
  itemChannel(v: Extract<ValueIR, { kind: 'loopItem' }>): Channel {
    const items = this.loop(v.loop).items;
    if (items.kind === 'artifacts') return { kind: 'artifact', artifactType: artifactType(items.artifactType) };
    return { kind: 'param', type: v.path.length ? 'STRING' : (this.types.get(v.loop) ?? 'STRING') };
  }

  /**
   * The iterator fields of the loop's task; a list that is not static becomes an input of the
   * loop's DAG (`s`), where the iterator reads it.
   */
  iterator(s: Scope, loop: LoopIR, g: KGroup, channelName: (v: ValueIR) => string): Json {
    const policy = loop.parallelism ? { iteratorPolicy: { parallelismLimit: loop.parallelism } } : {};
    if (loop.items.kind === 'static') {
      const channel = g.itemChannel as string;
      this.channels.set(loop.id, channel);
      const kinds = new Set(loop.items.values.map(typeOfValue));
      this.types.set(loop.id, kinds.size === 1 ? ([...kinds][0] as KfpParamType) : 'STRUCT');
      return {
        parameterIterator: { itemInput: channel, items: { raw: JSON.stringify(loop.items.values) } },
        ...policy,
      };
    }
    const list = loop.items.value;
    if (list.kind === 'literal' || list.kind === 'concat' || list.kind === 'runtime') {
      throw loopItemsUnsupported(this.p.name, loop.id, list.kind);
    }
    const listChannel = channelName(list);
    const channel = `${listChannel}-loop-item`;
    this.channels.set(loop.id, channel);
    if (loop.items.kind === 'artifacts') {
      s.inputs.set(listChannel, {
        value: list,
        channel: { kind: 'artifact', artifactType: artifactType(loop.items.artifactType), list: true },
      });
      return { artifactIterator: { itemInput: channel, items: { inputArtifact: listChannel } }, ...policy };
    }
    s.inputs.set(listChannel, { value: list, channel: { kind: 'param', type: 'LIST' } });
    const listDefault: JsonValue | undefined =
      list.kind === 'pipelineParam' ? this.p.params.find((x) => x.name === list.name)?.default : undefined;
    this.types.set(loop.id, dynamicItemType(loop, this.tree, this.inputsOfTask, listDefault));
    return { parameterIterator: { itemInput: channel, items: { inputParameter: listChannel } }, ...policy };
  }

  /** Adds the item input to a loop DAG's input definitions. */
  defineItem(g: KGroup, inDefs: Json): void {
    const loop = g.loop as LoopIR;
    const channel = this.channel(loop.id);
    if (loop.items.kind === 'artifacts')
      ((inDefs.artifacts ??= {}) as Json)[channel] = { artifactType: artifactType(loop.items.artifactType) };
    else ((inDefs.parameters ??= {}) as Json)[channel] = { parameterType: this.types.get(loop.id) };
  }
}
