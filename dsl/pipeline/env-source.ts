import { DslError, type PathSegment } from '../errors.ts';
import type { EnvVarIR } from '../ir/index.ts';
import { assertDnsSubdomain } from '../common/names.ts';

// Pod fields the kubelet can put in an environment variable (Kubernetes' downward API for env;
// labels and annotations take one key in brackets).
const ENV_FIELDS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
const KEYED_FIELD = /^metadata\.(labels|annotations)\['[^'\]]+'\]$/;
// A Secret or ConfigMap key: what Kubernetes accepts as a data key.
const DATA_KEY = /^[-._a-zA-Z0-9]+$/;

const SOURCES_FIX =
  "Use a string, number or boolean, or secretKey('<secret>', '<key>'), configMapKey('<configmap>', '<key>') or fieldRef('metadata.name')";

/**
 * The IR of an environment variable whose value is not a literal: a Secret key, a ConfigMap key
 * or a pod field (anything else, `undefined` included, is refused). Checked here because a JavaScript caller (or a cast) can hand over any object:
 * without `from`, or with an empty Secret name, it would otherwise reach the YAML and fail only
 * when the pod starts.
 *
 * @example
 * ```ts
 * envSourceToIR('TOKEN', secretKey('mlflow', 'token'), ['component "train"', 'env "TOKEN"']);
 * // { name: 'TOKEN', secretKeyRef: { name: 'mlflow', key: 'token' } }
 * ```
 */
export function envSourceToIR(name: string, value: unknown, at: readonly PathSegment[]): EnvVarIR {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (
    typeof value !== 'object' ||
    value === null ||
    (v.from !== 'secret' && v.from !== 'configMap' && v.from !== 'field')
  ) {
    throw new DslError({
      path: at,
      problem: 'an environment variable needs a value, or a source with from: "secret", "configMap" or "field"',
      got: value,
      fix: SOURCES_FIX,
    });
  }
  if (v.from === 'field') {
    const fieldPath = v.fieldPath;
    if (typeof fieldPath !== 'string' || !(ENV_FIELDS.includes(fieldPath) || KEYED_FIELD.test(fieldPath))) {
      throw new DslError({
        path: [...at, 'fieldPath'],
        problem: 'not a pod field an environment variable can read',
        got: fieldPath,
        fix: `Use one of ${ENV_FIELDS.join(', ')}, metadata.labels['<key>'] or metadata.annotations['<key>']`,
      });
    }
    return { name, fieldRef: { fieldPath } };
  }
  const kind = v.from === 'secret' ? 'Secret' : 'ConfigMap';
  const ref = {
    name: assertDnsSubdomain(v.name, [...at, 'name'], `${kind} name`),
    key: dataKey(v.key, [...at, 'key'], kind),
    ...(optionalFlag(v.optional, [...at, 'optional']) ? { optional: true } : {}),
  };
  return v.from === 'secret' ? { name, secretKeyRef: ref } : { name, configMapKeyRef: ref };
}

function dataKey(key: unknown, path: readonly PathSegment[], kind: string): string {
  if (typeof key !== 'string' || key.length > 253 || !DATA_KEY.test(key) || key === '.' || key === '..') {
    throw new DslError({
      path,
      problem: `not a valid ${kind} key`,
      got: key,
      fix: `Use the key's name in the ${kind}: letters, digits, "-", "_" and ".", e.g. "token"`,
    });
  }
  return key;
}

function optionalFlag(optional: unknown, path: readonly PathSegment[]): boolean {
  if (optional !== undefined && typeof optional !== 'boolean') {
    throw new DslError({
      path,
      problem: 'optional must be true or false',
      got: optional,
      fix: 'Use { optional: true }',
    });
  }
  return optional === true;
}
