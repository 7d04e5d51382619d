import type { DeploymentIR } from './deployment.ts';
import type { ArgoCdIR } from './gitops.ts';
import type { MonitoringIR } from './monitoring.ts';
import type { PipelineIR, PipelineTargetIR } from './pipeline.ts';
import type { ScheduleIR } from './schedule.ts';
import type { ArgoObjectIR } from './argo-workflow.ts';
import type { PlatformIR } from './platform.ts';

/** What one app deploys in one environment. Targets read the fields they understand. */
export interface AppIR {
  readonly name: string;
  readonly description?: string;
  readonly pipelines: readonly PipelineIR[];
  readonly schedules: readonly ScheduleIR[];
  /** Alerting rules per model (absent when the app declares none). */
  readonly monitoring?: readonly MonitoringIR[];
  /** Model deployments (serving plus delivery strategy). */
  readonly deployments: readonly DeploymentIR[];
  /** Argo-native objects written with dsl/argo, rendered as they are. */
  readonly workflows?: readonly ArgoObjectIR[];
}

export interface EnvironmentIR {
  readonly name: string;
  readonly namespace?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly apps: readonly AppIR[];
  /** Backend for this environment's pipelines that do not pin one; absent means the synth run's default. */
  readonly pipelineBackend?: PipelineTargetIR;
  /** Argo CD delivery, when the project declares it. */
  readonly argocd?: ArgoCdIR;
}

/** The whole project, resolved per environment: the only input of every backend. */
export interface ProjectIR {
  readonly name: string;
  readonly environments: readonly EnvironmentIR[];
  /** The platform versions the output targets; absent means the newest (NEWEST_PLATFORM). */
  readonly platform?: PlatformIR;
}
