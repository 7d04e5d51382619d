import { ApiObject, JsonPatch, type Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';

/** Metadata shared by the core objects Argosy writes: an explicit name, never a generated one. */
export interface CoreMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels: Readonly<Record<string, string>>;
}

function meta(m: CoreMeta): { name: string; namespace?: string; labels: Record<string, string> } {
  return { name: m.name, ...(m.namespace ? { namespace: m.namespace } : {}), labels: { ...m.labels } };
}

// cdk8s-plus renders an empty externalIPs list on every Service; it means nothing and only adds diff noise.
function dropEmptyExternalIps(svc: kplus.Service): void {
  ApiObject.of(svc).addJsonPatch(JsonPatch.remove('/spec/externalIPs'));
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
): kplus.Service {
  const svc = new kplus.Service(chart, `Service.${m.name}`, {
    metadata: meta(m),
    ports: [{ name: port.name, port: port.port, targetPort: port.targetPort }],
  });
  for (const [k, v] of Object.entries(selector)) svc.selectLabel(k, v);
  dropEmptyExternalIps(svc);
  return svc;
}

/**
 * A Service that is a DNS alias of another host (a stable name for a moving target).
 * @example
 * ```ts
 * externalNameService(chart, { name: 'churn-preview', labels }, 'churn-v43-predictor.ml.svc.cluster.local');
 * ```
 */
export function externalNameService(chart: Chart, m: CoreMeta, externalName: string): kplus.Service {
  const svc = new kplus.Service(chart, `Service.${m.name}`, {
    metadata: meta(m),
    type: kplus.ServiceType.EXTERNAL_NAME,
    externalName,
  });
  dropEmptyExternalIps(svc);
  return svc;
}

/**
 * A ServiceAccount; `automountToken` false for pods that never call the API server.
 * @example
 * ```ts
 * serviceAccount(chart, { name: 'ranker', labels }, false);
 * ```
 */
export function serviceAccount(chart: Chart, m: CoreMeta, automountToken: boolean): kplus.ServiceAccount {
  return new kplus.ServiceAccount(chart, `ServiceAccount.${m.name}`, { metadata: meta(m), automountToken });
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
 * @example
 * ```ts
 * boundRole(chart, { name: 'churn-promote', labels }, sa, [{ apiGroup: 'serving.kserve.io', resource: 'inferenceservices', verbs: ['get', 'patch'], resourceNames: ['churn'] }]);
 * ```
 */
export function boundRole(chart: Chart, m: CoreMeta, subject: kplus.ServiceAccount, rules: readonly RoleRule[]): void {
  const role = new kplus.Role(chart, `Role.${m.name}`, { metadata: meta(m) });
  for (const r of rules) {
    const resources = (r.resourceNames ?? [undefined]).map((resourceName): kplus.IApiResource => ({
      apiGroup: r.apiGroup,
      resourceType: r.resource,
      ...(resourceName ? { resourceName } : {}),
    }));
    role.allow([...r.verbs], ...resources);
  }
  const binding = new kplus.RoleBinding(chart, `RoleBinding.${m.name}`, { metadata: meta(m), role });
  binding.addSubjects(subject);
  // cdk8s-plus writes `apiGroup: ''` for a ServiceAccount subject; the API server stores the core
  // group by leaving the field out, so git and the live object would differ forever in Argo CD.
  ApiObject.of(binding).addJsonPatch(JsonPatch.remove('/subjects/0/apiGroup'));
}
