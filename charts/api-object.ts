import { ApiObject, JsonPatch, type Chart } from 'cdk8s';
import type { ArgoObjectIR } from '../dsl/ir/index.ts';
import { renderArgoObject } from '../dsl/ir/argo-object.ts';

interface ObjectMetaFields {
  readonly namespace?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
  readonly finalizers?: string[];
}

/** An object's identity: an explicit name, or only a generateName (Argo CD hook Workflows). */
export type ObjectMetadata =
  | (ObjectMetaFields & { readonly name: string; readonly generateName?: undefined })
  | (ObjectMetaFields & { readonly name?: undefined; readonly generateName: string });

/**
 * The metadata of every object Argosy writes (CRDs leave `metadata` untyped; this is the part of
 * Kubernetes' ObjectMeta Argosy sets). The generated kinds in charts/imports/ use it.
 */
export type ObjectMeta = ObjectMetadata;

/** A Kubernetes object as plain data: apiVersion, kind, metadata with a name or generateName, and the rest. */
export interface ObjectSpec<M extends ObjectMetadata = ObjectMetadata & { readonly name: string }> {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: M;
  readonly [field: string]: unknown;
}

/** Any object addObject takes: a generated kind from charts/imports/ or an {@link ObjectSpec}. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMetadata;
}

/**
 * Adds an object to the chart under a construct id derived from kind and name, so ids are stable
 * and a duplicate kind/name in one app fails loudly instead of overwriting.
 */
export function addObject<T extends KubeObject>(chart: Chart, spec: T): ApiObject {
  // Argo CD hooks may have only a generateName, which is just as unique per app; cdk8s would
  // invent a name for them, so it is patched out again.
  const obj = new ApiObject(chart, `${spec.kind}.${spec.metadata.name ?? spec.metadata.generateName}`, { ...spec });
  if (spec.metadata.name === undefined) obj.addJsonPatch(JsonPatch.remove('/metadata/name'));
  return obj;
}

/**
 * Adds an Argo object (dsl/argo, the pipeline lowering) to the chart as {@link renderArgoObject}
 * renders it for the namespace, through {@link addObject} like every other object.
 *
 * @example
 * ```ts
 * addArgoObject(ctx.chart, workflowTemplateIR(pipelineIR), ctx.env.namespace);
 * ```
 */
export function addArgoObject(chart: Chart, o: ArgoObjectIR, namespace: string | undefined): ApiObject {
  const rendered = renderArgoObject(o, namespace);
  // dsl/argo refuses objects with neither a name nor a generateName; the lowering always names them.
  return addObject(chart, { ...rendered, metadata: rendered.metadata as ObjectMetadata });
}
