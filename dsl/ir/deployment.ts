import type { EnvVarIR, PodSpecIR, ResourcesIR, SecurityIR } from './component.ts';
import type { AbTestIR } from './strategies/ab-test.ts';
import type { BlueGreenIR } from './strategies/blue-green.ts';
import type { CanaryIR } from './strategies/canary.ts';
import type { ShadowIR } from './strategies/shadow.ts';

/**
 * Model deployments: how a model is served (KServe InferenceService or a plain model-server
 * container run by an Argo Rollout) and how a new version reaches users (canary, shadow, A/B,
 * blue/green, champion/challenger). Plain data; every object name is resolved by the builder so
 * backends never invent names.
 */

/** What differs between the running model and a candidate. Unset fields are inherited. */
export interface ModelVersionIR {
  /** Version label; the KServe predictor name for `spec.canary[]` entries. */
  readonly version?: string;
  readonly storageUri?: string;
  readonly runtime?: string;
  readonly image?: string;
  readonly args?: readonly string[];
  readonly env?: readonly EnvVarIR[];
  readonly resources?: ResourcesIR;
}

export type KServeDeploymentMode = 'Standard' | 'Knative';
export type KServeProtocol = 'v1' | 'v2' | 'grpc-v1' | 'grpc-v2';

/** A container beside the predictor (KServe transformer). */
export interface KServeTransformerIR {
  readonly image: string;
  readonly args: readonly string[];
  readonly env: readonly EnvVarIR[];
  readonly resources?: ResourcesIR;
}

export interface KServeServingIR {
  readonly kind: 'kserve';
  readonly deploymentMode: KServeDeploymentMode;
  readonly format: { readonly name: string; readonly version?: string };
  readonly storageUri: string;
  /** KServe `predictor.name` (v0.20): names the predictor Deployment/Service `<isvc>-<version>-predictor`. */
  readonly version?: string;
  readonly runtime?: string;
  readonly protocolVersion?: KServeProtocol;
  readonly args: readonly string[];
  readonly env: readonly EnvVarIR[];
  readonly resources?: ResourcesIR;
  readonly minReplicas: number;
  readonly maxReplicas?: number;
  readonly scaleMetric?: 'cpu' | 'memory' | 'concurrency' | 'rps';
  readonly scaleTarget?: number;
  readonly transformer?: KServeTransformerIR;
  readonly logger?: { readonly url: string; readonly mode: 'all' | 'request' | 'response' };
  readonly serviceAccountName?: string;
  readonly security: SecurityIR;
  readonly scrapeMetrics: boolean;
  /** Flag that makes extra InferenceServices serve the model under the deployment's name. */
  readonly modelNameArg?: string;
}

export interface HttpProbeIR {
  readonly path: string;
  readonly initialDelaySeconds?: number;
  readonly periodSeconds?: number;
  readonly failureThreshold?: number;
}

export interface ServerServingIR {
  readonly kind: 'server';
  readonly image: string;
  readonly version?: string;
  readonly port: number;
  readonly protocol: 'http' | 'grpc';
  readonly command?: readonly string[];
  readonly args: readonly string[];
  readonly replicas: number;
  readonly probes: {
    readonly readiness?: HttpProbeIR;
    readonly liveness?: HttpProbeIR;
    readonly startup?: HttpProbeIR;
  };
  readonly pod: PodSpecIR;
  /** Prometheus scrape annotations on the pods (`prometheus.io/*`). */
  readonly metrics?: { readonly port: number; readonly path: string };
}

export type ServingIR = KServeServingIR | ServerServingIR;

/** Provider of one analysis metric (Argo Rollouts `provider`). */
export type MetricProviderIR =
  | { readonly kind: 'prometheus'; readonly query: string; readonly address?: string; readonly timeoutSeconds?: number }
  | {
      readonly kind: 'web';
      readonly url: string;
      readonly method: 'GET' | 'POST' | 'PUT';
      readonly headers: readonly { readonly key: string; readonly value: string }[];
      readonly body?: string;
      readonly jsonPath?: string;
      readonly timeoutSeconds?: number;
    }
  | {
      readonly kind: 'job';
      readonly image: string;
      readonly command: readonly string[];
      readonly args: readonly string[];
      readonly env: readonly EnvVarIR[];
      readonly resources?: ResourcesIR;
      readonly backoffLimit: number;
    };

/** One metric of an analysis (Argo Rollouts `metrics[]`); conditions are already rendered expressions. */
export interface MetricIR {
  readonly name: string;
  readonly provider: MetricProviderIR;
  /** Analysis arguments the provider's texts reference. */
  readonly args: readonly AnalysisArgName[];
  readonly successCondition?: string;
  readonly failureCondition?: string;
  readonly interval?: string;
  readonly intervalSeconds?: number;
  readonly initialDelay?: string;
  readonly count?: number;
  readonly failureLimit?: number;
  readonly inconclusiveLimit?: number;
  readonly consecutiveErrorLimit?: number;
}

/** A set of metrics that gates a rollout; becomes an AnalysisTemplate. */
export interface AnalysisIR {
  readonly metrics: readonly MetricIR[];
  /** Metrics that are measured but never fail the run. */
  readonly dryRun: readonly string[];
}

/**
 * The arguments analysis queries may reference as `{{args.<name>}}`: the Service of the version
 * under test, the Service of the version it is compared with, and the namespace.
 */
export type AnalysisArgName = 'service' | 'baseline-service' | 'namespace';

/** A container a KServe promotion workflow runs after the switch to record the promotion in git. */
export interface RecorderIR {
  readonly image: string;
  readonly command: readonly string[];
  readonly args: readonly string[];
  readonly env: readonly EnvVarIR[];
  readonly resources?: ResourcesIR;
}

export interface ChampionChallengerIR {
  readonly kind: 'championChallenger';
  /** The offline gate: the training pipeline that only registers challengers beating the champion, and an optional deploy-time check. */
  readonly offlineGate: { readonly pipeline?: string; readonly verify?: AnalysisIR };
  readonly online: ShadowIR | AbTestIR;
}

/** Every delivery strategy; a new one adds its IR type here (see docs/architecture.md). */
export type StrategyIR = CanaryIR | ShadowIR | AbTestIR | BlueGreenIR | ChampionChallengerIR;

/** Which traffic layer routes requests between versions; `routing` is how a plain server's Rollout splits with Istio. */
export type MeshIR =
  | {
      readonly kind: 'istio';
      readonly gateways: readonly string[];
      readonly hosts: readonly string[];
      readonly routing: 'hosts' | 'subsets';
    }
  | { readonly kind: 'none' };

/** Purposes an analysis serves in a deployment; each becomes an AnalysisTemplate `<deployment>-<role>`. */
export type AnalysisRole =
  'canary' | 'shadow' | 'ab-test' | 'guardrails' | 'pre-promotion' | 'post-promotion' | 'offline-gate';

/** Every object name of a deployment, chosen once by the builder. */
export interface DeploymentNamesIR {
  /** The Rollout (server) or the primary InferenceService (KServe). */
  readonly workload: string;
  /** Server: the Service clients call (blue/green: the active Service). */
  readonly service?: string;
  readonly canaryService?: string;
  readonly stableService?: string;
  readonly previewService?: string;
  /**
   * Server with a weighted A/B experiment and scraped metrics: the PodMonitor that labels the
   * experiment arms' series with their Service (`service="<name>-<arm>"`), since the Services
   * Argo Rollouts creates for an experiment carry no labels a ServiceMonitor could select.
   */
  readonly podMonitor?: string;
  /** Server: the pods' ServiceAccount. */
  readonly serviceAccount?: string;
  /** KServe: extra InferenceServices by variant/challenger name. */
  readonly inferenceServices: Readonly<Record<string, string>>;
  readonly virtualService?: string;
  /** Server with subset-level routing: the DestinationRule whose `stable`/`canary` subsets Argo Rollouts relabels. */
  readonly destinationRule?: string;
  readonly analysisTemplates: Readonly<Partial<Record<AnalysisRole, string>>>;
  /** KServe: the promotion/evaluation WorkflowTemplate and its least-privilege ServiceAccount/Role/RoleBinding. */
  readonly workflow?: string;
  /**
   * KServe: the Argo CD PostSync hook Workflow (generateName prefix) that submits `workflow`
   * after each sync, with its own ServiceAccount/Role/RoleBinding of the same name.
   */
  readonly trigger?: string;
  /**
   * KServe canary/blue-green: the Argo CD Sync hook Workflow (wave -1) (generateName prefix) that hands
   * the traffic field over between promotion runs and git; runs as the `workflow`'s account
   * (`<name>-promote`), which exists whenever this does.
   */
  readonly handover?: string;
  /** KServe: whether the primary predictor is named after `serving.version` (canary, blue/green). */
  readonly namedPredictor?: string;
  /** KServe: the predictor Service of the primary InferenceService and of each candidate by name. */
  readonly predictorServices?: { readonly primary: string; readonly byName: Readonly<Record<string, string>> };
  /** Where each analysis runs: one entry per arm under test, with the values of its arguments. */
  readonly analysisArgs: Readonly<Partial<Record<AnalysisRole, readonly ArmArgsIR[]>>>;
}

/** Values of `{{args.service}}` and `{{args.baseline-service}}` for one arm under test. */
export interface ArmArgsIR {
  readonly arm: string;
  readonly service: string;
  readonly baselineService?: string;
}

/** One model deployment in one environment. */
export interface DeploymentIR {
  readonly name: string;
  readonly description?: string;
  readonly serving: ServingIR;
  readonly strategy: StrategyIR;
  readonly mesh: MeshIR;
  readonly names: DeploymentNamesIR;
  /** Every object the backends emit for this deployment, for collision checks and review. */
  readonly objects: readonly { readonly kind: string; readonly name: string }[];
  readonly labels: Readonly<Record<string, string>>;
}
