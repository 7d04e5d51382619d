import { ApiObject, type Chart } from 'cdk8s';

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
  return new ApiObject(chart, `${spec.kind}.${spec.metadata.name}`, spec);
}
