import { DslError, type PathSegment } from '../errors.ts';
import { closest } from '../common/did-you-mean.ts';

/**
 * The model formats KServe's built-in ClusterServingRuntimes declare (`supportedModelFormats`
 * of kserve-sklearnserver, -xgbserver, -lgbserver, -mlserver, -tensorflow-serving,
 * -torchserve, -tritonserver, -pmmlserver, -paddleserver, -huggingfaceserver,
 * -catboostserver, -autogluonserver and -predictiveserver). Without `runtime`, KServe picks the
 * runtime by this name, and an InferenceService whose format no runtime supports never becomes
 * ready ("no runtime found to support predictor"), so the name is checked at synth time.
 */
export const KSERVE_BUILT_IN_FORMATS = [
  'autogluon',
  'catboost',
  'huggingface',
  'lightgbm',
  'mlflow',
  'onnx',
  'paddle',
  'pmml',
  'pytorch',
  'sklearn',
  'tensorflow',
  'tensorrt',
  'triton',
  'xgboost',
] as const;

/**
 * Refuses a model format no built-in runtime serves when no `runtime` is named; with a runtime
 * (a ServingRuntime of the platform), the format is whatever that runtime declares.
 *
 * @example
 * ```ts
 * assertServableFormat('xgboost', undefined, ['kserve()', 'format']); // ok
 * assertServableFormat('ivf-index', 'dsrpmart-retriever', ['kserve()', 'format']); // ok: custom runtime
 * ```
 */
export function assertServableFormat(name: string, runtime: unknown, path: readonly PathSegment[]): void {
  if (runtime !== undefined || (KSERVE_BUILT_IN_FORMATS as readonly string[]).includes(name)) return;
  const near = closest(name.toLowerCase(), KSERVE_BUILT_IN_FORMATS);
  throw new DslError({
    path,
    problem: 'no built-in KServe serving runtime supports this model format',
    got: name,
    fix: `${near ? `Did you mean "${near}"? ` : ''}Use one of ${KSERVE_BUILT_IN_FORMATS.join(', ')}, or name the ServingRuntime that serves it with runtime: "<name>"`,
  });
}
