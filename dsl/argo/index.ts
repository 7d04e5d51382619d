/**
 * Argosy's Argo-native API: Workflows, WorkflowTemplates, ClusterWorkflowTemplates,
 * CronWorkflows and WorkflowEventBindings written with Argo's own concepts (templates, steps,
 * DAGs, artifacts) and typed references instead of hand-typed `{{...}}` text.
 *
 * @example
 * ```ts
 * import { template, workflow } from '../dsl/argo/index.ts';
 * const whalesay = template('whalesay', { container: { image: 'docker/whalesay', command: ['cowsay'], args: ['hello world'] } });
 * export default workflow({ metadata: { generateName: 'hello-world-' }, spec: { entrypoint: whalesay } });
 * ```
 */
export { template, inline, templateRef, Template, TemplateRefCallable, InlineTemplate, Callable } from './template.ts';
export type { TemplateSpec, TemplateBody, TemplateKind, LooseIO } from './template.ts';
export { steps, StepsBody, StepsBuilder, StepGroup } from './steps.ts';
export { dag, and, or, not, Depends, DagBody, DagBuilder } from './dag.ts';
export type { TaskHandle, TaskOptions, DependsLike, DagOptions } from './dag.ts';
export type { NodeHandle, NodeOptions, StepOptions, HookDecl, HooksDecl } from './step-common.ts';
export type { NoRequiredInputs } from './argument-check.ts';
export type { WorkflowArgumentsLike } from './entrypoint-arguments.ts';
export type {
  ParamDecl,
  ArtifactDecl,
  ArtifactOptionsDecl,
  OneLocation,
  InputsDecl,
  OutputsDecl,
  ArgumentsFor,
  LooseArguments,
  TemplateIO,
  NodeOutputs,
  ParamValue,
  ParamArg,
  ArtifactArg,
} from './io.ts';
export {
  workflow,
  workflowTemplate,
  clusterWorkflowTemplate,
  cronWorkflow,
  ArgoObject,
  WorkflowTemplateObject,
} from './workflow.ts';
export { workflowEventBinding } from './workflow-event-binding.ts';
export type { WorkflowEventBindingSpec } from './workflow-event-binding.ts';
export type {
  WorkflowSpec,
  CronWorkflowSpec,
  WorkflowMetadata,
  NamedMetadata,
  TemplateDefaults,
  WorkflowTemplateRefLike,
  NamedTemplateRef,
} from './workflow.ts';
export { workflowArguments, WorkflowArguments } from './workflow-arguments.ts';
export type { WorkflowArgumentsDecl } from './workflow-arguments.ts';
export { item, loopItem, expr, exprText, exprWith } from './refs.ts';
export type { ParamRef, ArtifactRef, ItemRef, ExprQuote } from './refs.ts';
export { inputRefs } from './io.ts';
export { vars } from './vars.ts';
export type { TimestampVar, TimestampFormat } from './vars.ts';
