/**
 * Argosy's authoring API: components, pipelines, schedules, model deployments and projects, with typed wiring.
 * This is the only module user code imports from.
 *
 * @example
 * ```ts
 * import { component, pipeline, param, artifact, schedule, cron, runtime } from '../dsl/index.ts';
 * ```
 */
export { component, portEnvName } from './component.ts';
export type { Component, ComponentSpec, ComponentIO, CommandSpec, ScriptSpec, AnyComponent } from './component.ts';
export { param, artifact, ParamPort, ArtifactPort, ArtifactListPort } from './ports.ts';
export type { ArtifactKind, PortMap, ParamPortMap } from './ports.ts';
export { pipeline } from './pipeline.ts';
export type { Pipeline, PipelineOptions, AnyPipeline, OutputPortsOf } from './pipeline.ts';
export { PipelineTask } from './sub-pipeline.ts';
export { PvcTask } from './pvc.ts';
export type { PvcSpec, PvcClaim, AccessMode } from './pvc.ts';
export type { MountOptions } from './mount.ts';
export type { PipelineBuilder, Branches, ItemRef } from './pipeline-builder.ts';
export { Task, Loop } from './task.ts';
export { ParamRef, ArtifactRef, ArtifactListRef, runtime } from './refs.ts';
export { Placeholder } from './placeholders.ts';
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
} from './conditions.ts';
export { schedule } from './schedule.ts';
export type { Schedule, ScheduleOptions, ScheduleArgs } from './schedule.ts';
export { cron } from './cron.ts';
export { cronIntervals } from './cron-period.ts';
export type { CronIntervals } from './cron-period.ts';
export { Submission } from './submit.ts';
export { monitoring } from './monitoring.ts';
export type { Monitoring, MonitoringSpec, EndpointMonitoring, DriftMonitoring } from './monitoring.ts';
export { payloadSink } from './payload-sink.ts';
export type { PayloadSink, PayloadSinkOptions } from './payload-sink.ts';
export { seconds, minutes, hours, days } from './duration.ts';
export type { Duration } from './duration.ts';
export type { Quantity } from './quantity.ts';
export { secretKey, configMapKey, fieldRef, volume, RESTRICTED_SECURITY } from './pod-spec.ts';
export type { ResourceSpec, VolumeSpec, SecuritySpec, EnvValue } from './pod-spec.ts';
export type { RetrySpec, CacheSpec } from './policies.ts';
export { project, app, environment, resolveProject } from './project.ts';
export type { Project, App, AppContent, Environment, EnvironmentSpec } from './project.ts';
export { argoCd } from './gitops.ts';
export type { ArgoCd, ArgoCdSpec, ArgoCdOverrides, SyncOption } from './gitops.ts';
export { DslError, formatDslError } from './errors.ts';
export type { ArgsOf, OutputRefs, ParamRefs, ParamValues } from './typing.ts';
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
