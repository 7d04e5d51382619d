import type {
  AffinityIR,
  CommandArgIR,
  ComponentIR,
  EnvVarIR,
  PodSpecIR,
  SecurityIR,
  VolumeIR,
} from '../../dsl/ir/index.ts';
import { RESTRICTED_SECURITY } from '../../dsl/ir/defaults.ts';

/** Default file locations of a component's ports inside its container. */
export const inputPath = (c: ComponentIR, name: string): string => {
  const port = c.inputs.find((p) => p.name === name);
  return port?.kind === 'artifact' && port.path ? port.path : `/tmp/inputs/${name}`;
};
export const outputPath = (c: ComponentIR, name: string): string => {
  const port = c.outputs.find((p) => p.name === name);
  return port?.kind === 'artifact' && port.path ? port.path : `/tmp/outputs/${name}`;
};

/** Renders a command argument: placeholders become Argo input variables or file paths. */
export function renderArg(c: ComponentIR, arg: CommandArgIR): string {
  return arg
    .map((part) => {
      switch (part.kind) {
        case 'text':
          return part.text;
        case 'inputValue':
          return `{{inputs.parameters.${part.input}}}`;
        case 'inputPath':
          return inputPath(c, part.input);
        case 'outputPath':
          return outputPath(c, part.output);
        // Refused with its pipeline and task before lowering (artifact-lists.ts).
        case 'inputArtifactList':
          throw new Error(`internal: artifact list input ${part.input} of ${c.name} reached the Argo lowering`);
      }
    })
    .join('');
}

export function renderEnv(c: ComponentIR, env: readonly EnvVarIR[]): object[] {
  return env.map((e) => {
    if ('value' in e) return { name: e.name, value: renderArg(c, e.value) };
    if ('secretKeyRef' in e) return { name: e.name, valueFrom: { secretKeyRef: e.secretKeyRef } };
    if ('configMapKeyRef' in e) return { name: e.name, valueFrom: { configMapKeyRef: e.configMapKeyRef } };
    return { name: e.name, valueFrom: { fieldRef: e.fieldRef } };
  });
}

export function renderVolume(v: VolumeIR): object {
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

export function renderMount(v: VolumeIR): object {
  return {
    name: v.name,
    mountPath: v.mountPath,
    ...(v.readOnly ? { readOnly: true } : {}),
    ...(v.subPath ? { subPath: v.subPath } : {}),
  };
}

export function renderAffinity(a: AffinityIR): object {
  const expr = (reqs: AffinityIR['requiredNodeTerms'] extends readonly (infer T)[] | undefined ? T : never) =>
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

/** Container-level security context (the pod-level part is set once per workflow). */
export function containerSecurity(s: SecurityIR): object {
  return {
    allowPrivilegeEscalation: s.allowPrivilegeEscalation,
    capabilities: { drop: s.dropCapabilities, ...(s.addCapabilities.length ? { add: s.addCapabilities } : {}) },
    runAsNonRoot: s.runAsNonRoot,
    ...(s.privileged ? { privileged: true } : {}),
    ...(s.readOnlyRootFilesystem ? { readOnlyRootFilesystem: true } : {}),
  };
}

/** Pod-level security context of a component, or undefined when it equals the workflow default. */
export function podSecurityOverride(s: SecurityIR): object | undefined {
  const pod = podSecurity(s);
  return JSON.stringify(pod) === JSON.stringify(RESTRICTED_POD_SECURITY) ? undefined : pod;
}

export function podSecurity(s: SecurityIR): Record<string, unknown> {
  return {
    runAsNonRoot: s.runAsNonRoot,
    ...(s.runAsUser !== undefined ? { runAsUser: s.runAsUser } : {}),
    ...(s.runAsGroup !== undefined ? { runAsGroup: s.runAsGroup } : {}),
    ...(s.fsGroup !== undefined ? { fsGroup: s.fsGroup } : {}),
    seccompProfile: { type: s.seccompProfile },
  };
}

/** Template-level pod settings shared by container and script templates. */
export function podTemplateFields(pod: PodSpecIR): Record<string, unknown> {
  const metadata = {
    ...(Object.keys(pod.labels).length ? { labels: pod.labels } : {}),
    ...(Object.keys(pod.annotations).length ? { annotations: pod.annotations } : {}),
  };
  const security = podSecurityOverride(pod.security);
  return {
    ...(Object.keys(metadata).length ? { metadata } : {}),
    ...(pod.volumes.length ? { volumes: pod.volumes.map(renderVolume) } : {}),
    ...(pod.nodeSelector ? { nodeSelector: pod.nodeSelector } : {}),
    ...(pod.tolerations.length ? { tolerations: pod.tolerations } : {}),
    ...(pod.affinity ? { affinity: renderAffinity(pod.affinity) } : {}),
    ...(pod.serviceAccountName ? { serviceAccountName: pod.serviceAccountName } : {}),
    ...(security ? { securityContext: security } : {}),
  };
}

/** The workflow-wide pod security context: Pod Security Standards "restricted". */
export const RESTRICTED_POD_SECURITY = podSecurity(RESTRICTED_SECURITY);
