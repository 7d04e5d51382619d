import type { DeploymentIR, HttpProbeIR, ModelVersionIR, ServerServingIR } from '../../dsl/ir/index.ts';
import { containerSecurity, podSecurity, renderAffinity, renderMount, renderVolume } from '../k8s/pod.ts';
import type {
  Affinity,
  PodSecurityContext,
  PodTemplateSpec,
  Probe,
  SecurityContext,
  VolumeMount,
} from '../imports/argo-rollouts.ts';
import { mergeEnv, plainEnv, resourcesOf } from '../k8s/container.ts';
import { DEPLOYMENT_LABEL } from '../k8s/serving.ts';

function probe(p: HttpProbeIR | undefined, port: string): Probe | undefined {
  if (!p) return undefined;
  return {
    httpGet: { path: p.path, port },
    ...(p.initialDelaySeconds !== undefined ? { initialDelaySeconds: p.initialDelaySeconds } : {}),
    ...(p.periodSeconds !== undefined ? { periodSeconds: p.periodSeconds } : {}),
    ...(p.failureThreshold !== undefined ? { failureThreshold: p.failureThreshold } : {}),
  };
}

/**
 * The model server's pod template: the serving spec with the candidate's changes applied. The
 * Rollout treats this template as the new version; the running version is whatever it replaces.
 */
// The pod helpers of charts/argo-workflows/pod.ts render untyped objects; the casts name what they render.
export function serverPodTemplate(
  d: DeploymentIR,
  s: ServerServingIR,
  candidate: ModelVersionIR | undefined,
): PodTemplateSpec {
  const pod = s.pod;
  const version = candidate?.version ?? s.version;
  const portName = s.protocol;
  const probes = {
    readinessProbe: probe(s.probes.readiness, portName),
    livenessProbe: probe(s.probes.liveness, portName),
    startupProbe: probe(s.probes.startup, portName),
  };
  const annotations = {
    ...pod.annotations,
    ...(s.metrics
      ? {
          'prometheus.io/scrape': 'true',
          'prometheus.io/port': String(s.metrics.port),
          'prometheus.io/path': s.metrics.path,
        }
      : {}),
  };
  const args = candidate?.args ?? s.args;
  const env = mergeEnv(pod.env, candidate?.env);
  const serviceAccountName = d.names.serviceAccount ?? pod.serviceAccountName;
  return {
    metadata: {
      labels: {
        ...pod.labels,
        [DEPLOYMENT_LABEL]: d.name,
        'app.kubernetes.io/name': d.name,
        // Istio reads this into destination_canonical_revision, so telemetry tells versions apart.
        ...(version ? { 'app.kubernetes.io/version': version } : {}),
      },
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    spec: {
      ...(serviceAccountName ? { serviceAccountName } : {}),
      // Our own ServiceAccount never needs an API token; a user-provided one may.
      ...(d.names.serviceAccount ? { automountServiceAccountToken: false } : {}),
      securityContext: podSecurity(pod.security) as PodSecurityContext,
      containers: [
        {
          name: 'server',
          image: candidate?.image ?? s.image,
          ...(s.command ? { command: s.command } : {}),
          ...(args.length ? { args } : {}),
          ports: [{ name: portName, containerPort: s.port, protocol: 'TCP' }],
          ...(env.length ? { env: plainEnv(env) } : {}),
          ...resourcesOf(candidate?.resources ?? pod.resources),
          ...Object.fromEntries(Object.entries(probes).filter(([, v]) => v !== undefined)),
          ...(pod.volumes.length ? { volumeMounts: pod.volumes.map((v) => renderMount(v) as VolumeMount) } : {}),
          ...(pod.imagePullPolicy ? { imagePullPolicy: pod.imagePullPolicy } : {}),
          securityContext: containerSecurity(pod.security) as SecurityContext,
        },
      ],
      ...(pod.volumes.length ? { volumes: pod.volumes.map(renderVolume) } : {}),
      ...(pod.nodeSelector ? { nodeSelector: pod.nodeSelector } : {}),
      ...(pod.tolerations.length ? { tolerations: pod.tolerations } : {}),
      ...(pod.affinity ? { affinity: renderAffinity(pod.affinity) as Affinity } : {}),
    },
  };
}
