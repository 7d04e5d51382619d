import type { PipelineIR } from '../../dsl/ir/index.ts';
import type { ObjectSpec } from '../api-object.ts';
import { assertNoArtifactLists } from './artifact-lists.ts';
import { DagLowering } from './dag.ts';
import { literalString } from './expressions.ts';
import { RESTRICTED_POD_SECURITY } from './pod.ts';

export const ARGO_API_VERSION = 'argoproj.io/v1alpha1';

/** The `spec` of a Workflow/WorkflowTemplate running the pipeline (shared with other kinds). */
export function pipelineWorkflowSpec(p: PipelineIR): Record<string, unknown> {
  assertNoArtifactLists(p);
  const lowering = new DagLowering(p);
  const entrypoint = lowering.lowerEntry();
  const onExit = lowering.lowerExitHandler();
  const o = p.options;
  const params = p.params.map((param) => ({
    name: param.name,
    ...(param.default !== undefined ? { value: literalString(param.default) } : {}),
    ...(param.enum ? { enum: param.enum.map(literalString) } : {}),
    ...(param.description ? { description: param.description } : {}),
  }));
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
export function workflowTemplate(p: PipelineIR, namespace: string | undefined): ObjectSpec {
  return {
    apiVersion: ARGO_API_VERSION,
    kind: 'WorkflowTemplate',
    metadata: {
      name: p.name,
      ...(namespace ? { namespace } : {}),
      ...(p.description ? { annotations: { 'workflows.argoproj.io/description': p.description } } : {}),
    },
    spec: pipelineWorkflowSpec(p),
  };
}
