import { DslError, seg } from '../errors.ts';
import { deferErrors } from './deferred.ts';
import { assertServableFormat } from './kserve-formats.ts';
import type { KServeDeploymentMode, KServeProtocol, KServeServingIR } from '../ir/index.ts';
import { assertDnsLabel } from '../common/names.ts';
import { resourcesToIR, securityToIR, type ResourceSpec, type SecuritySpec } from '../pipeline/pod-spec.ts';
import {
  assertInt,
  assertKnownKeys,
  assertStorageUri,
  assertToken,
  assertVersion,
  servingEnv,
  stringList,
  type ServingEnvValue,
} from './checks.ts';

/**
 * Options of {@link kserve}: the model the InferenceService serves now, and how it scales.
 *
 * @example
 * ```ts
 * kserve({ format: 'xgboost', storageUri: 's3://models/churn/v42', minReplicas: 2, maxReplicas: 8,
 *          resources: { cpu: '1', memory: '2Gi' } })
 * ```
 */
export interface KServeOptions {
  /**
   * Model format (`predictor.model.modelFormat`): a name or `{ name, version }`. Without `runtime`, one a
   * built-in KServe runtime serves (sklearn, xgboost, onnx, ...); with it, whatever that runtime declares.
   */
  readonly format: string | { readonly name: string; readonly version?: string };
  readonly storageUri: string;
  /** Version label; becomes `predictor.name` under canary/blue-green so a promotion restarts nothing. */
  readonly version?: string;
  /** A ServingRuntime/ClusterServingRuntime name; default: KServe picks one by format. */
  readonly runtime?: string;
  readonly protocolVersion?: KServeProtocol;
  /** `Standard` (default; Kubernetes Deployments, needed for `spec.canary`) or `Knative`. */
  readonly deploymentMode?: KServeDeploymentMode;
  readonly resources?: ResourceSpec;
  readonly minReplicas?: number;
  readonly maxReplicas?: number;
  /** `cpu`/`memory` (HPA) or `concurrency`/`rps` (Knative only). */
  readonly scaleMetric?: 'cpu' | 'memory' | 'concurrency' | 'rps';
  readonly scaleTarget?: number;
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, ServingEnvValue>>;
  /** A pre/post-processing container in front of the predictor. */
  readonly transformer?: {
    readonly image: string;
    readonly args?: readonly string[];
    readonly env?: Readonly<Record<string, ServingEnvValue>>;
    readonly resources?: ResourceSpec;
  };
  /** Payload logger: CloudEvents of every request/response sent to `url`. Required by shadow. */
  readonly logger?: { readonly url: string; readonly mode?: 'all' | 'request' | 'response' };
  readonly serviceAccount?: string;
  /** Relaxations of the restricted security profile. */
  readonly security?: SecuritySpec;
  /** Annotate for Prometheus scraping (`serving.kserve.io/enable-prometheus-scraping`). */
  readonly scrapeMetrics?: boolean;
  /**
   * Mirrored and A/B-routed requests keep their path (`/v1/models/<name>:predict`), so every extra
   * InferenceService (challenger, variant) must serve the model under the deployment's name. Argosy
   * passes `<flag>=<deployment>` to them; the default `--model_name` suits KServe's Python runtimes.
   * Use `false` for runtimes that take the name another way (and set it in `args`).
   */
  readonly modelNameArg?: string | false;
}

/**
 * A model served by a KServe InferenceService.
 * @example
 * ```ts
 * const serving: KServeServing = kserve({ format: 'sklearn', storageUri: 's3://models/iris/v1' });
 * ```
 */
export interface KServeServing {
  readonly kind: 'kserve';
  readonly ir: KServeServingIR;
}

const KEYS = [
  'format',
  'storageUri',
  'version',
  'runtime',
  'protocolVersion',
  'deploymentMode',
  'resources',
  'minReplicas',
  'maxReplicas',
  'scaleMetric',
  'scaleTarget',
  'args',
  'env',
  'transformer',
  'logger',
  'serviceAccount',
  'security',
  'scrapeMetrics',
  'modelNameArg',
] as const;

/**
 * Serves a model with a KServe `InferenceService` (`serving.kserve.io/v1beta1`). Argosy always
 * writes `predictor.model.modelFormat` (never the legacy framework keys the webhook would
 * rewrite) and always sets the `serving.kserve.io/deploymentMode` annotation.
 *
 * @example
 * ```ts
 * modelDeployment('churn-scorer', {
 *   serving: kserve({ format: 'xgboost', storageUri: 's3://models/churn/v42', version: 'v42', minReplicas: 2 }),
 *   strategy: canary({ candidate: { version: 'v43', storageUri: 's3://models/churn/v43' }, steps: [{ weight: 10, pause: minutes(10) }] }),
 * });
 * ```
 */
export function kserve(opts: KServeOptions): KServeServing {
  return deferErrors('kserve', () => buildKserve(opts));
}

function buildKserve(opts: KServeOptions): KServeServing {
  const path = ['kserve()'];
  assertKnownKeys(opts, KEYS, path, 'kserve()');
  const format = typeof opts.format === 'string' ? { name: opts.format } : opts.format;
  if (!format || typeof format.name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(format.name)) {
    throw new DslError({
      path: [...path, 'format'],
      problem: 'model format must be a name such as "sklearn" or "xgboost"',
      got: opts.format,
      fix: 'Pass format: "xgboost" or { name: "onnx", version: "1" }',
    });
  }
  assertServableFormat(format.name, opts.runtime, [...path, 'format']);
  const storageUri = assertStorageUri(opts.storageUri, [...path, 'storageUri']);
  const mode = opts.deploymentMode ?? 'Standard';
  if (mode !== 'Standard' && mode !== 'Knative') {
    throw new DslError({
      path: [...path, 'deploymentMode'],
      problem: 'unknown deployment mode',
      got: mode,
      fix: 'Use "Standard" or "Knative" (the legacy names RawDeployment/Serverless are rewritten by the webhook and show up as diffs)',
    });
  }
  if (opts.protocolVersion !== undefined && !['v1', 'v2', 'grpc-v1', 'grpc-v2'].includes(opts.protocolVersion)) {
    throw new DslError({
      path: [...path, 'protocolVersion'],
      problem: 'unknown protocol version',
      got: opts.protocolVersion,
      fix: 'Use "v1", "v2", "grpc-v1" or "grpc-v2"',
    });
  }
  const minReplicas = assertInt(opts.minReplicas ?? 1, [...path, 'minReplicas'], 0, 1000, 'Use e.g. minReplicas: 2');
  const maxReplicas =
    opts.maxReplicas === undefined
      ? undefined
      : assertInt(opts.maxReplicas, [...path, 'maxReplicas'], 1, 1000, 'Use e.g. maxReplicas: 10');
  if (maxReplicas !== undefined && minReplicas > maxReplicas) {
    throw new DslError({
      path: [...path, 'maxReplicas'],
      problem: `maxReplicas is below minReplicas (${minReplicas})`,
      got: maxReplicas,
      fix: 'Raise maxReplicas or lower minReplicas',
    });
  }
  if (opts.scaleMetric !== undefined && !['cpu', 'memory', 'concurrency', 'rps'].includes(opts.scaleMetric)) {
    throw new DslError({
      path: [...path, 'scaleMetric'],
      problem: 'unknown scale metric',
      got: opts.scaleMetric,
      fix: 'Use "cpu", "memory", "concurrency" or "rps"',
    });
  }
  if ((opts.scaleMetric === 'concurrency' || opts.scaleMetric === 'rps') && mode !== 'Knative') {
    throw new DslError({
      path: [...path, 'scaleMetric'],
      problem: `"${opts.scaleMetric}" scaling needs the Knative autoscaler`,
      got: opts.scaleMetric,
      fix: 'Use "cpu" or "memory" in Standard mode, or deploymentMode: "Knative"',
    });
  }
  if (opts.scaleTarget !== undefined && opts.scaleMetric === undefined) {
    throw new DslError({
      path: [...path, 'scaleTarget'],
      problem: 'scaleTarget without scaleMetric',
      got: opts.scaleTarget,
      fix: 'Add scaleMetric: "cpu" (target in percent) or another metric',
    });
  }
  const scaleTarget =
    opts.scaleTarget === undefined
      ? undefined
      : assertInt(opts.scaleTarget, [...path, 'scaleTarget'], 1, 1_000_000, 'Use e.g. scaleTarget: 70');
  if (opts.serviceAccount !== undefined)
    assertDnsLabel(opts.serviceAccount, [...path, 'serviceAccount'], 'service account name', 253);
  const logger = opts.logger;
  if (logger !== undefined) {
    assertToken(
      logger.url,
      [...path, 'logger', 'url'],
      'logger url',
      'Use e.g. "http://payload-sink.ml-logging.svc.cluster.local"',
    );
    if (logger.mode !== undefined && !['all', 'request', 'response'].includes(logger.mode)) {
      throw new DslError({
        path: [...path, 'logger', 'mode'],
        problem: 'unknown logger mode',
        got: logger.mode,
        fix: 'Use "all", "request" or "response"',
      });
    }
  }
  const t = opts.transformer;
  const resources = resourcesToIR(opts.resources, path);
  const tResources = t ? resourcesToIR(t.resources, [...path, 'transformer']) : undefined;
  const ir: KServeServingIR = {
    kind: 'kserve',
    deploymentMode: mode,
    format: { name: format.name, ...(format.version !== undefined ? { version: String(format.version) } : {}) },
    storageUri,
    ...(opts.version !== undefined ? { version: assertVersion(opts.version, [...path, 'version']) } : {}),
    ...(opts.runtime !== undefined
      ? {
          runtime: assertToken(
            opts.runtime,
            [...path, 'runtime'],
            'runtime',
            'Name a ServingRuntime, e.g. "kserve-xgbserver"',
          ),
        }
      : {}),
    ...(opts.protocolVersion ? { protocolVersion: opts.protocolVersion } : {}),
    args: stringList(opts.args, path, 'args'),
    env: servingEnv(opts.env, path),
    ...(resources ? { resources } : {}),
    minReplicas,
    ...(maxReplicas !== undefined ? { maxReplicas } : {}),
    ...(opts.scaleMetric ? { scaleMetric: opts.scaleMetric } : {}),
    ...(scaleTarget !== undefined ? { scaleTarget } : {}),
    ...(t
      ? {
          transformer: {
            image: assertToken(
              t.image,
              [...path, 'transformer', 'image'],
              'image',
              'Use e.g. "ghcr.io/acme/churn-features:3"',
            ),
            args: stringList(t.args, [...path, 'transformer'], 'args'),
            env: servingEnv(t.env, [...path, seg('transformer', t.image)]),
            ...(tResources ? { resources: tResources } : {}),
          },
        }
      : {}),
    ...(logger ? { logger: { url: logger.url, mode: logger.mode ?? 'all' } } : {}),
    ...(opts.serviceAccount ? { serviceAccountName: opts.serviceAccount } : {}),
    security: securityToIR(opts.security, path),
    scrapeMetrics: opts.scrapeMetrics ?? false,
    ...(opts.modelNameArg === false
      ? {}
      : {
          modelNameArg:
            opts.modelNameArg === undefined
              ? '--model_name'
              : assertToken(
                  opts.modelNameArg,
                  [...path, 'modelNameArg'],
                  'modelNameArg',
                  'Use e.g. "--model_name" or false',
                ),
        }),
  };
  return { kind: 'kserve', ir };
}
