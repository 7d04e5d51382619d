import type { PipelineIR } from './pipeline.ts';
import type { ScheduleIR } from './schedule.ts';
import type { ArgoObjectIR } from './argo-workflow.ts';

/** What one app deploys in one environment. Targets read the fields they understand. */
export interface AppIR {
  readonly name: string;
  readonly description?: string;
  readonly pipelines: readonly PipelineIR[];
  readonly schedules: readonly ScheduleIR[];
  /** Argo-native objects written with dsl/argo, rendered as they are. */
  readonly workflows?: readonly ArgoObjectIR[];
}

export interface EnvironmentIR {
  readonly name: string;
  readonly namespace?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly apps: readonly AppIR[];
}

/** The whole project, resolved per environment: the only input of every backend. */
export interface ProjectIR {
  readonly name: string;
  readonly environments: readonly EnvironmentIR[];
}
