import { DslError } from '../errors.ts';
import { deferErrors } from './deferred.ts';
import type { HttpProbeIR, ServerServingIR } from '../ir/index.ts';
import { podToIR, type PodOptions } from '../pipeline/pod-spec.ts';
import {
  assertInt,
  assertKnownKeys,
  assertToken,
  assertVersion,
  servingEnv,
  stringList,
  type ServingEnvValue,
} from './checks.ts';
import { toSeconds, type Duration } from '../common/duration.ts';
import type { PathSegment } from '../errors.ts';

/**
 * An HTTP probe: a path, or a path with timings.
 *
 * @example
 * ```ts
 * probes: { readiness: '/v2/health/ready', liveness: { path: '/v2/health/live', initialDelay: seconds(30) } }
 * ```
 */
export type HttpProbe =
  | string
  | {
      readonly path: string;
      readonly initialDelay?: Duration;
      readonly period?: Duration;
      readonly failureThreshold?: number;
    };

/**
 * Options of {@link server}: a model-server container (its image holds or fetches the model).
 *
 * @example
 * ```ts
 * server({ image: 'ghcr.io/acme/ranker:7', port: 8080, replicas: 4, resources: { cpu: '2', memory: '4Gi' },
 *          probes: { readiness: '/healthz' } })
 * ```
 */
export interface ServerOptions extends Omit<PodOptions, 'workingDir'> {
  readonly image: string;
  readonly port: number;
  /** Port protocol, used for the Service port name Istio reads. Default `http`. */
  readonly protocol?: 'http' | 'grpc';
  /** Version label (`app.kubernetes.io/version` on the pods, so Istio telemetry tells versions apart). */
  readonly version?: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, ServingEnvValue>>;
  readonly replicas?: number;
  readonly probes?: { readonly readiness?: HttpProbe; readonly liveness?: HttpProbe; readonly startup?: HttpProbe };
  /** Prometheus scrape annotations for the pods; `port` defaults to the serving port. */
  readonly metrics?: { readonly port?: number; readonly path?: string };
}

/**
 * A model served by a plain container, rolled out by an Argo Rollout.
 * @example
 * ```ts
 * const serving: ServerServing = server({ image: 'ghcr.io/acme/ranker:7', port: 8080 });
 * ```
 */
export interface ServerServing {
  readonly kind: 'server';
  readonly ir: ServerServingIR;
}

const KEYS = [
  'image',
  'port',
  'protocol',
  'version',
  'command',
  'args',
  'env',
  'replicas',
  'probes',
  'metrics',
  'resources',
  'volumes',
  'nodeSelector',
  'tolerations',
  'affinity',
  'serviceAccount',
  'podLabels',
  'podAnnotations',
  'security',
  'imagePullPolicy',
] as const;

/**
 * Serves a model with a plain model-server container. Argosy writes an Argo Rollout (pod template
 * inline) plus the Services the strategy needs; the pods run under their own ServiceAccount with
 * the restricted security profile.
 *
 * @example
 * ```ts
 * modelDeployment('ranker', {
 *   serving: server({ image: 'ghcr.io/acme/ranker:7', port: 8080, replicas: 4, probes: { readiness: '/healthz' } }),
 *   strategy: canary({ steps: [{ weight: 20, pause: minutes(15) }, { weight: 50, pause: minutes(30) }] }),
 * });
 * ```
 */
export function server(opts: ServerOptions): ServerServing {
  return deferErrors('server', () => buildServer(opts));
}

function buildServer(opts: ServerOptions): ServerServing {
  const path = ['server()'];
  assertKnownKeys(opts, KEYS, path, 'server()');
  const image = assertToken(opts.image, [...path, 'image'], 'image', 'Use e.g. "ghcr.io/acme/ranker:7"');
  const port = assertInt(opts.port, [...path, 'port'], 1, 65535, 'Use the port the server listens on, e.g. 8080');
  const protocol = opts.protocol ?? 'http';
  if (protocol !== 'http' && protocol !== 'grpc') {
    throw new DslError({
      path: [...path, 'protocol'],
      problem: 'unknown protocol',
      got: protocol,
      fix: 'Use "http" or "grpc"',
    });
  }
  const probes = opts.probes ?? {};
  assertKnownKeys(probes, ['readiness', 'liveness', 'startup'], [...path, 'probes'], 'probes');
  const metricsPort =
    opts.metrics?.port === undefined
      ? port
      : assertInt(opts.metrics.port, [...path, 'metrics', 'port'], 1, 65535, 'Use e.g. 9090');
  const ir: ServerServingIR = {
    kind: 'server',
    image,
    ...(opts.version !== undefined ? { version: assertVersion(opts.version, [...path, 'version']) } : {}),
    port,
    protocol,
    ...(opts.command !== undefined ? { command: stringList(opts.command, path, 'command') } : {}),
    args: stringList(opts.args, path, 'args'),
    replicas: assertInt(opts.replicas ?? 1, [...path, 'replicas'], 1, 1000, 'Use e.g. replicas: 3'),
    probes: {
      ...(probes.readiness !== undefined
        ? { readiness: probeToIR(probes.readiness, [...path, 'probes', 'readiness']) }
        : {}),
      ...(probes.liveness !== undefined
        ? { liveness: probeToIR(probes.liveness, [...path, 'probes', 'liveness']) }
        : {}),
      ...(probes.startup !== undefined ? { startup: probeToIR(probes.startup, [...path, 'probes', 'startup']) } : {}),
    },
    // Env goes through servingEnv first so io placeholders are rejected with a serving-specific message.
    pod: podToIR({ ...opts, env: undefined }, path, servingEnv(opts.env, path)),
    ...(opts.metrics ? { metrics: { port: metricsPort, path: opts.metrics.path ?? '/metrics' } } : {}),
  };
  return { kind: 'server', ir };
}

function probeToIR(p: HttpProbe, path: readonly PathSegment[]): HttpProbeIR {
  const spec = typeof p === 'string' ? { path: p } : p;
  if (typeof spec.path !== 'string' || !spec.path.startsWith('/')) {
    throw new DslError({ path, problem: 'probe path must start with "/"', got: spec.path, fix: 'Use e.g. "/healthz"' });
  }
  return {
    path: spec.path,
    ...(spec.initialDelay !== undefined
      ? { initialDelaySeconds: toSeconds(spec.initialDelay, [...path, 'initialDelay']) }
      : {}),
    ...(spec.period !== undefined ? { periodSeconds: toSeconds(spec.period, [...path, 'period']) } : {}),
    ...(spec.failureThreshold !== undefined
      ? { failureThreshold: assertInt(spec.failureThreshold, [...path, 'failureThreshold'], 1, 100, 'Use e.g. 3') }
      : {}),
  };
}
