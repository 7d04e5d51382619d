import type { Chart } from 'cdk8s';
import type { AppIR, EnvironmentIR, PipelineIR, ProjectIR } from '../dsl/ir/index.ts';

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
  /** The synth run's default backend (`argosy synth --target`); see {@link pipelineBackendOf}. */
  readonly pipelineBackend: PipelineBackend;
  /** Argosy's version (from package.json), for generated files that record their producer. */
  readonly toolVersion: string;
  /** Adds a non-Kubernetes output file. */
  emitFile(file: OutputFile): void;
}

/**
 * The backend that compiles one pipeline: its own `target`, else the environment's
 * `pipelineBackend`, else the synth run's default.
 * @example
 * ```ts
 * const mine = ctx.app.pipelines.filter((p) => pipelineBackendOf(p, ctx) === 'kfp');
 * ```
 */
export function pipelineBackendOf(p: PipelineIR, ctx: Pick<RenderContext, 'env' | 'pipelineBackend'>): PipelineBackend {
  return p.target ?? ctx.env.pipelineBackend ?? ctx.pipelineBackend;
}

/**
 * A backend: one folder under charts/ plus one entry in charts/index.ts. Targets read IR only.
 * `pipelineBackend` marks targets that compile pipelines; each compiles the pipelines that
 * {@link pipelineBackendOf} assigns to it, so one synth can emit both Argo and KFP pipelines.
 */
export interface Target {
  readonly name: string;
  readonly pipelineBackend?: PipelineBackend;
  render(ctx: RenderContext): void;
}
