import type {
  ArgoTemplateCommon,
  CommandArgIR,
  ComponentIR,
  EnvVarIR,
  KubeEnvVar,
  PodSpecIR,
} from '../../dsl/ir/index.ts';
import { podSecurityOverride, renderAffinity, renderVolume } from '../k8s/pod.ts';

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

export function renderEnv(c: ComponentIR, env: readonly EnvVarIR[]): KubeEnvVar[] {
  return env.map((e) => {
    if ('value' in e) return { name: e.name, value: renderArg(c, e.value) };
    if ('secretKeyRef' in e) return { name: e.name, valueFrom: { secretKeyRef: e.secretKeyRef } };
    if ('configMapKeyRef' in e) return { name: e.name, valueFrom: { configMapKeyRef: e.configMapKeyRef } };
    return { name: e.name, valueFrom: { fieldRef: e.fieldRef } };
  });
}

/** Template-level pod settings shared by container and script templates. */
export function podTemplateFields(
  pod: PodSpecIR,
): Pick<
  ArgoTemplateCommon,
  'metadata' | 'volumes' | 'nodeSelector' | 'tolerations' | 'affinity' | 'serviceAccountName' | 'securityContext'
> {
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
