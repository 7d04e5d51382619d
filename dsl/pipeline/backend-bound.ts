import type { Component } from './component.ts';
import type { Cond } from './conditions.ts';
import type { PortMap } from './ports.ts';
import type { ArtifactListRef, ParamRef } from './refs.ts';

/**
 * Which backend a pipeline's builder is bound to: `'kfp'` or `'argo'` when the pipeline pins
 * `target`, `undefined` when it may compile for either. Only the types use it: a bound builder
 * turns what its backend cannot run into type errors, with the reason in the message.
 */
export type BoundTarget = 'argo' | 'kfp' | undefined;

/** Marks a value, condition or port only Argo can run; a type error in KFP-bound pipelines. */
export interface ArgoOnly<Why extends string> {
  /** Phantom: never set at run time. */
  readonly argoOnly: Why;
}

/** Marks a value or port only Kubeflow Pipelines can run; a type error in Argo-bound pipelines. */
export interface KfpOnly<Why extends string> {
  /** Phantom: never set at run time. */
  readonly kfpOnly: Why;
}

/** Marks a condition that tests task status (KFP allows it only at the top level or inside and()). */
export interface StatusTest {
  /** Phantom: never set at run time. */
  readonly statusTest: true;
}

/** Status tests Kubeflow Pipelines cannot trigger on. */
export type ArgoOnlyStatus = Cond &
  StatusTest &
  ArgoOnly<'Kubeflow Pipelines runs a task when its upstream tasks succeeded, or completed with completed(); failed(), errored(), skipped(), anySucceeded() and allFailed() are Argo-only'>;

/** Runtime values Kubeflow Pipelines has no placeholder for. */
export type ArgoOnlyRuntime = ParamRef<string> &
  ArgoOnly<'Kubeflow Pipelines has no placeholder for the workflow status, failures or namespace (the final status reaches exit tasks only as a PipelineTaskFinalStatus); Argo-only'>;

type Markers<C> = ([Extract<C, ArgoOnly<string>>] extends [never]
  ? {}
  : ArgoOnly<Extract<C, ArgoOnly<string>>['argoOnly']>) &
  ([Extract<C, StatusTest>] extends [never] ? {} : StatusTest);

/** What `and()` of these conditions is: Argo-only if any is, a status test if any is. */
export type AndCond<C> = Cond & Markers<C>;

/** What `or()` / `not()` of these conditions is: KFP cannot negate or alternate status tests. */
export type OrCond<C> = Cond &
  ([Extract<C, ArgoOnly<string> | StatusTest>] extends [never]
    ? {}
    : ArgoOnly<'Kubeflow Pipelines cannot test task status inside or() or not(): use succeeded() and completed() at the top level or inside and(); Argo-only'>) &
  ([Extract<C, StatusTest>] extends [never] ? {} : StatusTest);

/** A condition a builder bound to `T` accepts. */
export type CondFor<T extends BoundTarget> = T extends 'kfp' ? Cond & { readonly argoOnly?: undefined } : Cond;

/** A parameter reference a task of a builder bound to `T` accepts. */
export type ParamArgFor<V, T extends BoundTarget> = T extends 'kfp'
  ? ParamRef<V> & { readonly argoOnly?: undefined }
  : ParamRef<V>;

type PortsOf<I extends PortMap, O extends PortMap> = I[keyof I] | O[keyof O];

/**
 * A component a builder bound to `T` accepts: for KFP none of its ports may use `.at(path)`, for
 * Argo none may take an artifact list. Otherwise the argument lacks the property named after the
 * backend, and the error shows why.
 */
export type ComponentFor<T extends BoundTarget, I extends PortMap, O extends PortMap> = Component<I, O> &
  (T extends 'kfp'
    ? [Extract<PortsOf<I, O>, ArgoOnly<string>>] extends [never]
      ? unknown
      : { readonly kubeflowPipelinesCannotRunThis: Extract<PortsOf<I, O>, ArgoOnly<string>>['argoOnly'] }
    : T extends 'argo'
      ? [Extract<PortsOf<I, O>, KfpOnly<string>>] extends [never]
        ? unknown
        : { readonly argoWorkflowsCannotRunThis: Extract<PortsOf<I, O>, KfpOnly<string>>['kfpOnly'] }
      : unknown);

/** The first argument of `p.submit()`: an id, or for KFP-bound pipelines the reason it is refused. */
export type SubmitId<T extends BoundTarget> = T extends 'kfp'
  ? "p.submit() is Argo-only: Kubeflow Pipelines cannot start another pipeline's run"
  : string;

/** A list of artifacts a loop of a builder bound to `T` may iterate (none for Argo, with the reason). */
export type ArtifactItemsFor<K extends string, T extends BoundTarget> = T extends 'argo'
  ? ArtifactListRef<K> & { readonly argoWorkflowsCannotRunThis: ArtifactListRef<K>['kfpOnly'] }
  : ArtifactListRef<K>;

/** What an Argo-bound loop body may return: Argo aggregates output parameters only, never artifacts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ArgoCollectsParametersOnly = { readonly [name: string]: ParamRef<any> } | void;
