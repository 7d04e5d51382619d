import type { PathSegment } from '../errors.ts';
import type { ArgoArgumentsIR } from '../ir/argo-artifacts.ts';
import { ioToIR, type ArtifactArg, type ParamArg } from './io.ts';
import { paramRef, refWithFields, type ParamRef } from './refs.ts';
import { brand, guard } from '../common/brand.ts';

/** A workflow's `arguments`: parameters (value shorthand or full declaration) and artifacts. */
export interface WorkflowArgumentsDecl {
  readonly parameters?: Readonly<Record<string, ParamArg>>;
  readonly artifacts?: Readonly<Record<string, ArtifactArg>>;
}

type ParamsOf<D> = D extends { readonly parameters: infer P } ? P : {};

/**
 * Declared workflow arguments plus typed `{{workflow.parameters.<name>}}` references to them;
 * build it with {@link workflowArguments}.
 *
 * @example
 * ```ts
 * const args: WorkflowArguments<{ parameters: { message: string } }> = workflowArguments({ parameters: { message: 'hi' } });
 * ```
 */
export class WorkflowArguments<D> {
  /** `{{workflow.parameters.<name>}}` per declared parameter; by itself `{{workflow.parameters}}`. */
  readonly parameters: ParamRef & { readonly [K in keyof ParamsOf<D>]: ParamRef };

  constructor(readonly decl: WorkflowArgumentsDecl) {
    this.parameters = refWithFields('workflow.parameters', (n) => paramRef(`workflow.parameters.${n}`));
  }

  /** @internal */
  toIR(path: readonly PathSegment[]): ArgoArgumentsIR | undefined {
    return ioToIR<ArgoArgumentsIR>(this.decl, path);
  }
}
brand(WorkflowArguments, 'argo.WorkflowArguments');
/** Whether a value holds arguments built with `workflowArguments()`. */
export const isWorkflowArguments = guard<WorkflowArguments<unknown>>('argo.WorkflowArguments');

/**
 * Declares a workflow's arguments and returns typed references to them, so templates use
 * `args.parameters.message` instead of typing `{{workflow.parameters.message}}`.
 *
 * @example
 * ```ts
 * const args = workflowArguments({ parameters: { message: 'hello world' } });
 * const print = template('print', { container: { image: 'busybox', command: ['echo', args.parameters.message] } });
 * export default workflow({ metadata: { generateName: 'global-parameters-' }, spec: { entrypoint: print, arguments: args } });
 * ```
 */
export function workflowArguments<const D extends WorkflowArgumentsDecl>(decl: D): WorkflowArguments<D> {
  return new WorkflowArguments<D>(decl);
}
