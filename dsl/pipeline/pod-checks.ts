import { quantityValue } from '../ir/quantity-value.ts';
import { DslError, seg, type PathSegment } from '../errors.ts';

/**
 * Checks of pod options the Kubernetes API server (or the kubelet) would refuse: written here so
 * the mistake is reported at synth time naming the component and field, instead of when the pod
 * is created in the cluster. Each follows the rule of k8s.io/apimachinery's validation.
 */

const NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A qualified name (`app`, `example.com/tier`): the form of label and annotation keys. */
function isQualifiedName(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const prefixOk = prefix === undefined || (prefix.length <= 253 && SUBDOMAIN.test(prefix));
  return prefixOk && name.length <= 63 && NAME_PART.test(name);
}

/**
 * Checks a map of labels (`podLabels`, `nodeSelector`) or annotations: keys are qualified names;
 * label values at most 63 letters, digits, `-`, `_` and `.`; annotation values any string.
 *
 * @example
 * ```ts
 * checkStringMap({ tier: 'batch' }, ['component "train"', 'podLabels'], 'label');
 * ```
 */
export function checkStringMap(
  map: unknown,
  path: readonly PathSegment[],
  kind: 'label' | 'annotation',
): Readonly<Record<string, string>> | undefined {
  if (map === undefined) return undefined;
  if (map === null || typeof map !== 'object' || Array.isArray(map)) {
    throw new DslError({
      path,
      problem: `expected an object of ${kind}s`,
      got: map,
      fix: 'Use e.g. { tier: "batch" }',
    });
  }
  for (const [key, value] of Object.entries(map)) {
    if (!isQualifiedName(key)) {
      throw new DslError({
        path: [...path, seg(kind, key)],
        problem: `${kind} key is not a valid qualified name`,
        got: key,
        fix: 'Use letters, digits, "-", "_" and "." (at most 63), optionally after a DNS prefix and "/", e.g. "example.com/tier"',
      });
    }
    const labelOk = typeof value === 'string' && (value === '' || (value.length <= 63 && NAME_PART.test(value)));
    if (typeof value !== 'string' || (kind === 'label' && !labelOk)) {
      throw new DslError({
        path: [...path, seg(kind, key)],
        problem:
          kind === 'label'
            ? 'label value must be at most 63 letters, digits, "-", "_" and "."'
            : 'annotation value must be a string',
        got: value,
        fix: kind === 'label' ? 'Use e.g. "batch" or "gpu-a100"' : 'Quote the value, e.g. "true"',
      });
    }
  }
  return map as Readonly<Record<string, string>>;
}

const OPERATORS = ['Exists', 'Equal'];
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/**
 * Checks tolerations: a known operator and effect, no value with `Exists`, and
 * `tolerationSeconds` only with `NoExecute` (the only effect that evicts).
 *
 * @example
 * ```ts
 * checkTolerations([{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }], ['component "train"', 'tolerations']);
 * ```
 */
export function checkTolerations<T>(list: readonly T[] | undefined, path: readonly PathSegment[]): readonly T[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    throw new DslError({
      path,
      problem: 'expected a list of tolerations',
      got: list,
      fix: 'Use e.g. [{ key: "gpu", operator: "Exists" }]',
    });
  }
  list.forEach((t: unknown, i) => {
    const at = [...path, `[${i}]`];
    const o = (t !== null && typeof t === 'object' ? t : {}) as Record<string, unknown>;
    const fail = (field: string, problem: string, got: unknown, fix: string): never => {
      throw new DslError({ path: field ? [...at, field] : at, problem, got, fix });
    };
    if (t === null || typeof t !== 'object')
      fail('', 'expected a toleration object', t, 'Use e.g. { key: "gpu", operator: "Exists" }');
    if (o.operator !== undefined && !OPERATORS.includes(o.operator as string))
      fail('operator', 'unknown toleration operator', o.operator, 'Use "Exists" or "Equal"');
    if (o.effect !== undefined && !EFFECTS.includes(o.effect as string))
      fail(
        'effect',
        'unknown taint effect',
        o.effect,
        `Use ${EFFECTS.map((e) => `"${e}"`).join(', ')}, or leave it out to match all`,
      );
    if (o.operator === 'Exists' && o.value !== undefined && o.value !== '')
      fail(
        'value',
        'a toleration with operator "Exists" matches any value and cannot name one',
        o.value,
        'Remove value, or use operator: "Equal"',
      );
    if (o.key === undefined && o.operator !== 'Exists')
      fail(
        'key',
        'a toleration without a key must use operator "Exists"',
        o.operator ?? 'Equal',
        'Add key, or set operator: "Exists" to tolerate every taint',
      );
    if (o.tolerationSeconds !== undefined && (o.effect !== 'NoExecute' || !Number.isInteger(o.tolerationSeconds)))
      fail(
        'tolerationSeconds',
        'tolerationSeconds is a whole number of seconds and needs effect "NoExecute"',
        o.tolerationSeconds,
        'Set effect: "NoExecute", or remove tolerationSeconds',
      );
  });
  return list;
}

/**
 * Checks the user and group ids of a security spec: whole numbers from 0 to 2147483647, and no
 * `runAsNonRoot: true` together with `runAsUser: 0` (the kubelet would refuse to start it).
 *
 * @example
 * ```ts
 * checkSecurityIds({ runAsUser: 1000 }, ['component "train"', 'security']);
 * ```
 */
export function checkSecurityIds(
  spec: {
    readonly runAsUser?: unknown;
    readonly runAsGroup?: unknown;
    readonly fsGroup?: unknown;
    readonly runAsNonRoot?: unknown;
  },
  path: readonly PathSegment[],
): void {
  for (const field of ['runAsUser', 'runAsGroup', 'fsGroup'] as const) {
    const id = spec[field];
    if (id !== undefined && (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > 2147483647)) {
      throw new DslError({
        path: [...path, field],
        problem: 'expected a whole number from 0 to 2147483647',
        got: id,
        fix: `Use e.g. ${field}: 1000`,
      });
    }
  }
  if (spec.runAsNonRoot === true && spec.runAsUser === 0) {
    throw new DslError({
      path: [...path, 'runAsUser'],
      problem: 'runAsUser 0 is root, which runAsNonRoot: true forbids',
      got: 0,
      fix: 'Use a non-zero runAsUser, or drop runAsNonRoot: true for an image that must run as root',
    });
  }
}

/**
 * Checks the container options Kubernetes validates as values: `imagePullPolicy` one of its
 * three policies and `workingDir` an absolute path.
 *
 * @example
 * ```ts
 * checkContainerOptions({ imagePullPolicy: 'IfNotPresent', workingDir: '/app' }, ['component "train"']);
 * ```
 */
export function checkContainerOptions(
  opts: { readonly imagePullPolicy?: unknown; readonly workingDir?: unknown },
  path: readonly PathSegment[],
): void {
  if (
    opts.imagePullPolicy !== undefined &&
    !['Always', 'IfNotPresent', 'Never'].includes(opts.imagePullPolicy as string)
  ) {
    throw new DslError({
      path: [...path, 'imagePullPolicy'],
      problem: 'unknown image pull policy',
      got: opts.imagePullPolicy,
      fix: 'Use "Always", "IfNotPresent" or "Never"',
    });
  }
  if (opts.workingDir !== undefined && (typeof opts.workingDir !== 'string' || !opts.workingDir.startsWith('/'))) {
    throw new DslError({
      path: [...path, 'workingDir'],
      problem: 'workingDir must be an absolute path',
      got: opts.workingDir,
      fix: 'Use e.g. "/app"',
    });
  }
}

/**
 * Refuses a limit below its request: the API server rejects such a pod ("must be less than or
 * equal to ... limit").
 *
 * @example
 * ```ts
 * checkLimitsCoverRequests({ cpu: '4' }, { cpu: '1' }, ['component "train"', 'resources']); // throws
 * ```
 */
export function checkLimitsCoverRequests(
  requests: Readonly<Record<string, string>>,
  limits: Readonly<Record<string, string>>,
  path: readonly PathSegment[],
): void {
  for (const [name, field] of [
    ['cpu', 'cpu'],
    ['memory', 'memory'],
    ['ephemeral-storage', 'ephemeralStorage'],
  ] as const) {
    const request = requests[name];
    const limit = limits[name];
    if (request !== undefined && limit !== undefined && quantityValue(limit) < quantityValue(request)) {
      throw new DslError({
        path: [...path, 'limits', field],
        problem: `the limit is below the request (${request})`,
        got: limit,
        fix: `Raise limits.${field} to at least ${request}, or lower ${field}`,
      });
    }
  }
}

const EXTENDED_RESOURCE =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)\/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/**
 * Checks the name of a GPU's extended resource: a domain-prefixed name such as `nvidia.com/gpu`
 * or `amd.com/gpu` (extended resources always carry their vendor's domain).
 *
 * @example
 * ```ts
 * checkExtendedResource('nvidia.com/gpu', ['component "train"', 'resources', 'gpu', 'resource']);
 * ```
 */
export function checkExtendedResource(name: unknown, path: readonly PathSegment[]): string {
  if (typeof name !== 'string' || !EXTENDED_RESOURCE.test(name) || name.startsWith('kubernetes.io/')) {
    throw new DslError({
      path,
      problem: 'not an extended resource name',
      got: name,
      fix: 'Use the device plugin\'s resource name, e.g. "nvidia.com/gpu" or "amd.com/gpu"',
    });
  }
  return name;
}
