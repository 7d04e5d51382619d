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
  /**
   * Tells the user about a decision the output does not show (a pipeline kept on Argo, a setting
   * a backend approximates); `argosy synth` prints these. Absent when nobody listens.
   */
  note?(message: string): void;
}

/** A Kubernetes object as a target rendered it (plain JSON). */
export interface RenderedObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
  };
  readonly [field: string]: unknown;
}

/**
 * A field a controller or admission webhook changes on the live object (Argo CD
 * `spec.ignoreDifferences` entry), so GitOps does not report or revert it.
 */
export interface IgnoreDifference {
  readonly group: string;
  readonly kind: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly jsonPointers?: readonly string[];
  readonly jqPathExpressions?: readonly string[];
  readonly managedFieldsManagers?: readonly string[];
}

/** What an environment-level target sees: every app of the environment with what was rendered for it. */
export interface EnvironmentRenderContext {
  /** Chart for the environment-level objects, written to `dist/<environment>/<environmentDir>/`. */
  readonly chart: Chart;
  readonly project: ProjectIR;
  readonly env: EnvironmentIR;
  readonly apps: readonly {
    readonly app: AppIR;
    readonly objects: readonly RenderedObject[];
    readonly otherFiles: readonly string[];
  }[];
  /** Every target of this synth, so one can ask the others (e.g. for ignoreDifferences). */
  readonly targets: readonly Target[];
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
  return p.target ?? defaultPipelineBackend(ctx);
}

/**
 * The backend of the pipelines of an environment that do not pin one: the environment's
 * `pipelineBackend`, else the synth run's default.
 * @example
 * ```ts
 * if (defaultPipelineBackend(ctx) === 'kfp') ctx.note?.('...');
 * ```
 */
export function defaultPipelineBackend(ctx: Pick<RenderContext, 'env' | 'pipelineBackend'>): PipelineBackend {
  return ctx.env.pipelineBackend ?? ctx.pipelineBackend;
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
  /** Fields of these objects that controllers own on the live object (feeds Argo CD ignoreDifferences). */
  ignoreDifferences?(objects: readonly RenderedObject[]): readonly IgnoreDifference[];
  /** Directory under `dist/<environment>/` for what renderEnvironment adds; must not be an app name. */
  readonly environmentDir?: string;
  /** Runs once per environment after every app is rendered (e.g. Argo CD Applications). */
  renderEnvironment?(ctx: EnvironmentRenderContext): void;
}
