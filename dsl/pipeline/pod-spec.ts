import { DslError, seg, type PathSegment } from '../errors.ts';
import type {
  AffinityIR,
  EnvVarIR,
  PodSpecIR,
  ResourcesIR,
  SecurityIR,
  TolerationIR,
  VolumeIR,
  VolumeSourceIR,
} from '../ir/index.ts';
import { assertDnsLabel, assertDnsSubdomain, suggestName } from '../common/names.ts';
import { inlineSecret } from '../common/secrets.ts';
import { envSourceToIR } from './env-source.ts';
import {
  checkContainerOptions,
  checkExtendedResource,
  checkLimitsCoverRequests,
  checkSecurityIds,
  checkStringMap,
  checkTolerations,
} from './pod-checks.ts';
import type { Placeholder } from './placeholders.ts';
import { toCommandArg, isPlaceholder } from './placeholders.ts';
import { quantity, type Quantity } from '../common/quantity.ts';
import { RESTRICTED_SECURITY } from '../ir/defaults.ts';

/**
 * CPU, memory and GPU for a container. Requests come from `cpu`/`memory`; limits default to the
 * same values (so every pod has both) and can be changed under `limits`.
 *
 * @example
 * ```ts
 * resources: { cpu: '4', memory: '16Gi', gpu: 1 }
 * resources: { cpu: 0.5, memory: '1Gi', limits: { cpu: '2' } }
 * ```
 */
export interface ResourceSpec {
  readonly cpu?: Quantity;
  readonly memory?: Quantity;
  readonly ephemeralStorage?: Quantity;
  /** GPUs: a count of `nvidia.com/gpu`, or another extended resource name. */
  readonly gpu?: number | { readonly count: number; readonly resource?: string };
  readonly limits?: { readonly cpu?: Quantity; readonly memory?: Quantity; readonly ephemeralStorage?: Quantity };
}

/** An environment variable taken from a Secret key; the value never appears in the YAML. */
export interface SecretKeySource {
  readonly from: 'secret';
  readonly name: string;
  readonly key: string;
  readonly optional?: boolean;
}
/** An environment variable taken from a ConfigMap key. */
export interface ConfigMapKeySource {
  readonly from: 'configMap';
  readonly name: string;
  readonly key: string;
  readonly optional?: boolean;
}
/** An environment variable taken from a pod field such as `metadata.name`. */
export interface FieldRefSource {
  readonly from: 'field';
  readonly fieldPath: string;
}

/**
 * References a key of a Secret for an environment variable.
 * @example
 * ```ts
 * env: { MLFLOW_TOKEN: secretKey('mlflow', 'token') }
 * ```
 */
export const secretKey = (name: string, key: string, opts: { optional?: boolean } = {}): SecretKeySource => ({
  from: 'secret',
  name,
  key,
  ...opts,
});
/**
 * References a key of a ConfigMap for an environment variable.
 * @example
 * ```ts
 * env: { WAREHOUSE_URL: configMapKey('warehouse', 'url') }
 * ```
 */
export const configMapKey = (name: string, key: string, opts: { optional?: boolean } = {}): ConfigMapKeySource => ({
  from: 'configMap',
  name,
  key,
  ...opts,
});
/**
 * Exposes a pod field (downward API) as an environment variable.
 * @example
 * ```ts
 * env: { POD_NAME: fieldRef('metadata.name') }
 * ```
 */
export const fieldRef = (fieldPath: string): FieldRefSource => ({ from: 'field', fieldPath });

/** A value of an environment variable. */
export type EnvValue = string | number | boolean | Placeholder | SecretKeySource | ConfigMapKeySource | FieldRefSource;

/**
 * Volume sources for {@link VolumeSpec}.
 * @example
 * ```ts
 * volumes: [
 *   { mountPath: '/data', source: volume.pvc('feature-store') },
 *   { mountPath: '/dev/shm', source: volume.emptyDir({ medium: 'Memory', sizeLimit: '2Gi' }) },
 * ]
 * ```
 */
export const volume = {
  pvc: (claimName: string, opts: { readOnly?: boolean } = {}): VolumeSourceIR => ({ kind: 'pvc', claimName, ...opts }),
  emptyDir: (opts: { medium?: 'Memory'; sizeLimit?: Quantity } = {}): VolumeSourceIR => ({
    kind: 'emptyDir',
    ...(opts.medium ? { medium: opts.medium } : {}),
    ...(opts.sizeLimit !== undefined
      ? { sizeLimit: quantity(opts.sizeLimit, ['volume', 'emptyDir', 'sizeLimit']) }
      : {}),
  }),
  configMap: (name: string, opts: { optional?: boolean } = {}): VolumeSourceIR => ({
    kind: 'configMap',
    name,
    ...opts,
  }),
  secret: (secretName: string, opts: { optional?: boolean } = {}): VolumeSourceIR => ({
    kind: 'secret',
    secretName,
    ...opts,
  }),
} as const;

/** A volume mounted into the container. */
export interface VolumeSpec {
  readonly mountPath: string;
  readonly source: VolumeSourceIR;
  readonly name?: string;
  readonly readOnly?: boolean;
  readonly subPath?: string;
}

/**
 * Relaxations of the restricted security profile. Anything not given keeps the restricted value.
 * @example
 * ```ts
 * security: { runAsUser: 0, runAsNonRoot: false } // an image that must run as root
 * ```
 */
export interface SecuritySpec {
  readonly runAsNonRoot?: boolean;
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
  readonly fsGroup?: number;
  readonly allowPrivilegeEscalation?: boolean;
  readonly privileged?: boolean;
  readonly readOnlyRootFilesystem?: boolean;
  readonly capabilities?: { readonly add?: readonly string[]; readonly drop?: readonly string[] };
  readonly seccompProfile?: 'RuntimeDefault' | 'Unconfined';
}

/** The Pod Security Standards "restricted" profile every component starts from. */
export { RESTRICTED_SECURITY };

/** Pod-level options shared by components (and, for scheduling, by pipelines). */
export interface PodOptions {
  readonly resources?: ResourceSpec;
  readonly volumes?: readonly VolumeSpec[];
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly tolerations?: readonly TolerationIR[];
  readonly affinity?: AffinityIR;
  readonly serviceAccount?: string;
  readonly podLabels?: Readonly<Record<string, string>>;
  readonly podAnnotations?: Readonly<Record<string, string>>;
  readonly security?: SecuritySpec;
  readonly imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  readonly workingDir?: string;
}

export function resourcesToIR(spec: ResourceSpec | undefined, path: readonly PathSegment[]): ResourcesIR | undefined {
  if (!spec) return undefined;
  const at = [...path, 'resources'];
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  if (spec.cpu !== undefined) requests.cpu = quantity(spec.cpu, [...at, 'cpu'], 'cpu');
  if (spec.memory !== undefined) requests.memory = quantity(spec.memory, [...at, 'memory']);
  if (spec.ephemeralStorage !== undefined)
    requests['ephemeral-storage'] = quantity(spec.ephemeralStorage, [...at, 'ephemeralStorage']);
  Object.assign(limits, requests);
  const l = spec.limits ?? {};
  if (l.cpu !== undefined) limits.cpu = quantity(l.cpu, [...at, 'limits', 'cpu'], 'cpu');
  if (l.memory !== undefined) limits.memory = quantity(l.memory, [...at, 'limits', 'memory']);
  if (l.ephemeralStorage !== undefined)
    limits['ephemeral-storage'] = quantity(l.ephemeralStorage, [...at, 'limits', 'ephemeralStorage']);
  if (spec.gpu !== undefined) {
    const gpu =
      typeof spec.gpu === 'number'
        ? { count: spec.gpu, resource: 'nvidia.com/gpu' }
        : { resource: 'nvidia.com/gpu', ...spec.gpu };
    if (!Number.isInteger(gpu.count) || gpu.count < 1) {
      throw new DslError({
        path: [...at, 'gpu'],
        problem: 'GPU count must be a positive integer',
        got: gpu.count,
        fix: 'Use e.g. gpu: 1',
      });
    }
    checkExtendedResource(gpu.resource, [...at, 'gpu', 'resource']);
    // Extended resources must have requests equal to limits.
    requests[gpu.resource] = String(gpu.count);
    limits[gpu.resource] = String(gpu.count);
  }
  checkLimitsCoverRequests(requests, limits, at);
  return { requests, limits };
}

export function envToIR(env: Readonly<Record<string, EnvValue>> | undefined, path: readonly PathSegment[]): EnvVarIR[] {
  return Object.entries(env ?? {}).map(([name, value]) => {
    const at = [...path, seg('env', name)];
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) {
      throw new DslError({
        path: at,
        problem: 'invalid environment variable name',
        got: name,
        fix: 'Use letters, digits and "_", e.g. "MODEL_DIR"',
      });
    }
    const literal = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    if (!literal && !isPlaceholder(value)) return envSourceToIR(name, value, at);
    const secret = typeof value === 'string' ? inlineSecret(name, value) : undefined;
    if (secret) {
      throw new DslError({
        path: at,
        problem:
          secret === 'what its name says is a secret'
            ? 'a secret-looking variable has a literal value; secret values must never be written to git'
            : `the literal value is ${secret.replace(/^what looks like /, '')}; secret values must never be written to git`,
        got: '<redacted>',
        fix: `Store it in a Secret and use secretKey('<secret>', '<key>')`,
      });
    }
    return { name, value: toCommandArg(value, at) };
  });
}

export function volumesToIR(volumes: readonly VolumeSpec[] | undefined, path: readonly PathSegment[]): VolumeIR[] {
  const seen = new Set<string>();
  return (volumes ?? []).map((v, i) => {
    const at = [...path, `volumes[${i}]`];
    if (typeof v.mountPath !== 'string' || !v.mountPath.startsWith('/')) {
      throw new DslError({
        path: at,
        problem: 'mountPath must be an absolute path',
        got: v.mountPath,
        fix: 'Use e.g. "/data"',
      });
    }
    checkVolumeSource(v.source, [...at, 'source']);
    if (
      v.subPath !== undefined &&
      (typeof v.subPath !== 'string' || v.subPath.startsWith('/') || v.subPath.split('/').includes('..'))
    ) {
      throw new DslError({
        path: [...at, 'subPath'],
        problem: 'subPath must be a relative path inside the volume, without ".."',
        got: v.subPath,
        fix: 'Use e.g. "configs/train.yaml"',
      });
    }
    const name = v.name ?? defaultVolumeName(v.source);
    assertDnsLabel(name, at, 'volume name');
    if (seen.has(name)) {
      throw new DslError({
        path: at,
        problem: 'two volumes have the same name',
        got: name,
        fix: 'Give one of them an explicit `name`',
      });
    }
    seen.add(name);
    return {
      name,
      mountPath: v.mountPath,
      readOnly: v.readOnly ?? false,
      ...(v.subPath ? { subPath: v.subPath } : {}),
      source: v.source,
    };
  });
}

/**
 * A volume source a cast or JavaScript could have got wrong: missing, of an unknown kind, or
 * naming no claim, ConfigMap or Secret (`volume.secret('')`), which the pod would only fail on.
 */
function checkVolumeSource(source: unknown, path: readonly PathSegment[]): void {
  const s = (typeof source === 'object' && source !== null ? source : {}) as Record<string, unknown>;
  const field = { pvc: 'claimName', configMap: 'name', secret: 'secretName', emptyDir: undefined }[String(s.kind)];
  if (!['pvc', 'configMap', 'secret', 'emptyDir'].includes(String(s.kind))) {
    throw new DslError({
      path,
      problem: 'not a volume source',
      got: source,
      fix: "Use volume.pvc('<claim>'), volume.emptyDir(), volume.configMap('<name>') or volume.secret('<name>')",
    });
  }
  const medium = s.medium;
  if (
    s.kind === 'emptyDir' &&
    medium !== undefined &&
    medium !== 'Memory' &&
    !/^HugePages(-.+)?$/.test(String(medium))
  ) {
    throw new DslError({
      path: [...path, 'medium'],
      problem: 'unknown emptyDir medium',
      got: medium,
      fix: "Use medium: 'Memory' for a tmpfs, or leave it out for the node's disk",
    });
  }
  if (field)
    assertDnsSubdomain(s[field], [...path, field], `volume ${s.kind} ${field === 'claimName' ? 'claim name' : 'name'}`);
}

function defaultVolumeName(source: VolumeSourceIR): string {
  switch (source.kind) {
    case 'pvc':
      return suggestName(`pvc-${source.claimName}`);
    case 'emptyDir':
      return 'scratch';
    case 'configMap':
      return suggestName(`cm-${source.name}`);
    case 'secret':
      return suggestName(`secret-${source.secretName}`);
  }
}

export function securityToIR(spec: SecuritySpec | undefined, path: readonly PathSegment[] = []): SecurityIR {
  if (!spec) return RESTRICTED_SECURITY;
  checkSecurityIds(spec, [...path, 'security']);
  const base = RESTRICTED_SECURITY;
  const runAsUser = spec.runAsUser ?? base.runAsUser;
  return {
    runAsNonRoot: spec.runAsNonRoot ?? (runAsUser === 0 ? false : base.runAsNonRoot),
    ...(runAsUser !== undefined ? { runAsUser } : {}),
    ...((spec.runAsGroup ?? base.runAsGroup) !== undefined ? { runAsGroup: spec.runAsGroup ?? base.runAsGroup } : {}),
    ...(spec.fsGroup !== undefined ? { fsGroup: spec.fsGroup } : {}),
    allowPrivilegeEscalation: spec.allowPrivilegeEscalation ?? base.allowPrivilegeEscalation,
    privileged: spec.privileged ?? base.privileged,
    readOnlyRootFilesystem: spec.readOnlyRootFilesystem ?? base.readOnlyRootFilesystem,
    dropCapabilities: spec.capabilities?.drop ?? base.dropCapabilities,
    addCapabilities: spec.capabilities?.add ?? base.addCapabilities,
    seccompProfile: spec.seccompProfile ?? base.seccompProfile,
  };
}

/** Builds the pod part of a component's IR from its options. */
export function podToIR(
  opts: PodOptions & { readonly env?: Readonly<Record<string, EnvValue>> },
  path: readonly PathSegment[],
  extraEnv: readonly EnvVarIR[] = [],
): PodSpecIR {
  const resources = resourcesToIR(opts.resources, path);
  if (opts.serviceAccount !== undefined)
    assertDnsLabel(opts.serviceAccount, [...path, 'serviceAccount'], 'service account name', 253);
  checkContainerOptions(opts, path);
  const nodeSelector = checkStringMap(opts.nodeSelector, [...path, 'nodeSelector'], 'label');
  return {
    ...(resources ? { resources } : {}),
    env: [...extraEnv, ...envToIR(opts.env, path)],
    volumes: volumesToIR(opts.volumes, path),
    ...(nodeSelector ? { nodeSelector } : {}),
    tolerations: checkTolerations(opts.tolerations, [...path, 'tolerations']),
    ...(opts.affinity ? { affinity: opts.affinity } : {}),
    ...(opts.serviceAccount ? { serviceAccountName: opts.serviceAccount } : {}),
    labels: checkStringMap(opts.podLabels, [...path, 'podLabels'], 'label') ?? {},
    annotations: checkStringMap(opts.podAnnotations, [...path, 'podAnnotations'], 'annotation') ?? {},
    security: securityToIR(opts.security, path),
    ...(opts.imagePullPolicy ? { imagePullPolicy: opts.imagePullPolicy } : {}),
    ...(opts.workingDir ? { workingDir: opts.workingDir } : {}),
  };
}
