/**
 * Argosy's authoring API: components, pipelines, schedules, model deployments and projects, with typed wiring.
 * This is the only module user code imports from.
 *
 * @example
 * ```ts
 * import { component, pipeline, param, artifact, schedule, cron, runtime } from './index.ts';
 * ```
 */
export { component } from './pipeline/component.ts';
export { portEnvName } from './pipeline/script-env.ts';
export type {
  Component,
  ComponentSpec,
  ComponentIO,
  CommandSpec,
  ScriptSpec,
  AnyComponent,
} from './pipeline/component.ts';
export { param, artifact, ParamPort, ArtifactPort, ArtifactListPort } from './pipeline/ports.ts';
export type { ArtifactKind, PortMap, ParamPortMap } from './pipeline/ports.ts';
export { pipeline } from './pipeline/pipeline.ts';
export type { Pipeline, PipelineOptions, AnyPipeline, OutputPortsOf } from './pipeline/pipeline.ts';
export { PipelineTask } from './pipeline/sub-pipeline.ts';
export { PvcTask } from './pipeline/pvc.ts';
export type { PvcSpec, PvcClaim, AccessMode } from './pipeline/pvc.ts';
export type { MountOptions } from './pipeline/mount.ts';
export type { PipelineBuilder, Branches, ItemRef } from './pipeline/pipeline-builder.ts';
export { Task, Loop } from './pipeline/task.ts';
export { ParamRef, ArtifactRef, ArtifactListRef, runtime } from './pipeline/refs.ts';
export { Placeholder } from './pipeline/placeholders.ts';
export {
  eq,
  ne,
  gt,
  ge,
  lt,
  le,
  succeeded,
  failed,
  errored,
  skipped,
  completed,
  anySucceeded,
  allFailed,
  and,
  or,
  not,
  Cond,
} from './pipeline/conditions.ts';
export { schedule } from './schedule/schedule.ts';
export type { Schedule, ScheduleOptions, ScheduleArgs } from './schedule/schedule.ts';
export { cron } from './schedule/cron.ts';
export { cronIntervals } from './schedule/cron-period.ts';
export type { CronIntervals } from './schedule/cron-period.ts';
export { Submission } from './pipeline/submit.ts';
export { monitoring } from './project/monitoring.ts';
export type { Monitoring, MonitoringSpec, EndpointMonitoring, DriftMonitoring } from './project/monitoring.ts';
export { payloadSink } from './pipeline/payload-sink.ts';
export type { PayloadSink, PayloadSinkOptions } from './pipeline/payload-sink.ts';
export { seconds, minutes, hours, days } from './common/duration.ts';
export type { Duration } from './common/duration.ts';
export type { Quantity } from './common/quantity.ts';
export { secretKey, configMapKey, fieldRef, volume, RESTRICTED_SECURITY } from './pipeline/pod-spec.ts';
export type { ResourceSpec, VolumeSpec, SecuritySpec, EnvValue } from './pipeline/pod-spec.ts';
export type { RetrySpec, CacheSpec } from './pipeline/policies.ts';
export { project, app, environment, resolveProject } from './project/project.ts';
export type { Project, App, AppContent, Environment, EnvironmentSpec } from './project/project.ts';
export type {
  Platform,
  ArgoWorkflowsVersion,
  ArgoRolloutsVersion,
  KServeVersion,
  IstioVersion,
} from './project/platform.ts';
export { argoCd } from './project/gitops.ts';
export type { ArgoCd, ArgoCdSpec, ArgoCdOverrides, SyncOption } from './project/gitops.ts';
export { DslError, formatDslError } from './errors.ts';
export type { ArgsOf, OutputRefs, ParamRefs, ParamValues } from './pipeline/typing.ts';
export { modelDeployment } from './deploy/model-deployment.ts';
export type { ModelDeployment, ModelDeploymentOptions, Strategy } from './deploy/model-deployment.ts';
export { kserve } from './deploy/serving-kserve.ts';
export type { KServeOptions, KServeServing } from './deploy/serving-kserve.ts';
export { server } from './deploy/serving-server.ts';
export type { ServerOptions, ServerServing, HttpProbe } from './deploy/serving-server.ts';
export type { ModelVersion } from './deploy/model-version.ts';
export type { ServingEnvValue } from './deploy/checks.ts';
export { istio } from './deploy/mesh.ts';
export type { IstioOptions, Mesh } from './deploy/mesh.ts';
export { canary } from './deploy/strategy-canary.ts';
export type { CanaryOptions, CanaryStep, CanaryStrategy } from './deploy/strategy-canary.ts';
export type { PromotionRecorder } from './deploy/promotion-record.ts';
export { shadow } from './deploy/strategy-shadow.ts';
export type { ShadowOptions, ShadowStrategy } from './deploy/strategy-shadow.ts';
export { abTest, header, cookie } from './deploy/strategy-ab-test.ts';
export type { AbTestOptions, AbTestStrategy, AbVariant, AssignBy } from './deploy/strategy-ab-test.ts';
export { blueGreen } from './deploy/strategy-blue-green.ts';
export type { BlueGreenOptions, BlueGreenStrategy } from './deploy/strategy-blue-green.ts';
export { championChallenger } from './deploy/strategy-champion-challenger.ts';
export type { ChampionChallengerOptions, ChampionChallengerStrategy } from './deploy/strategy-champion-challenger.ts';
export { analysis } from './deploy/analysis.ts';
export type { Analysis, AnalysisOptions } from './deploy/analysis.ts';
export { metric } from './deploy/metric.ts';
export type {
  Metric,
  MetricSettings,
  PrometheusMetricOptions,
  WebMetricOptions,
  JobMetricOptions,
} from './deploy/metric.ts';
export { below, above, atMost, atLeast, between, equals, expr } from './deploy/analysis-conditions.ts';
export type { Condition } from './deploy/analysis-conditions.ts';
export { analysisArg } from './deploy/analysis-args.ts';
export { errorRate, ISTIO_ARM_SELECTOR, latencyP99, predictionDrift } from './deploy/promql.ts';
export { abMetric } from './deploy/ab-metric.ts';
export type { AbMetric, ArmQuery, StatsRunner } from './deploy/ab-metric.ts';
/** The Argo-native API (Workflows, WorkflowTemplates, CronWorkflows, ... with typed templates); see docs/argo-coverage.md. */
export * as argo from './argo/index.ts';
