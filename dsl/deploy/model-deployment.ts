import { attachErrors, errorCount, errorsSince, markBroken, recover } from '../common/collect.ts';
import { DslError, seg } from '../errors.ts';
import { reportDeferred } from './deferred.ts';
import type { DeploymentIR } from '../ir/index.ts';
import { assertDnsLabel } from '../common/names.ts';
import { assertKnownKeys, assertToken } from './checks.ts';
import { withArmTelemetry } from './arm-telemetry.ts';
import { checkArgsAvailable, checkCombination, withPrometheus } from './deployment-rules.ts';
import { STRATEGY_MODELS } from '../ir/strategy.ts';
import { istio, type Mesh } from './mesh.ts';
import { assertNameLengths, planNames, plannedObjects } from './plan.ts';
import type { KServeServing } from './serving-kserve.ts';
import type { ServerServing } from './serving-server.ts';
import type { AbTestStrategy } from './strategy-ab-test.ts';
import type { BlueGreenStrategy } from './strategy-blue-green.ts';
import type { CanaryStrategy } from './strategy-canary.ts';
import type { ChampionChallengerStrategy } from './strategy-champion-challenger.ts';
import type { ShadowStrategy } from './strategy-shadow.ts';

/**
 * How a new model version reaches users.
 * @example
 * ```ts
 * const strategy: Strategy = env.name === 'production' ? canary({ steps }) : blueGreen();
 * ```
 */
export type Strategy =
  CanaryStrategy | ShadowStrategy | AbTestStrategy | BlueGreenStrategy | ChampionChallengerStrategy;

/**
 * Options of {@link modelDeployment}. Per-environment differences (replicas, steps) come from
 * building the deployment inside `app(name, (env) => ...)`.
 *
 * @example
 * ```ts
 * { serving: kserve({...}), strategy: canary({...}), prometheus: 'http://prometheus.monitoring:9090' }
 * ```
 */
export interface ModelDeploymentOptions {
  /** The model serving today (and its scaling); strategies describe the new version relative to it. */
  readonly serving: KServeServing | ServerServing;
  readonly strategy: Strategy;
  /** Traffic layer; default `istio()`. `'none'` allows only strategies that need no routing. */
  readonly mesh?: Mesh | 'none';
  /** Default Prometheus URL of every Prometheus metric and A/B statistic. */
  readonly prometheus?: string;
  readonly description?: string;
  /** Extra labels on every object of the deployment. */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * A model deployment; add it to an app's `deployments`.
 * @example
 * ```ts
 * const churn: ModelDeployment = modelDeployment('churn', { serving, strategy });
 * app('churn', { deployments: [churn] });
 * ```
 */
export interface ModelDeployment {
  readonly kind: 'modelDeployment';
  readonly name: string;
  readonly ir: DeploymentIR;
}

const STRATEGIES = [...Object.keys(STRATEGY_MODELS), 'championChallenger'];

/**
 * Declares how a model is served and how new versions reach users. `argosy synth` writes every
 * object the strategy needs (Rollout or InferenceService, Services, Istio routing,
 * AnalysisTemplates, KServe promotion workflows with their RBAC), gated by metrics so a bad
 * model is rolled back without a human.
 *
 * @example
 * ```ts
 * export const churnServing = (env: Environment) => modelDeployment('churn-scorer', {
 *   serving: kserve({ format: 'xgboost', storageUri: 's3://models/churn/v42', version: 'v42',
 *                     minReplicas: env.name === 'production' ? 3 : 1 }),
 *   strategy: canary({
 *     candidate: { version: 'v43', storageUri: 's3://models/churn/v43' },
 *     steps: [{ weight: 10, pause: minutes(10) }, { weight: 50, pause: minutes(30) }],
 *     analysis: analysis({ interval: minutes(1), metrics: [metric.prometheus('error-rate', { query: errorRate(), success: below(0.01) })] }),
 *   }),
 *   prometheus: 'http://prometheus.monitoring:9090',
 * });
 * ```
 */
export function modelDeployment(name: string, opts: ModelDeploymentOptions): ModelDeployment {
  const before = errorCount();
  const standIn = (): ModelDeployment => brokenDeployment(name);
  return attachErrors(
    recover(() => buildDeployment(name, opts) ?? standIn(), standIn),
    errorsSince(before),
  );
}

/** What a deployment that failed to build leaves behind, marked broken. */
function brokenDeployment(name: unknown): ModelDeployment {
  const ir = { name: String(name), objects: [], labels: {} } as unknown as DeploymentIR;
  return markBroken({ kind: 'modelDeployment', name: String(name), ir });
}

function buildDeployment(name: string, opts: ModelDeploymentOptions): ModelDeployment | undefined {
  const path = [seg('deployment', String(name))];
  assertDnsLabel(name, path, 'deployment name', 40);
  // The serving, strategy and mesh were built before this call: their mistakes are named here.
  if (reportDeferred([opts?.serving, opts?.strategy, opts?.mesh], path)) return undefined;
  assertKnownKeys(
    opts,
    ['serving', 'strategy', 'mesh', 'prometheus', 'description', 'labels'],
    path,
    'modelDeployment()',
  );
  const serving = opts.serving;
  if (!serving || (serving.kind !== 'kserve' && serving.kind !== 'server')) {
    throw new DslError({
      path: [...path, 'serving'],
      problem: 'expected a serving spec',
      got: serving,
      fix: 'Use kserve({...}) or server({...})',
    });
  }
  const strategy = opts.strategy;
  if (!strategy || !STRATEGIES.includes((strategy as { kind: string }).kind)) {
    throw new DslError({
      path: [...path, 'strategy'],
      problem: 'expected a delivery strategy',
      got: strategy,
      fix: 'Use canary(), shadow(), abTest(), blueGreen() or championChallenger()',
    });
  }
  const meshOpt = opts.mesh ?? istio();
  if (meshOpt !== 'none' && (meshOpt as Mesh).kind !== 'mesh') {
    throw new DslError({
      path: [...path, 'mesh'],
      problem: 'expected istio(...) or "none"',
      got: meshOpt,
      fix: 'Use mesh: istio() or mesh: "none"',
    });
  }
  const mesh = meshOpt === 'none' ? ({ kind: 'none' } as const) : meshOpt.ir;
  if (opts.prometheus !== undefined)
    assertToken(opts.prometheus, [...path, 'prometheus'], 'prometheus', 'Use e.g. "http://prometheus.monitoring:9090"');
  checkCombination(serving.ir, strategy.ir, mesh, path);
  const resolved = withArmTelemetry(withPrometheus(strategy.ir, opts.prometheus, path), serving.ir, mesh, name, path);
  const names = planNames(name, serving.ir, resolved, mesh);
  checkArgsAvailable(resolved, names, path);
  const objects = plannedObjects(serving.ir, names);
  assertNameLengths(
    [
      ...objects.map((o) => o.name),
      ...Object.values(names.predictorServices?.byName ?? {}),
      ...(names.predictorServices ? [names.predictorServices.primary] : []),
    ],
    path,
  );
  return {
    kind: 'modelDeployment',
    name,
    ir: {
      name,
      ...(opts.description ? { description: opts.description } : {}),
      serving: serving.ir,
      strategy: resolved,
      mesh,
      names,
      objects,
      labels: { ...(opts.labels ?? {}), 'argosy.dev/model-deployment': name },
    },
  };
}
