import type { PathSegment } from '../errors.ts';
import type { ModelVersionIR } from '../ir/index.ts';
import { resourcesToIR, type ResourceSpec } from '../pipeline/pod-spec.ts';
import { assertKnownKeys, assertToken, assertVersion, servingEnv, stringList, type ServingEnvValue } from './checks.ts';

/**
 * What a new model version changes relative to the running one (`serving`). Fields left out are
 * inherited. KServe versions change `storageUri` (and maybe `runtime`); plain servers change
 * `image`, `args` or `env`.
 *
 * @example
 * ```ts
 * canary({ candidate: { version: 'v43', storageUri: 's3://models/churn/v43' }, steps: [...] })
 * canary({ candidate: { version: 'v43', image: 'ghcr.io/acme/churn-server:43' }, steps: [...] })
 * ```
 */
export interface ModelVersion {
  /** Version label (lowercase, starts with a letter); the KServe predictor name of a canary. */
  readonly version?: string;
  readonly storageUri?: string;
  readonly runtime?: string;
  readonly image?: string;
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, ServingEnvValue>>;
  readonly resources?: ResourceSpec;
}

const KEYS = ['version', 'storageUri', 'runtime', 'image', 'args', 'env', 'resources'] as const;

/** Validates a model version and converts it to IR. */
export function versionToIR(v: ModelVersion, path: readonly PathSegment[]): ModelVersionIR {
  assertKnownKeys(v, KEYS, path, 'a model version');
  const resources = resourcesToIR(v.resources, path);
  return {
    ...(v.version !== undefined ? { version: assertVersion(v.version, [...path, 'version']) } : {}),
    ...(v.storageUri !== undefined
      ? {
          storageUri: assertToken(
            v.storageUri,
            [...path, 'storageUri'],
            'storageUri',
            'Use e.g. "s3://models/churn/v43"',
          ),
        }
      : {}),
    ...(v.runtime !== undefined
      ? {
          runtime: assertToken(
            v.runtime,
            [...path, 'runtime'],
            'runtime',
            'Name a ServingRuntime, e.g. "kserve-xgbserver"',
          ),
        }
      : {}),
    ...(v.image !== undefined
      ? { image: assertToken(v.image, [...path, 'image'], 'image', 'Use e.g. "ghcr.io/acme/churn-server:43"') }
      : {}),
    ...(v.args !== undefined ? { args: stringList(v.args, path, 'args') } : {}),
    ...(v.env !== undefined ? { env: servingEnv(v.env, path) } : {}),
    ...(resources ? { resources } : {}),
  };
}
