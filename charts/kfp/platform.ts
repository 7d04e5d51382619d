import type {
  AffinityIR,
  NodeSelectorRequirementIR,
  PipelineOptionsIR,
  PodSpecIR,
  TolerationIR,
  VolumeIR,
} from '../../dsl/ir/index.ts';
import { RESTRICTED_SECURITY } from '../../dsl/ir/defaults.ts';
import type { Json } from './types.ts';
import type { DslError } from '../../dsl/errors.ts';
import { throwFirst, unsupported } from './unsupported.ts';

/** A Kubernetes object name as both the deprecated string and the current parameter field. */
const named = (field: string, name: string): Json => ({
  [field]: name,
  [`${field}Parameter`]: { runtimeValue: { constant: name } },
});

/**
 * The `kfp_kubernetes.KubernetesExecutorConfig` of one executor: secrets and config maps as env
 * or volumes, PVC and emptyDir mounts, scheduling, pod metadata, pull policy and timeout.
 * Pipeline-wide node selector, tolerations and pod metadata are merged into every executor,
 * because KFP has no pipeline-level pod settings.
 */
export function executorConfig(
  pod: PodSpecIR,
  options: PipelineOptionsIR,
  timeoutSeconds: number | undefined,
  pipeline: string,
  at: readonly string[],
): Json {
  throwFirst(platformProblems(pod, options, pipeline, at));
  const cfg: Json = {};
  const secretEnv = new Map<string, Json>();
  const configMapEnv = new Map<string, Json>();
  const fieldPaths: Json[] = [];
  for (const e of pod.env) {
    if ('secretKeyRef' in e) {
      const { name, key, optional } = e.secretKeyRef;
      const k = `${name}/${optional === true}`;
      const entry = secretEnv.get(k) ?? { ...named('secretName', name), keyToEnv: [], optional: optional === true };
      (entry.keyToEnv as Json[]).push({ secretKey: key, envVar: e.name });
      secretEnv.set(k, entry);
    } else if ('configMapKeyRef' in e) {
      const { name, key, optional } = e.configMapKeyRef;
      const k = `${name}/${optional === true}`;
      const entry = configMapEnv.get(k) ?? {
        ...named('configMapName', name),
        keyToEnv: [],
        optional: optional === true,
      };
      (entry.keyToEnv as Json[]).push({ configMapKey: key, envVar: e.name });
      configMapEnv.set(k, entry);
    } else if ('fieldRef' in e) {
      fieldPaths.push({ name: e.name, fieldPath: e.fieldRef.fieldPath });
    }
  }
  if (secretEnv.size) cfg.secretAsEnv = [...secretEnv.values()];
  if (configMapEnv.size) cfg.configMapAsEnv = [...configMapEnv.values()];
  if (fieldPaths.length) cfg.fieldPathAsEnv = fieldPaths;
  Object.assign(cfg, volumeConfig(pod.volumes));

  const nodeSelector = { ...(options.nodeSelector ?? {}), ...(pod.nodeSelector ?? {}) };
  if (Object.keys(nodeSelector).length) cfg.nodeSelector = { labels: nodeSelector };
  const tolerations = dedupe([...options.tolerations, ...pod.tolerations]).map(toleration);
  if (tolerations.length) cfg.tolerations = tolerations;
  if (pod.affinity) {
    const terms = nodeAffinity(pod.affinity);
    if (terms.length) cfg.nodeAffinity = terms;
  }
  const labels = { ...options.podLabels, ...pod.labels };
  const annotations = { ...options.podAnnotations, ...pod.annotations };
  if (Object.keys(labels).length || Object.keys(annotations).length) {
    cfg.podMetadata = {
      ...(Object.keys(labels).length ? { labels } : {}),
      ...(Object.keys(annotations).length ? { annotations } : {}),
    };
  }
  if (pod.imagePullPolicy) cfg.imagePullPolicy = pod.imagePullPolicy;
  if (timeoutSeconds !== undefined) cfg.activeDeadlineSeconds = String(timeoutSeconds);
  const security = securityContext(pod);
  if (security) cfg.securityContext = security;
  return cfg;
}

function volumeConfig(volumes: readonly VolumeIR[]): Json {
  const pvc: Json[] = [];
  const emptyDir: Json[] = [];
  const secrets: Json[] = [];
  const configMaps: Json[] = [];
  for (const v of volumes) {
    switch (v.source.kind) {
      case 'pvc':
        pvc.push({
          mountPath: v.mountPath,
          constant: v.source.claimName,
          pvcNameParameter: { runtimeValue: { constant: v.source.claimName } },
          ...(v.subPath ? { subPath: v.subPath } : {}),
        });
        break;
      case 'emptyDir':
        emptyDir.push({
          volumeName: v.name,
          mountPath: v.mountPath,
          ...(v.source.medium ? { medium: v.source.medium } : {}),
          ...(v.source.sizeLimit ? { sizeLimit: v.source.sizeLimit } : {}),
        });
        break;
      case 'secret':
        secrets.push({
          ...named('secretName', v.source.secretName),
          mountPath: v.mountPath,
          optional: v.source.optional === true,
        });
        break;
      case 'configMap':
        configMaps.push({
          ...named('configMapName', v.source.name),
          mountPath: v.mountPath,
          optional: v.source.optional === true,
        });
        break;
      default:
        throw new Error(`internal: volume source ${(v.source as { kind: string }).kind} passed platformProblems`);
    }
  }
  return {
    ...(pvc.length ? { pvcMount: pvc } : {}),
    ...(emptyDir.length ? { emptyDirMounts: emptyDir } : {}),
    ...(secrets.length ? { secretAsVolume: secrets } : {}),
    ...(configMaps.length ? { configMapAsVolume: configMaps } : {}),
  };
}

function dedupe(ts: readonly TolerationIR[]): TolerationIR[] {
  const seen = new Set<string>();
  return ts.filter((t) => {
    const k = JSON.stringify(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function toleration(t: TolerationIR): Json {
  return {
    ...(t.key !== undefined ? { key: t.key } : {}),
    ...(t.operator !== undefined ? { operator: t.operator } : {}),
    ...(t.value !== undefined ? { value: t.value } : {}),
    ...(t.effect !== undefined ? { effect: t.effect } : {}),
    // int64 is a JSON string in ProtoJSON.
    ...(t.tolerationSeconds !== undefined ? { tolerationSeconds: String(t.tolerationSeconds) } : {}),
  };
}

const requirement = (r: NodeSelectorRequirementIR): Json => ({
  key: r.key,
  operator: r.operator,
  ...(r.values?.length ? { values: r.values } : {}),
});

/** Required terms (ORed) without weight, preferred terms with their weight, as kfp-kubernetes writes them. */
function nodeAffinity(a: AffinityIR): Json[] {
  return [
    ...(a.requiredNodeTerms ?? []).map((term) => ({ matchExpressions: term.map(requirement) })),
    ...(a.preferredNodeTerms ?? []).map((p) => ({ matchExpressions: p.match.map(requirement), weight: p.weight })),
  ];
}

/**
 * KFP can set only the user, group and non-root flag. The restricted default profile is left to
 * the KFP installation (its launcher must be able to write into the pod); a component that
 * changes anything else is rejected rather than run with settings it did not ask for.
 */
function securityContext(pod: PodSpecIR): Json | undefined {
  const s = pod.security;
  const r = RESTRICTED_SECURITY;
  if (s.runAsUser === r.runAsUser && s.runAsGroup === r.runAsGroup && s.runAsNonRoot === r.runAsNonRoot)
    return undefined;
  return {
    ...(s.runAsUser !== undefined ? { runAsUser: String(s.runAsUser) } : {}),
    ...(s.runAsGroup !== undefined ? { runAsGroup: String(s.runAsGroup) } : {}),
    runAsNonRoot: s.runAsNonRoot,
  };
}

/**
 * What the executor and platform spec cannot hold: read-only and subPath mounts KFP lacks,
 * volume sources other than PVC, emptyDir, Secret and ConfigMap, security settings beyond user,
 * group and non-root (KFP can set only those three; the restricted default profile is left to
 * the KFP installation, whose launcher must write into the pod), a service account of its own
 * and a working directory.
 */
export function platformProblems(
  pod: PodSpecIR,
  options: PipelineOptionsIR,
  pipeline: string,
  at: readonly string[],
): DslError[] {
  const problems: DslError[] = [];
  for (const v of pod.volumes) {
    const where = [...at, `volume "${v.name}"`];
    const kind = (v.source as { kind: string }).kind;
    if (v.subPath !== undefined && kind !== 'pvc') {
      problems.push(
        unsupported(
          pipeline,
          where,
          `subPath on a ${kind} volume`,
          v.subPath,
          'Mount the whole volume and read the file from it',
        ),
      );
    } else if (v.source.kind === 'pvc' && (v.readOnly || v.source.readOnly)) {
      problems.push(
        unsupported(
          pipeline,
          where,
          'a read-only PVC mount',
          v.source.claimName,
          'Mount it read-write, or compile this pipeline for Argo',
        ),
      );
    } else if (v.source.kind === 'emptyDir' && v.readOnly) {
      problems.push(unsupported(pipeline, where, 'a read-only emptyDir mount', v.name, 'Drop readOnly'));
    } else if (!['pvc', 'emptyDir', 'secret', 'configMap'].includes(kind)) {
      problems.push(
        unsupported(
          pipeline,
          where,
          `volume source "${kind}"`,
          v.source,
          'Use a PVC, emptyDir, Secret or ConfigMap volume',
        ),
      );
    }
  }
  const s = pod.security;
  const r = RESTRICTED_SECURITY;
  const other: (keyof typeof s)[] = [
    'allowPrivilegeEscalation',
    'privileged',
    'readOnlyRootFilesystem',
    'seccompProfile',
    'fsGroup',
  ];
  const changed = other.find((k) => JSON.stringify(s[k]) !== JSON.stringify(r[k]));
  if (changed !== undefined) {
    problems.push(
      unsupported(
        pipeline,
        [...at, 'security'],
        `the security setting "${changed}"`,
        s[changed],
        'Keep the default profile for KFP, or compile this pipeline for Argo',
      ),
    );
  } else if (
    JSON.stringify(s.dropCapabilities) !== JSON.stringify(r.dropCapabilities) ||
    s.addCapabilities.length > 0
  ) {
    problems.push(
      unsupported(
        pipeline,
        [...at, 'security'],
        'Linux capabilities',
        { add: s.addCapabilities, drop: s.dropCapabilities },
        'Keep the default capabilities for KFP',
      ),
    );
  }
  if (pod.serviceAccountName !== undefined && pod.serviceAccountName !== options.serviceAccountName) {
    problems.push(
      unsupported(
        pipeline,
        at,
        "a service account per component (KFP runs every step with the run's service account)",
        pod.serviceAccountName,
        'Set serviceAccount on the pipeline instead, or compile this pipeline for Argo',
      ),
    );
  }
  if (pod.workingDir !== undefined) {
    problems.push(
      unsupported(
        pipeline,
        at,
        'a container working directory',
        pod.workingDir,
        'cd in the command instead, e.g. ["sh", "-c", "cd /work && exec train"]',
      ),
    );
  }
  return problems;
}
