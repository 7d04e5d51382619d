import type { ArgoArgumentsIR } from '../ir/argo-artifacts.ts';
import type { KubeObjectMeta } from '../ir/argo-kube.ts';
import type { ArgoWorkflowEventBindingSpecIR } from '../ir/argo-workflow.ts';
import {
  argumentsDecl,
  checkWorkflowArguments,
  type ArgumentsRequirement,
  type ExactRef,
  type WorkflowArgumentsLike,
} from './entrypoint-arguments.ts';
import { ioToIR } from './io.ts';
import { plain } from './plain.ts';
import {
  ArgoObject,
  checkMetadata,
  objectPath,
  isWorkflowTemplateObject,
  type NamedMetadata,
  type WorkflowTemplateRefLike,
} from './workflow.ts';

/**
 * A WorkflowEventBinding's spec: which events submit which WorkflowTemplate, with which
 * arguments; they must supply what the template's entrypoint needs, like a Workflow's.
 */
export interface WorkflowEventBindingSpec<
  P extends string = string,
  R extends string = string,
  T extends WorkflowTemplateRefLike = WorkflowTemplateRefLike,
> {
  readonly event: { readonly selector: string };
  readonly submit?: {
    readonly workflowTemplateRef: T;
    readonly metadata?: KubeObjectMeta;
    readonly arguments?: WorkflowArgumentsLike<P, R, unknown>;
  };
}

/**
 * A WorkflowEventBinding: submits a WorkflowTemplate when a matching event arrives on Argo's
 * event API.
 *
 * @example
 * ```ts
 * workflowEventBinding({ metadata: { name: 'event-consumer' }, spec: { event: { selector: 'payload.message != ""' }, submit: { workflowTemplateRef: consumer } } });
 * ```
 */
export function workflowEventBinding<
  P extends string = never,
  R extends string = never,
  T extends WorkflowTemplateRefLike = never,
>(def: {
  readonly metadata: NamedMetadata;
  readonly spec: WorkflowEventBindingSpec<P, R, T> & {
    readonly submit?: NoInfer<ArgumentsRequirement<'run', unknown, unknown, P, R, unknown, T> & ExactRef<T>>;
  };
}): ArgoObject<'WorkflowEventBinding'> {
  const path = objectPath('WorkflowEventBinding', def.metadata);
  const { submit, event } = def.spec as WorkflowEventBindingSpec;
  if (submit) {
    const ref = isWorkflowTemplateObject(submit.workflowTemplateRef)
      ? submit.workflowTemplateRef.referenced
      : undefined;
    checkWorkflowArguments({
      mode: 'run',
      entrypoint: undefined,
      onExit: undefined,
      arguments: argumentsDecl(submit.arguments),
      ref,
      path: [...path, 'submit'],
    });
  }
  const spec: ArgoWorkflowEventBindingSpecIR = {
    event: plain(event, [...path, 'event']),
    ...(submit
      ? {
          submit: {
            workflowTemplateRef: isWorkflowTemplateObject(submit.workflowTemplateRef)
              ? submit.workflowTemplateRef.ref
              : plain(submit.workflowTemplateRef, [...path, 'submit']),
            ...(submit.metadata ? { metadata: plain(submit.metadata, [...path, 'submit', 'metadata']) } : {}),
            ...(submit.arguments
              ? {
                  arguments: ioToIR<ArgoArgumentsIR>(argumentsDecl(submit.arguments), [...path, 'submit', 'arguments']),
                }
              : {}),
          },
        }
      : {}),
  };
  return new ArgoObject('WorkflowEventBinding', {
    kind: 'WorkflowEventBinding',
    metadata: checkMetadata('WorkflowEventBinding', def.metadata, path),
    spec,
  });
}
