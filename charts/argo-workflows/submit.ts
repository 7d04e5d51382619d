import { dump } from 'js-yaml';
import type { NodeIR, PipelineIR, SubmitIR } from '../../dsl/ir/index.ts';
import { retryStrategy } from './component-template.ts';
import { ARGO_API_VERSION } from './workflow-template.ts';

/**
 * The service account a pipeline's submit steps run under: it may create Workflows and nothing
 * else, so the rest of the pipeline keeps its own (usually broader) account.
 */
export function submitterServiceAccount(pipeline: string): string {
  return `${pipeline}-submitter`;
}

/** Every `p.submit()` step of a pipeline, at any depth. */
export function submitsOf(p: PipelineIR): SubmitIR[] {
  const visit = (nodes: readonly NodeIR[]): SubmitIR[] =>
    nodes.flatMap((n): SubmitIR[] => {
      switch (n.kind) {
        case 'submit': return [n];
        case 'task': return [];
        case 'loop': return visit(n.body);
        case 'condition': return n.branches.flatMap((b) => visit(b.body));
      }
    });
  return visit(p.body);
}

/**
 * The Workflow a submit step creates: a run of the target's WorkflowTemplate with the step's
 * inputs as arguments, labelled like `argo submit --from workflowtemplate/<name>` does. The
 * created run is not owned by the submitting one, so cleaning up the submitter (TTL, podGC)
 * never deletes the run it started.
 */
function workflowManifest(s: SubmitIR, argNames: readonly string[]): string {
  const manifest = {
    apiVersion: ARGO_API_VERSION,
    kind: 'Workflow',
    metadata: {
      generateName: `${s.pipeline}-`,
      labels: { 'argosy.dev/submitted-by': '{{workflow.name}}', 'workflows.argoproj.io/workflow-template': s.pipeline },
    },
    spec: {
      workflowTemplateRef: { name: s.pipeline },
      ...(argNames.length ? { arguments: { parameters: argNames.map((name) => ({ name, value: `{{inputs.parameters.${name}}}` })) } } : {}),
    },
  };
  return dump(manifest, { sortKeys: true, lineWidth: -1, noRefs: true });
}

/**
 * An Argo `resource` template creating the target's Workflow. The step's arguments arrive as
 * template inputs, so the DAG task renders them like any other parameter (loop items, upstream
 * outputs) and the manifest only ever sees `{{inputs.parameters.*}}`.
 */
export function submitTemplate(name: string, pipeline: string, s: SubmitIR): Record<string, unknown> {
  const argNames = Object.keys(s.args);
  return {
    name,
    ...(argNames.length ? { inputs: { parameters: argNames.map((n) => ({ name: n })) } } : {}),
    serviceAccountName: submitterServiceAccount(pipeline),
    resource: { action: 'create', manifest: workflowManifest(s, argNames) },
    ...(s.retry ? { retryStrategy: retryStrategy(s.retry) } : {}),
  };
}
