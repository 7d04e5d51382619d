/**
 * Argosy's authoring API: components, pipelines, schedules and projects, with typed wiring.
 * This is the only module user code imports from.
 *
 * @example
 * ```ts
 * import { component, pipeline, param, artifact, schedule, cron, runtime } from '../dsl/index.ts';
 * ```
 */
export { component, portEnvName } from './component.ts';
export type { Component, ComponentSpec, ComponentIO, CommandSpec, ScriptSpec, AnyComponent } from './component.ts';
export { param, artifact, ParamPort, ArtifactPort } from './ports.ts';
export type { ArtifactKind, PortMap, ParamPortMap } from './ports.ts';
export { pipeline } from './pipeline.ts';
export type { Pipeline, PipelineOptions, AnyPipeline, OutputPortsOf } from './pipeline.ts';
export { PipelineTask } from './sub-pipeline.ts';
export { PvcTask } from './pvc.ts';
export type { PvcSpec, PvcClaim, AccessMode } from './pvc.ts';
export type { MountOptions } from './mount.ts';
export type { PipelineBuilder, Branches, ItemRef } from './pipeline-builder.ts';
export { Task, Loop } from './task.ts';
export { ParamRef, ArtifactRef, runtime } from './refs.ts';
export { Placeholder } from './placeholders.ts';
export { eq, ne, gt, ge, lt, le, succeeded, failed, errored, skipped, completed, anySucceeded, allFailed, and, or, not, Cond } from './conditions.ts';
export { schedule } from './schedule.ts';
export type { Schedule, ScheduleOptions, ScheduleArgs } from './schedule.ts';
export { cron } from './cron.ts';
export { seconds, minutes, hours, days } from './duration.ts';
export type { Duration } from './duration.ts';
export type { Quantity } from './quantity.ts';
export { secretKey, configMapKey, fieldRef, volume, RESTRICTED_SECURITY } from './pod-spec.ts';
export type { ResourceSpec, VolumeSpec, SecuritySpec, EnvValue } from './pod-spec.ts';
export type { RetrySpec, CacheSpec } from './policies.ts';
export { project, app, environment, resolveProject } from './project.ts';
export type { Project, App, AppContent, Environment, EnvironmentSpec } from './project.ts';
export { DslError, formatDslError } from './errors.ts';
export type { ArgsOf, OutputRefs, ParamRefs, ParamValues } from './typing.ts';
