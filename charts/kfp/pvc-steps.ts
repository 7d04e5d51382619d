import type {
  ComponentIR,
  ComponentTaskIR,
  JsonValue,
  ParamPortIR,
  PvcOperationIR,
  ValueIR,
} from '../../dsl/ir/index.ts';
import { RESTRICTED_SECURITY } from '../../dsl/ir/defaults.ts';

/**
 * Claim operations as KFP runs them: tasks of the kfp-kubernetes CreatePVC and DeletePVC
 * components, which KFP's driver performs itself. Their ports are that interface (the driver
 * reads inputs by these names), and their image is a stub no container ever starts.
 */

/** Images KFP's driver recognises as claim operations it performs itself; no container with them ever starts. */
export const RESOURCE_IMAGES = { createPvc: 'argostub/createpvc', deletePvc: 'argostub/deletepvc' } as const;

const str = (name: string, optional: boolean, extra: Partial<ParamPortIR> = {}): ParamPortIR => ({
  kind: 'param',
  name,
  type: 'string',
  optional,
  ...extra,
});
const json = (name: string, optional: boolean, jsonShape: 'list' | 'struct'): ParamPortIR => ({
  kind: 'param',
  name,
  type: 'json',
  optional,
  jsonShape,
});

function resourceComponent(
  kind: PvcOperationIR['kind'],
  inputs: readonly ParamPortIR[],
  outputs: readonly ParamPortIR[],
): ComponentIR {
  return {
    name: kind.toLowerCase(),
    image: RESOURCE_IMAGES[kind],
    inputs,
    outputs,
    implementation: { kind: 'container', command: [], args: [] },
    pod: { env: [], volumes: [], tolerations: [], labels: {}, annotations: {}, security: RESTRICTED_SECURITY },
    contentHash: kind,
  };
}

/** The kfp-kubernetes `CreatePVC` and `DeletePVC` components. */
export const PVC_COMPONENTS: Readonly<Record<PvcOperationIR['kind'], ComponentIR>> = {
  createPvc: resourceComponent(
    'createPvc',
    [
      json('access_modes', false, 'list'),
      json('annotations', true, 'struct'),
      json('data_source', true, 'struct'),
      str('pvc_name', true),
      str('pvc_name_suffix', true),
      str('size', false),
      str('storage_class_name', true, { default: '' }),
      str('volume_name', true),
    ],
    [str('name', false)],
  ),
  deletePvc: resourceComponent('deletePvc', [str('pvc_name', false)], []),
};

/** The claim operation a component performs, when it is one of {@link PVC_COMPONENTS}. */
export function pvcOperationOf(c: ComponentIR): PvcOperationIR['kind'] | undefined {
  if (c === PVC_COMPONENTS.createPvc) return 'createPvc';
  return c === PVC_COMPONENTS.deletePvc ? 'deletePvc' : undefined;
}

/** Who owns a component's name in the PipelineSpec: a user's component, or a kfp-kubernetes one. */
export function componentOwner(c: ComponentIR): string {
  const pvc = pvcOperationOf(c);
  if (pvc === undefined) return `component "${c.name}"`;
  return `the kfp-kubernetes ${pvc === 'createPvc' ? 'CreatePVC' : 'DeletePVC'} component`;
}

/**
 * A claim operation as a task of its kfp-kubernetes component, with the arguments by the names
 * KFP's driver reads (literal lists and objects stay JSON values).
 *
 * @example
 * ```ts
 * pvcComponentTask(deleteNode); // { kind: 'task', component: 'deletepvc', args: { pvc_name: ... }, ... }
 * ```
 */
export function pvcComponentTask(n: PvcOperationIR): ComponentTaskIR {
  const literal = (value: JsonValue): ValueIR => ({ kind: 'literal', value });
  const args: Record<string, ValueIR> =
    n.kind === 'deletePvc'
      ? { pvc_name: n.claim }
      : {
          access_modes: literal([...n.accessModes]),
          ...(n.annotations ? { annotations: literal({ ...n.annotations }) } : {}),
          ...(n.dataSource ? { data_source: literal({ ...(n.dataSource as Readonly<Record<string, string>>) }) } : {}),
          ...('value' in n.claimName ? { pvc_name: n.claimName.value } : {}),
          ...('suffix' in n.claimName ? { pvc_name_suffix: literal(n.claimName.suffix) } : {}),
          size: n.size,
          ...(n.storageClass ? { storage_class_name: n.storageClass } : {}),
          ...(n.volumeName ? { volume_name: n.volumeName } : {}),
        };
  return {
    kind: 'task',
    id: n.id,
    component: PVC_COMPONENTS[n.kind].name,
    args,
    after: n.after,
    ...(n.when ? { when: n.when } : {}),
    overrides:
      n.cache !== undefined ? { cache: { enabled: n.cache, maxAge: n.cache ? '168h' : '0s', keyParts: [] } } : {},
    ...(n.displayName ? { displayName: n.displayName } : {}),
  };
}
