import type { ArgoObjectIR, ArgoWorkflowSpecIR, PipelineIR } from '../../dsl/ir/index.ts';
import { RESTRICTED_POD_SECURITY } from '../k8s/pod.ts';
import { assertNoArtifactLists } from './artifact-lists.ts';
import { DagLowering } from './dag.ts';
import { pipelineParameter } from './dag-io.ts';
import { renderArgoObject, type RenderedArgoObjectIR } from '../../dsl/ir/argo-object.ts';

/** The `spec` of a Workflow/WorkflowTemplate running the pipeline (shared with other kinds). */
export function pipelineWorkflowSpec(p: PipelineIR): ArgoWorkflowSpecIR {
  assertNoArtifactLists(p);
  const lowering = new DagLowering(p);
  const entrypoint = lowering.lowerEntry();
  const onExit = lowering.lowerExitHandler();
  const o = p.options;
  const params = p.params.map(pipelineParameter);
  const podMetadata = {
    ...(Object.keys(o.podLabels).length ? { labels: o.podLabels } : {}),
    ...(Object.keys(o.podAnnotations).length ? { annotations: o.podAnnotations } : {}),
  };
  return {
    entrypoint,
    ...(params.length ? { arguments: { parameters: params } } : {}),
    ...(onExit ? { onExit } : {}),
    templates: lowering.templates,
    securityContext: RESTRICTED_POD_SECURITY,
    ...(o.serviceAccountName ? { serviceAccountName: o.serviceAccountName } : {}),
    ...(o.parallelism !== undefined ? { parallelism: o.parallelism } : {}),
    ...(o.timeoutSeconds !== undefined ? { activeDeadlineSeconds: o.timeoutSeconds } : {}),
    ...(Object.keys(podMetadata).length ? { podMetadata } : {}),
    ...(o.artifactRepositoryRef ? { artifactRepositoryRef: o.artifactRepositoryRef } : {}),
    ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
    ...(o.tolerations.length ? { tolerations: o.tolerations } : {}),
    ...(o.ttlSecondsAfterFinished !== undefined
      ? { ttlStrategy: { secondsAfterCompletion: o.ttlSecondsAfterFinished } }
      : {}),
    ...(o.podGC ? { podGC: { strategy: o.podGC } } : {}),
  };
}

/**
 * A pipeline as an Argo WorkflowTemplate: what GitOps stores and schedules reference (Argo CD
 * cannot sync `generateName` Workflows, so runs are submitted from templates).
 */
export function workflowTemplateIR(p: PipelineIR): ArgoObjectIR {
  return {
    kind: 'WorkflowTemplate',
    metadata: {
      name: p.name,
      ...(p.description ? { annotations: { 'workflows.argoproj.io/description': p.description } } : {}),
    },
    spec: pipelineWorkflowSpec(p),
  };
}

/** {@link workflowTemplateIR} rendered for a namespace, as the target writes it. */
export function workflowTemplate(p: PipelineIR, namespace: string | undefined): RenderedArgoObjectIR {
  return renderArgoObject(workflowTemplateIR(p), namespace);
}
