import type { Chart } from 'cdk8s';
import type { AppIR, EnvironmentIR, ProjectIR } from '../dsl/ir/index.ts';

/** A file that is not a Kubernetes object (e.g. a KFP PipelineSpec), written as-is. */
export interface OutputFile {
  /** File name inside `dist/<environment>/<app>/`. */
  readonly fileName: string;
  /** One YAML document per entry. */
  readonly documents: readonly unknown[];
}

/** Which backend compiles pipelines; every other target always runs. */
export type PipelineBackend = 'argo' | 'kfp';

/** Everything a target needs to render one app in one environment. */
export interface RenderContext {
  /** The cdk8s chart that collects this app's Kubernetes objects. */
  readonly chart: Chart;
  readonly project: ProjectIR;
  readonly env: EnvironmentIR;
  readonly app: AppIR;
  readonly pipelineBackend: PipelineBackend;
  /** Adds a non-Kubernetes output file. */
  emitFile(file: OutputFile): void;
}

/**
 * A backend: one folder under charts/ plus one entry in charts/index.ts. Targets read IR only.
 * `pipelineBackend` marks targets that compile pipelines; exactly one of those runs per synth.
 */
export interface Target {
  readonly name: string;
  readonly pipelineBackend?: PipelineBackend;
  render(ctx: RenderContext): void;
}
