import { DslError, seg, type PathSegment } from '../errors.ts';
import type { EnvVarIR } from '../ir/index.ts';
import { envToIR, type EnvValue } from '../pipeline/pod-spec.ts';
import type { Placeholder } from '../pipeline/placeholders.ts';
import { isPlaceholder } from '../pipeline/placeholders.ts';

/**
 * Environment values a serving container accepts: no component io placeholders.
 * @example
 * ```ts
 * env: { WORKERS: 4, API_TOKEN: secretKey('ranker', 'token') }
 * ```
 */
export type ServingEnvValue = Exclude<EnvValue, Placeholder>;

/** An integer within [min, max]; `what` names the rule in the error. */
export function assertInt(value: unknown, path: readonly PathSegment[], min: number, max: number, fix: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new DslError({ path, problem: `expected a whole number from ${min} to ${max}`, got: value, fix });
  }
  return value;
}

/** A finite number within [min, max]. */
export function assertNumber(
  value: unknown,
  path: readonly PathSegment[],
  min: number,
  max: number,
  fix: string,
): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new DslError({ path, problem: `expected a number from ${min} to ${max}`, got: value, fix });
  }
  return value;
}

/** A non-empty string without whitespace (image references, URIs). */
export function assertToken(value: unknown, path: readonly PathSegment[], what: string, fix: string): string {
  if (typeof value !== 'string' || value.length === 0 || /\s/.test(value)) {
    throw new DslError({ path, problem: `${what} must be a non-empty string without spaces`, got: value, fix });
  }
  return value;
}

/**
 * Storage schemes KServe's storage initializer and validation accept (v0.20 utils
 * SupportedStorageURIPrefixList, plus modelscope:// in the Python initializer); Azure Blob is
 * https://. Local absolute paths are allowed as well.
 */
const STORAGE_SCHEMES = [
  'gs://',
  's3://',
  'pvc://',
  'file://',
  'https://',
  'http://',
  'hdfs://',
  'webhdfs://',
  'oci://',
  'oci+native://',
  'oci+fetch://',
  'hf://',
  'modelscope://',
] as const;

/** A model location KServe can load: a known scheme or an absolute path. */
export function assertStorageUri(value: unknown, path: readonly PathSegment[]): string {
  const uri = assertToken(value, path, 'storageUri', 'Use e.g. "s3://models/churn/v42" or "pvc://models/churn"');
  if (!uri.startsWith('/') && !STORAGE_SCHEMES.some((p) => uri.startsWith(p) && uri.length > p.length)) {
    throw new DslError({
      path,
      problem: `KServe cannot load this storageUri: it supports ${STORAGE_SCHEMES.join(', ')} and absolute paths`,
      got: uri,
      fix: 'Use e.g. "s3://models/churn/v42"; Azure Blob is https://<account>.blob.core.windows.net/...',
    });
  }
  return uri;
}

// KServe's predictor name pattern (v0.20); a valid Kubernetes label value as well.
const VERSION = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** A model version label: lowercase, starts with a letter (KServe `predictor.name`). */
export function assertVersion(value: unknown, path: readonly PathSegment[]): string {
  if (typeof value !== 'string' || !VERSION.test(value) || value.length > 40) {
    throw new DslError({
      path,
      problem:
        'version must start with a letter and hold only lowercase letters, digits and "-" (at most 40 characters)',
      got: value,
      fix: 'Use e.g. "v43" or "churn-2026-10"',
    });
  }
  return value;
}

/** String arguments of a serving container. */
export function stringList(
  value: readonly unknown[] | undefined,
  path: readonly PathSegment[],
  what: string,
): string[] {
  return (value ?? []).map((v, i) => {
    if (typeof v !== 'string')
      throw new DslError({
        path: [...path, `${what}[${i}]`],
        problem: `${what} entries must be strings`,
        got: v,
        fix: 'Quote the value, e.g. "--workers=4"',
      });
    return v;
  });
}

/** Environment variables of a serving container; io placeholders belong to components only. */
export function servingEnv(
  env: Readonly<Record<string, ServingEnvValue>> | undefined,
  path: readonly PathSegment[],
): EnvVarIR[] {
  for (const [name, value] of Object.entries(env ?? {})) {
    if (isPlaceholder(value)) {
      throw new DslError({
        path: [...path, seg('env', name)],
        problem: 'component io placeholders have no meaning in a serving container',
        got: 'an io placeholder',
        fix: 'Use a literal, secretKey(), configMapKey() or fieldRef()',
      });
    }
  }
  return envToIR(env, path);
}

/** Rejects keys an options object does not know (a typo would otherwise be silently ignored). */
export function assertKnownKeys(
  value: object,
  known: readonly string[],
  path: readonly PathSegment[],
  what: string,
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new DslError({
        path: [...path, key],
        problem: `${what} has no option "${key}"`,
        got: key,
        fix: `Use one of: ${known.join(', ')}`,
      });
    }
  }
}
