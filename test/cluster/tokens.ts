import { join } from 'node:path';
import {
  ApiException,
  AuthorizationV1Api,
  CoreV1Api,
  KubeConfig,
  RbacAuthorizationV1Api,
  type V1PolicyRule,
} from '@kubernetes/client-node';
import { waitFor } from './processes.ts';
import { writeKubeconfig } from './harness.ts';

const conflictOk = async (create: () => Promise<unknown>): Promise<void> => {
  try {
    await create();
  } catch (e) {
    if (!(e instanceof ApiException && e.code === 409)) throw e;
  }
};

/** Creates a namespace unless it exists (namespaces must exist before objects are applied into them). */
export async function ensureNamespace(admin: KubeConfig, name: string): Promise<void> {
  await conflictOk(() => admin.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name } } }));
}

export interface RestrictedIdentity {
  /** `system:serviceaccount:<namespace>:<name>`, as the API server names it in a 403. */
  readonly user: string;
  readonly token: string;
  /** A kubeconfig for this identity (same server and CA as the admin's). */
  readonly kubeconfig: string;
}

/**
 * A ServiceAccount allowed exactly `rules` in its namespace (a Role and RoleBinding), and a
 * token for it from the TokenRequest API: what a CI job or a teammate with narrow rights has.
 * The kubeconfig is written beside `dir`'s other files.
 */
export async function restrictedServiceAccount(
  admin: KubeConfig,
  opts: {
    readonly namespace: string;
    readonly name: string;
    readonly rules: readonly V1PolicyRule[];
    readonly dir: string;
  },
): Promise<RestrictedIdentity> {
  const { namespace, name } = opts;
  await ensureNamespace(admin, namespace);
  const core = admin.makeApiClient(CoreV1Api);
  const rbac = admin.makeApiClient(RbacAuthorizationV1Api);
  await conflictOk(() => core.createNamespacedServiceAccount({ namespace, body: { metadata: { name } } }));
  await conflictOk(() =>
    rbac.createNamespacedRole({ namespace, body: { metadata: { name }, rules: [...opts.rules] } }),
  );
  await conflictOk(() =>
    rbac.createNamespacedRoleBinding({
      namespace,
      body: {
        metadata: { name },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
        subjects: [{ kind: 'ServiceAccount', name, namespace }],
      },
    }),
  );
  const user = `system:serviceaccount:${namespace}:${name}`;
  const request = await core.createNamespacedServiceAccountToken({
    name,
    namespace,
    body: { spec: { audiences: [], expirationSeconds: 3600 } },
  });
  const token = request.status?.token;
  if (!token) throw new Error(`TokenRequest for ${user} returned no token`);
  // RBAC reads Roles through an informer: wait until the new binding is in force.
  const first = opts.rules[0];
  if (first?.verbs?.[0] && first.resources?.[0]) {
    const authz = admin.makeApiClient(AuthorizationV1Api);
    await waitFor(
      `RBAC to grant ${user} its Role`,
      async () => {
        const review = await authz.createSubjectAccessReview({
          body: {
            spec: {
              user,
              groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`],
              resourceAttributes: {
                namespace,
                verb: first.verbs[0],
                group: first.apiGroups?.[0] ?? '',
                resource: first.resources?.[0],
              },
            },
          },
        });
        return review.status?.allowed ? true : undefined;
      },
      { timeoutMs: 15_000 },
    );
  }
  const cluster = admin.getCurrentCluster();
  if (!cluster?.caData) throw new Error('the admin kubeconfig has no certificate-authority-data');
  const kubeconfig = writeKubeconfig(
    join(opts.dir, `kubeconfig.${namespace}.${name}`),
    cluster.server,
    Buffer.from(cluster.caData, 'base64').toString('utf8'),
    token,
    user,
  );
  return { user, token, kubeconfig };
}

/** A KubeConfig loaded from a kubeconfig file. */
export function kubeConfigFrom(file: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(file);
  return kc;
}
