import type {
  AffinityIR,
  KubeAffinity,
  KubeNodeSelectorRequirement,
  KubePodSecurityContext,
  KubeSecurityContext,
  KubeVolume,
  KubeVolumeMount,
  SecurityIR,
  VolumeIR,
} from '../../dsl/ir/index.ts';
import { RESTRICTED_SECURITY } from '../../dsl/ir/defaults.ts';

/**
 * Pod-level Kubernetes pieces every chart that writes pods shares (Argo templates, model server
 * pod templates, analysis jobs, sync hooks): volumes, mounts, node affinity and security contexts,
 * as the core/v1 types of dsl/ir/argo-kube.ts.
 */

export function renderVolume(v: VolumeIR): KubeVolume {
  const s = v.source;
  switch (s.kind) {
    case 'pvc':
      return {
        name: v.name,
        persistentVolumeClaim: { claimName: s.claimName, ...(s.readOnly ? { readOnly: true } : {}) },
      };
    case 'emptyDir':
      return {
        name: v.name,
        emptyDir: { ...(s.medium ? { medium: s.medium } : {}), ...(s.sizeLimit ? { sizeLimit: s.sizeLimit } : {}) },
      };
    case 'configMap':
      return { name: v.name, configMap: { name: s.name, ...(s.optional ? { optional: true } : {}) } };
    case 'secret':
      return { name: v.name, secret: { secretName: s.secretName, ...(s.optional ? { optional: true } : {}) } };
  }
}

export function renderMount(v: VolumeIR): KubeVolumeMount {
  return {
    name: v.name,
    mountPath: v.mountPath,
    ...(v.readOnly ? { readOnly: true } : {}),
    ...(v.subPath ? { subPath: v.subPath } : {}),
  };
}

export function renderAffinity(a: AffinityIR): KubeAffinity {
  const expr = (reqs: readonly KubeNodeSelectorRequirement[]): KubeNodeSelectorRequirement[] =>
    reqs.map((r) => ({ key: r.key, operator: r.operator, ...(r.values ? { values: r.values } : {}) }));
  return {
    nodeAffinity: {
      ...(a.requiredNodeTerms
        ? {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: a.requiredNodeTerms.map((t) => ({ matchExpressions: expr(t) })),
            },
          }
        : {}),
      ...(a.preferredNodeTerms
        ? {
            preferredDuringSchedulingIgnoredDuringExecution: a.preferredNodeTerms.map((t) => ({
              weight: t.weight,
              preference: { matchExpressions: expr(t.match) },
            })),
          }
        : {}),
    },
  };
}

/** Container-level security context (the pod-level part is set once per workflow or pod). */
export function containerSecurity(s: SecurityIR): KubeSecurityContext {
  return {
    allowPrivilegeEscalation: s.allowPrivilegeEscalation,
    capabilities: { drop: s.dropCapabilities, ...(s.addCapabilities.length ? { add: s.addCapabilities } : {}) },
    runAsNonRoot: s.runAsNonRoot,
    ...(s.privileged ? { privileged: true } : {}),
    ...(s.readOnlyRootFilesystem ? { readOnlyRootFilesystem: true } : {}),
  };
}

export function podSecurity(s: SecurityIR): KubePodSecurityContext {
  return {
    runAsNonRoot: s.runAsNonRoot,
    ...(s.runAsUser !== undefined ? { runAsUser: s.runAsUser } : {}),
    ...(s.runAsGroup !== undefined ? { runAsGroup: s.runAsGroup } : {}),
    ...(s.fsGroup !== undefined ? { fsGroup: s.fsGroup } : {}),
    seccompProfile: { type: s.seccompProfile },
  };
}

/** The default pod security context: Pod Security Standards "restricted". */
export const RESTRICTED_POD_SECURITY: KubePodSecurityContext = podSecurity(RESTRICTED_SECURITY);

/** Pod-level security context of a component, or undefined when it equals the default. */
export function podSecurityOverride(s: SecurityIR): KubePodSecurityContext | undefined {
  const pod = podSecurity(s);
  return JSON.stringify(pod) === JSON.stringify(RESTRICTED_POD_SECURITY) ? undefined : pod;
}
