import type { EnvValue, ResourceSpec } from '../../dsl/index.ts';

/**
 * What every component of `argosy/components` leaves to you: the image it runs in and where its
 * registries live. The defaults of `env` follow one convention (a ConfigMap `mlflow` with
 * `tracking-uri`, a Secret `mlflow-credentials` with `token`, ...); pass `env` to point a
 * component elsewhere, e.g. at another MLflow server.
 *
 * @example
 * ```ts
 * const gate = championGate({
 *   image: 'registry.example.com/ml-base:3.12',
 *   env: { MLFLOW_TRACKING_URI: 'https://mlflow.example.com' },
 * });
 * ```
 */
export interface LibraryOptions {
  /**
   * The container image: Python 3.12 with numpy, pandas, pyarrow, scipy and scikit-learn, plus
   * mlflow for the registry components (and the model flavours batchPredict loads).
   */
  readonly image: string;
  /** Environment variables added to the component's defaults, or replacing one of the same name. */
  readonly env?: Readonly<Record<string, EnvValue>>;
  /** Requests/limits instead of the component's defaults. */
  readonly resources?: ResourceSpec;
}
