import { ApiObject, JsonPatch, type Chart } from 'cdk8s';

/** A Kubernetes object as plain data: apiVersion, kind, metadata with an explicit name, and the rest. */
export interface ObjectSpec {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Record<string, string>; readonly annotations?: Record<string, string> };
  readonly [field: string]: unknown;
}

/**
 * Adds an object to the chart under a construct id derived from kind and name, so ids are stable
 * and a duplicate kind/name in one app fails loudly instead of overwriting.
 */
export function addObject(chart: Chart, spec: ObjectSpec): ApiObject {
  // Argo CD hooks may have only a generateName, which is just as unique per app; cdk8s would
  // invent a name for them, so it is patched out again.
  const name = spec.metadata.name ?? (spec.metadata as { generateName?: string }).generateName;
  const obj = new ApiObject(chart, `${spec.kind}.${name}`, spec);
  if (spec.metadata.name === undefined) obj.addJsonPatch(JsonPatch.remove('/metadata/name'));
  return obj;
}
