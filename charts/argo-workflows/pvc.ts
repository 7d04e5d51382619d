import type { ArgoTemplateIR, KubePersistentVolumeClaim, PvcOperationIR, ValueIR } from '../../dsl/ir/index.ts';
import { literalString } from './expressions.ts';
import { manifestText } from '../k8s/manifest.ts';

/** An input of a claim operation's template, which the DAG task passes like a component input. */
export interface PvcInput {
  readonly name: string;
  readonly value: ValueIR;
}

/**
 * An Argo `resource` template performing one claim operation. Literal values are written into
 * the manifest; any other value (a parameter, an upstream output, a loop item) becomes an input
 * of the template, named like kfp-kubernetes names that argument, which the DAG task passes.
 *
 * Created claims are owned by the Workflow (`setOwnerReference`), so Kubernetes deletes them with
 * the run even when the pipeline fails before its `p.deletePvc()` step; a name suffix names the
 * claim `<workflow name><suffix>` (KFP's CreatePVC does the same with its run name).
 *
 * @example
 * ```ts
 * const { template, inputs } = pvcTemplate('createpvc-scratch', createPvcNode);
 * ```
 */
export function pvcTemplate(name: string, n: PvcOperationIR): { template: ArgoTemplateIR; inputs: PvcInput[] } {
  const inputs: PvcInput[] = [];
  const text = (input: string, v: ValueIR): string => {
    if (v.kind === 'literal') return literalString(v.value);
    inputs.push({ name: input, value: v });
    return `{{inputs.parameters.${input}}}`;
  };
  let template: Omit<ArgoTemplateIR, 'name' | 'inputs'>;
  if (n.kind === 'createPvc') {
    const storageClassName = n.storageClass && text('storage_class_name', n.storageClass);
    const volumeName = n.volumeName && text('volume_name', n.volumeName);
    const claimName =
      'suffix' in n.claimName ? `{{workflow.name}}${n.claimName.suffix}` : text('pvc_name', n.claimName.value);
    const claim: KubePersistentVolumeClaim & { apiVersion: string; kind: string } = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: claimName, ...(n.annotations ? { annotations: n.annotations } : {}) },
      spec: {
        accessModes: n.accessModes,
        resources: { requests: { storage: text('size', n.size) } },
        ...(storageClassName !== undefined ? { storageClassName } : {}),
        ...(volumeName !== undefined ? { volumeName } : {}),
        ...(n.dataSource ? { dataSource: n.dataSource } : {}),
      },
    };
    template = {
      outputs: { parameters: [{ name: 'name', valueFrom: { jsonPath: '{.metadata.name}' } }] },
      resource: { action: 'create', setOwnerReference: true, manifest: manifestText(claim) },
    };
  } else {
    const claim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: text('pvc_name', n.claim) } };
    template = { resource: { action: 'delete', manifest: manifestText(claim) } };
  }
  return {
    template: {
      name,
      ...(inputs.length ? { inputs: { parameters: inputs.map((i) => ({ name: i.name })) } } : {}),
      ...template,
    },
    inputs,
  };
}
