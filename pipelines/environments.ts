import {
  days,
  DslError,
  environment,
  hours,
  minutes,
  payloadSink,
  type CanaryStep,
  type Duration,
  type Environment,
  type MonitoringSpec,
  type PayloadSink,
} from 'argosy';
import { servingVersion } from './shared/model-versions.ts';

/**
 * Staging: same pipelines on the staging warehouse, run on demand; drift checks run daily but only report.
 * Not `suspendSchedules: true`: that suspends every schedule of the environment, drift checks
 * included, so staging suspends its training and batch schedules through `settings(env).suspendSchedules`.
 */
export const staging = environment('staging', { namespace: 'ml-staging', labels: { 'dsrpmart.io/env': 'staging' } });
/** Production: everything runs on schedule and drift triggers retraining. */
export const production = environment('production', {
  namespace: 'ml-production',
  labels: { 'dsrpmart.io/env': 'production' },
  // Production follows the release branch and self-heals; staging follows main.
  argocd: { targetRevision: 'production', automated: { prune: true, selfHeal: true } },
});

/** Autoscaling bounds of a KServe model. */
export interface Scale {
  readonly min: number;
  readonly max: number;
}

/** What differs between environments, in one typed place every use case reads. */
export interface EnvSettings {
  /**
   * Training and batch schedules are created suspended (started by hand from the Argo UI); every
   * such schedule passes it as `suspend`. A setting rather than `environment(..., { suspendSchedules })`
   * because the environment switch would also suspend the daily drift checks, which staging keeps
   * running to exercise the monitoring path (`driftSchedule` does not read this). An app that forgets
   * it fails the staging test in pipelines/use-cases.test.ts, which checks every app's schedules.
   */
  readonly suspendSchedules: boolean;
  /** Drift checks may start a retraining run; otherwise they only report and alert. */
  readonly autoRetrain: boolean;
  /**
   * How a promoted model version reaches the GitOps repository: its section of the versions file,
   * the merge policy of its pull request (reviewed, or merged by CI once dist/ is regenerated and
   * the checks pass) and the base branch.
   */
  readonly promotion: {
    readonly gitopsEnvironment: 'staging' | 'production';
    readonly promotion: 'pull-request' | 'auto-merge';
    readonly gitopsBranch: string;
  };
  /** Where batch outputs are published for the services that read them. */
  readonly dataBucket: string;
  /** Parallel shards of the product ranking batch and how many run at once. */
  readonly rankingShards: { readonly count: number; readonly parallelism: number };
  /** Severity and labels of every alert. */
  readonly alerting: Pick<MonitoringSpec, 'severity'>;
  /** Capacity of the real-time models: KServe autoscaling bounds, replicas of the ranker Rollout. */
  readonly replicas: {
    readonly ctrCategories: Scale;
    readonly discountOptimizer: Scale;
    readonly searchRetriever: Scale;
    readonly productRanker: number;
  };
  /**
   * Pace of model rollouts. Staging walks every strategy quickly on its little traffic, so a
   * broken rollout path shows up before production; production waits for enough traffic per step.
   */
  readonly rollout: {
    readonly canarySteps: readonly CanaryStep[];
    readonly shadow: { readonly mirrorPercent: number; readonly duration: Duration };
    readonly abTest: { readonly duration: Duration; readonly minSamplesPerArm: number };
  };
  /** Prometheus the rollout analyses query. */
  readonly prometheus: string;
  /** Where the endpoints log request/response payloads (the ml_logs.* tables the drift checks read). */
  readonly payloadSink: PayloadSink;
}

const SETTINGS: Readonly<Record<string, EnvSettings>> = {
  staging: {
    suspendSchedules: true,
    autoRetrain: false,
    promotion: { gitopsEnvironment: 'staging', promotion: 'auto-merge', gitopsBranch: 'main' },
    dataBucket: 's3://dsrpmart-ml-staging',
    rankingShards: { count: 2, parallelism: 2 },
    alerting: { severity: { latency: 'info', errors: 'info', drift: 'info', schedule: 'info' } },
    replicas: {
      ctrCategories: { min: 1, max: 2 },
      discountOptimizer: { min: 1, max: 2 },
      searchRetriever: { min: 1, max: 2 },
      productRanker: 2,
    },
    rollout: {
      canarySteps: [{ weight: 50, pause: minutes(5) }],
      shadow: { mirrorPercent: 100, duration: minutes(30) },
      abTest: { duration: hours(4), minSamplesPerArm: 500 },
    },
    prometheus: 'http://prometheus-operated.monitoring.svc:9090',
    payloadSink: payloadSink({ url: 'http://payload-logger.ml-logging-staging.svc.cluster.local' }),
  },
  production: {
    suspendSchedules: false,
    autoRetrain: true,
    promotion: { gitopsEnvironment: 'production', promotion: 'pull-request', gitopsBranch: 'main' },
    dataBucket: 's3://dsrpmart-ml-production',
    rankingShards: { count: 8, parallelism: 4 },
    alerting: {},
    replicas: {
      ctrCategories: { min: 3, max: 12 },
      discountOptimizer: { min: 2, max: 6 },
      searchRetriever: { min: 4, max: 16 },
      productRanker: 6,
    },
    rollout: {
      canarySteps: [
        { weight: 10, pause: minutes(15) },
        { weight: 25, pause: minutes(30) },
        { weight: 50, pause: hours(1) },
      ],
      shadow: { mirrorPercent: 50, duration: hours(6) },
      abTest: { duration: days(7), minSamplesPerArm: 50_000 },
    },
    prometheus: 'http://prometheus-operated.monitoring.svc:9090',
    payloadSink: payloadSink({ url: 'http://payload-logger.ml-logging.svc.cluster.local' }),
  },
};

/**
 * Arguments of a run that may promote `model`: the environment's promotion settings and the
 * version serving there (the champion the challenger must beat), from pipelines/model-versions.json.
 *
 * @example
 * ```ts
 * schedule(ctrTraining, { ..., args: { snapshotDate: runtime.scheduledTime, ...promotionArgs(env, CTR_MODEL) } });
 * ```
 */
export function promotionArgs(
  env: Environment,
  model: string,
): EnvSettings['promotion'] & { readonly championVersion: string } {
  return { ...settings(env).promotion, championVersion: servingVersion(env, model) };
}

/**
 * The settings of an environment; throws for an environment this project does not know, so a new
 * one cannot silently inherit another's behaviour.
 *
 * @example
 * ```ts
 * app('discounts', (env) => { const s = settings(env); ... });
 * ```
 */
export function settings(env: Environment): EnvSettings {
  const found = SETTINGS[env.name];
  if (!found) {
    throw new DslError({
      path: [`environment "${env.name}"`],
      problem: 'the environment has no DSRPMart settings',
      got: env.name,
      fix: 'Add an entry to SETTINGS in pipelines/environments.ts',
    });
  }
  return found;
}
