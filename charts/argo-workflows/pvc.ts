import type {
  ArgoOutputsIR,
  ArgoResourceTemplate,
  ArgoTemplateIR,
  ComponentIR,
  JsonValue,
  ValueIR,
} from '../../dsl/ir/index.ts';
import { manifestText } from './render.ts';

/** Whether a component is a claim operation (`p.createPvc()` / `p.deletePvc()`) rather than a container. */
export function isPvcOperation(c: ComponentIR): boolean {
  return c.implementation.kind === 'createPvc' || c.implementation.kind === 'deletePvc';
}

/**
 * An Argo `resource` template performing one claim operation. Literal arguments are written into
 * the manifest; any other argument (a parameter, an upstream output, a loop item) becomes an input
 * of the template, listed in `inputs`, which the DAG task passes like a component input.
 *
 * Created claims are owned by the Workflow (`setOwnerReference`), so Kubernetes deletes them with
 * the run even when the pipeline fails before its `p.deletePvc()` step; `nameSuffix` names the
 * claim `<workflow name><suffix>` (KFP's CreatePVC does the same with its run name).
 *
 * @example
 * ```ts
 * const { template, inputs } = pvcTemplate('createpvc-scratch', CREATE_PVC.ir, task.args);
 * ```
 */
export function pvcTemplate(
  name: string,
  c: ComponentIR,
  args: Readonly<Record<string, ValueIR>>,
): { template: ArgoTemplateIR; inputs: string[] } {
  const inputs: string[] = [];
  const value = (port: string): JsonValue | undefined => {
    const v = args[port];
    if (v === undefined) return undefined;
    if (v.kind === 'literal') return v.value;
    inputs.push(port);
    return `{{inputs.parameters.${port}}}`;
  };
  let resource: ArgoResourceTemplate;
  let outputs: ArgoOutputsIR | undefined;
  if (c.implementation.kind === 'createPvc') {
    const suffix = value('pvc_name_suffix');
    const annotations = value('annotations');
    const storageClass = value('storage_class_name');
    const volumeName = value('volume_name');
    const dataSource = value('data_source');
    const manifest = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: suffix !== undefined ? `{{workflow.name}}${String(suffix)}` : value('pvc_name'),
        ...(annotations !== undefined ? { annotations } : {}),
      },
      spec: {
        accessModes: value('access_modes'),
        resources: { requests: { storage: value('size') } },
        ...(storageClass !== undefined ? { storageClassName: storageClass } : {}),
        ...(volumeName !== undefined ? { volumeName } : {}),
        ...(dataSource !== undefined ? { dataSource } : {}),
      },
    };
    resource = { action: 'create', setOwnerReference: true, manifest: manifestText(manifest) };
    outputs = { parameters: [{ name: 'name', valueFrom: { jsonPath: '{.metadata.name}' } }] };
  } else if (c.implementation.kind === 'deletePvc') {
    resource = {
      action: 'delete',
      manifest: manifestText({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: value('pvc_name') },
      }),
    };
  } else {
    throw new Error(`internal: ${c.implementation.kind} is not a claim operation`);
  }
  return {
    template: {
      name,
      ...(inputs.length ? { inputs: { parameters: inputs.map((n) => ({ name: n })) } } : {}),
      ...(outputs ? { outputs } : {}),
      resource,
    },
    inputs,
  };
}
