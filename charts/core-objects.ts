import { ApiObject, type Chart } from 'cdk8s';

// Plain ApiObjects with exactly what cdk8s-plus-27 rendered for these kinds (the goldens hold
// its output): loading cdk8s-plus cost about 0.17 s CPU of every `argosy synth`, for four kinds.

/** Metadata shared by the core objects Argosy writes: an explicit name, never a generated one. */
export interface CoreMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels: Readonly<Record<string, string>>;
}

function meta(m: CoreMeta): { name: string; namespace?: string; labels: Record<string, string> } {
  return { name: m.name, ...(m.namespace ? { namespace: m.namespace } : {}), labels: { ...m.labels } };
}

/**
 * A ClusterIP Service selecting pods by explicit labels (no cdk8s address labels), with one named port.
 * @example
 * ```ts
 * clusterIpService(chart, { name: 'ranker-canary', labels }, { 'argosy.dev/model-deployment': 'ranker' }, { name: 'http', port: 80, targetPort: 8080 });
 * ```
 */
export function clusterIpService(
  chart: Chart,
  m: CoreMeta,
  selector: Readonly<Record<string, string>>,
  port: { readonly name: string; readonly port: number; readonly targetPort: number },
): ApiObject {
  return new ApiObject(chart, `Service.${m.name}`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(m),
    spec: {
      type: 'ClusterIP',
      selector: { ...selector },
      ports: [{ name: port.name, port: port.port, ...(port.targetPort ? { targetPort: port.targetPort } : {}) }],
    },
  });
}

/**
 * A Service that is a DNS alias of another host (a stable name for a moving target).
 * @example
 * ```ts
 * externalNameService(chart, { name: 'churn-preview', labels }, 'churn-v43-predictor.ml.svc.cluster.local');
 * ```
 */
export function externalNameService(chart: Chart, m: CoreMeta, externalName: string): ApiObject {
  return new ApiObject(chart, `Service.${m.name}`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(m),
    spec: { type: 'ExternalName', externalName },
  });
}

/** A ServiceAccount as {@link boundRole} binds it: its name and namespace. */
export interface ServiceAccountRef {
  readonly name: string;
  readonly namespace?: string;
}

/**
 * A ServiceAccount; `automountToken` false for pods that never call the API server.
 * @example
 * ```ts
 * serviceAccount(chart, { name: 'ranker', labels }, false);
 * ```
 */
export function serviceAccount(chart: Chart, m: CoreMeta, automountToken: boolean): ServiceAccountRef {
  new ApiObject(chart, `ServiceAccount.${m.name}`, {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: meta(m),
    automountServiceAccountToken: automountToken,
  });
  return { name: m.name, ...(m.namespace ? { namespace: m.namespace } : {}) };
}

/** One least-privilege rule: verbs on a resource type, optionally limited to named objects. */
export interface RoleRule {
  readonly apiGroup: string;
  readonly resource: string;
  readonly verbs: readonly string[];
  readonly resourceNames?: readonly string[];
}

/**
 * A Role with explicit rules plus a RoleBinding of it to a ServiceAccount, both named `m.name`.
 * One rule per named object, as cdk8s-plus wrote them.
 * @example
 * ```ts
 * boundRole(chart, { name: 'churn-promote', labels }, sa, [{ apiGroup: 'serving.kserve.io', resource: 'inferenceservices', verbs: ['get', 'patch'], resourceNames: ['churn'] }]);
 * ```
 */
export function boundRole(chart: Chart, m: CoreMeta, subject: ServiceAccountRef, rules: readonly RoleRule[]): void {
  new ApiObject(chart, `Role.${m.name}`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: meta(m),
    rules: rules.flatMap((r) =>
      (r.resourceNames ?? [undefined]).map((resourceName) => ({
        verbs: [...r.verbs],
        apiGroups: [r.apiGroup === 'core' ? '' : r.apiGroup],
        ...(resourceName ? { resourceNames: [resourceName] } : {}),
        ...(r.resource ? { resources: [r.resource] } : {}),
      })),
    ),
  });
  // No `apiGroup: ''` on the ServiceAccount subject: the API server stores the core group by
  // leaving the field out, so git and the live object would differ forever in Argo CD.
  new ApiObject(chart, `RoleBinding.${m.name}`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: meta(m),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: m.name },
    subjects: [
      { kind: 'ServiceAccount', name: subject.name, ...(subject.namespace ? { namespace: subject.namespace } : {}) },
    ],
  });
}
