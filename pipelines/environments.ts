import { DslError, environment, type Environment, type MonitoringSpec } from '../dsl/index.ts';

/** Staging: same pipelines on the staging warehouse, run on demand; drift checks run daily but only report. */
export const staging = environment('staging', { namespace: 'ml-staging', labels: { 'dsrpmart.io/env': 'staging' } });
/** Production: everything runs on schedule and drift triggers retraining. */
export const production = environment('production', {
  namespace: 'ml-production',
  labels: { 'dsrpmart.io/env': 'production' },
  // Production follows the release branch and self-heals; staging follows main.
  argocd: { targetRevision: 'production', automated: { prune: true, selfHeal: true } },
});

/** What differs between environments, in one typed place every use case reads. */
export interface EnvSettings {
  /** Training and batch schedules are created suspended (started by hand from the Argo UI). */
  readonly suspendSchedules: boolean;
  /** Drift checks may start a retraining run; otherwise they only report and alert. */
  readonly autoRetrain: boolean;
  /** How a promoted model version reaches the GitOps repository, and on which branch. */
  readonly promotion: { readonly promotion: 'pull-request' | 'commit'; readonly gitopsBranch: string };
  /** Where batch outputs are published for the services that read them. */
  readonly dataBucket: string;
  /** Parallel shards of the product ranking batch and how many run at once. */
  readonly rankingShards: { readonly count: number; readonly parallelism: number };
  /** Severity and labels of every alert. */
  readonly alerting: Pick<MonitoringSpec, 'severity'>;
}

const SETTINGS: Readonly<Record<string, EnvSettings>> = {
  staging: {
    suspendSchedules: true,
    autoRetrain: false,
    promotion: { promotion: 'commit', gitopsBranch: 'staging' },
    dataBucket: 's3://dsrpmart-ml-staging',
    rankingShards: { count: 2, parallelism: 2 },
    alerting: { severity: { latency: 'info', errors: 'info', drift: 'info', schedule: 'info' } },
  },
  production: {
    suspendSchedules: false,
    autoRetrain: true,
    promotion: { promotion: 'pull-request', gitopsBranch: 'main' },
    dataBucket: 's3://dsrpmart-ml-production',
    rankingShards: { count: 8, parallelism: 4 },
    alerting: {},
  },
};

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
    throw new DslError({ path: [`environment "${env.name}"`], problem: 'the environment has no DSRPMart settings', got: env.name, fix: 'Add an entry to SETTINGS in pipelines/environments.ts' });
  }
  return found;
}
