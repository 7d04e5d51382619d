import type { ComponentIR, PipelineOptionsIR, TaskOverridesIR } from '../../dsl/ir/index.ts';
import { compileExecutor } from './executor.ts';
import type { Json } from './types.ts';
import { componentNameClash } from './unsupported.ts';

/**
 * The components, executors and platform configs of one PipelineSpec, shared by the root
 * pipeline and every pipeline it calls, with the root's run-wide options (merged into every
 * executor). Names are claimed by one owner each, so two definitions never share a name.
 *
 * @example
 * ```ts
 * const registry = new ComponentRegistry(p.options);
 * registry.executorComponent('train', 'component "train"', trainIR, {}, [], p.name); // 'comp-train'
 * ```
 */
export class ComponentRegistry {
  readonly components: Record<string, Json> = {};
  readonly executors: Record<string, Json> = {};
  readonly kubernetes: Record<string, Json> = {};
  private readonly claimed = new Map<string, string>();

  constructor(readonly options: PipelineOptionsIR) {}

  /** Reserves a component name for `owner`; another owner of the same name is an error. */
  claim(name: string, owner: string, pipeline: string): void {
    const other = this.claimed.get(name);
    if (other !== undefined && other !== owner) throw componentNameClash(pipeline, name, other, owner);
    this.claimed.set(name, owner);
  }

  /**
   * `comp-<key>` with executor `exec-<key>` for a component, written once: the task overrides
   * of resources and timeout are compiled in, and `mounts` appended to its `pvcMount`.
   */
  executorComponent(
    key: string,
    owner: string,
    c: ComponentIR,
    overrides: TaskOverridesIR,
    mounts: readonly Json[],
    pipeline: string,
  ): string {
    const name = `comp-${key}`;
    // Claimed on every use, so a second definition of the name fails instead of reusing the first.
    this.claim(name, owner, pipeline);
    if (this.components[name] === undefined) {
      const compiled = compileExecutor(
        c,
        {
          ...(overrides.resources ? { resources: overrides.resources } : {}),
          ...(overrides.timeoutSeconds !== undefined ? { timeoutSeconds: overrides.timeoutSeconds } : {}),
        },
        this.options,
        pipeline,
      );
      this.components[name] = { ...compiled.spec, executorLabel: `exec-${key}` };
      this.executors[`exec-${key}`] = compiled.executor;
      const kubernetes: Json = {
        ...compiled.kubernetes,
        ...(mounts.length
          ? { pvcMount: [...((compiled.kubernetes.pvcMount as Json[] | undefined) ?? []), ...mounts] }
          : {}),
      };
      if (Object.keys(kubernetes).length) this.kubernetes[`exec-${key}`] = kubernetes;
    }
    return name;
  }
}
