import type { TaskMountIR } from '../../dsl/ir/index.ts';
import type { Json } from './types.ts';
import type { DslError } from '../../dsl/errors.ts';
import { throwFirst, unsupported } from './unsupported.ts';

/**
 * The `pvcMount` of a claim mounted into one task (`task.mount()`): `pvcNameParameter` holds the
 * claim name as the task input it is (a constant, a parameter of the enclosing DAG or an
 * upstream output such as CreatePVC's `name`), and the deprecated field of the same kind is
 * written beside it for servers that predate `pvcNameParameter`, as the SDK does.
 *
 * @example
 * ```ts
 * pvcMount({ claim, mountPath: '/data', readOnly: false }, { taskOutputParameter: { producerTask: 'createpvc', outputParameterKey: 'name' } }, 'p', [], true);
 * ```
 */
export function pvcMount(m: TaskMountIR, claim: Json, pipeline: string, at: readonly string[], created = false): Json {
  throwFirst(mountProblems(m, pipeline, at, created));
  const runtime = claim.runtimeValue as { constant?: unknown } | undefined;
  const deprecated: Json =
    claim.taskOutputParameter !== undefined
      ? { taskOutputParameter: claim.taskOutputParameter }
      : claim.componentInputParameter !== undefined
        ? { componentInputParameter: claim.componentInputParameter }
        : runtime?.constant !== undefined
          ? { constant: runtime.constant }
          : {};
  return {
    mountPath: m.mountPath,
    pvcNameParameter: claim,
    ...deprecated,
    ...(m.subPath !== undefined ? { subPath: m.subPath } : {}),
  };
}

/** What KFP cannot mount of a claim: read-only, or a subPath into a claim the run creates (empty). */
export function mountProblems(m: TaskMountIR, pipeline: string, at: readonly string[], created: boolean): DslError[] {
  if (m.readOnly)
    return [
      unsupported(
        pipeline,
        [...at, `mount "${m.mountPath}"`],
        'a read-only PVC mount',
        m.mountPath,
        'Mount it read-write, or compile this pipeline for Argo',
      ),
    ];
  if (created && m.subPath !== undefined)
    return [
      unsupported(
        pipeline,
        [...at, `mount "${m.mountPath}"`],
        'a subPath into a claim the run creates (KFP creates it empty)',
        m.subPath,
        'Mount the whole claim and use the directory inside it, or compile this pipeline for Argo',
      ),
    ];
  return [];
}
