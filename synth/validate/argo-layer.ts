import { storeOf, type TemplateSource } from './argo/context.ts';
import type { ArgoObject } from './argo/types.ts';
import { ARGO_KINDS, type ArgoKind, argoVerdict } from './argo/workflow.ts';
import type { Finding } from './finding.ts';
import { obj } from './object-path.ts';

/** The rule ids the argo layer emits. */
export const ARGO_RULES = { semantics: 'argo/semantics', externalRef: 'argo/external-ref' } as const;

const ARGO_GROUP = /^argoproj\.io\//;

function isArgoWorkflowKind(o: unknown): o is ArgoObject & { kind: ArgoKind } {
  const d = obj(o);
  return typeof d.apiVersion === 'string' && ARGO_GROUP.test(d.apiVersion) && ARGO_KINDS.includes(d.kind as ArgoKind);
}

/**
 * Argo's semantic rules for every Workflow, WorkflowTemplate, ClusterWorkflowTemplate and
 * CronWorkflow of the input. `templateRef`s and `workflowTemplateRef`s resolve against the
 * templates found in the same input, as `argo lint` resolves them against the cluster.
 */
export function argoLayer(
  objects: readonly unknown[],
  opts: { externalRefs?: 'error' | 'warn' } = {},
): Map<unknown, Finding[]> {
  const sources: TemplateSource[] = objects
    .filter(
      (o): o is ArgoObject =>
        isArgoWorkflowKind(o) && (o.kind === 'WorkflowTemplate' || o.kind === 'ClusterWorkflowTemplate'),
    )
    .map((o) => ({
      kind: o.kind as TemplateSource['kind'],
      name: o.metadata?.name ?? '',
      spec: o.spec ?? {},
      ...(o.metadata?.namespace ? { namespace: o.metadata.namespace } : {}),
    }));
  const store = storeOf(sources);
  const out = new Map<unknown, Finding[]>();
  for (const o of objects) {
    if (!isArgoWorkflowKind(o)) continue;
    let message: string | undefined;
    const external = new Set<string>();
    const onExternalRef =
      opts.externalRefs === 'warn' ? (kind: string, name: string) => external.add(`${kind} ${name}`) : undefined;
    try {
      message = argoVerdict(o, store, { lint: true, ...(onExternalRef ? { onExternalRef } : {}) });
    } catch (e) {
      // Malformed input (wrong types the schema layer reports) must not crash the whole run.
      message = `could not be checked: ${(e as Error).message}`;
    }
    const findings: Finding[] = [...external].sort().map((ref) => ({
      severity: 'warning',
      layer: 'argo',
      rule: ARGO_RULES.externalRef,
      path: '',
      message: `references ${ref}, which is not among the inputs; what it uses from there was not checked. Validate it together with that template (e.g. the whole dist/)`,
    }));
    if (message !== undefined)
      findings.push({ severity: 'error', layer: 'argo', rule: ARGO_RULES.semantics, path: '', message });
    if (findings.length > 0) out.set(o, findings);
  }
  return out;
}
