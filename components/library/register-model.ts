import { artifact, component, configMapKey, param, secretKey } from '../../dsl/index.ts';
import type { LibraryOptions } from './options.ts';
import { readScript } from './read-script.ts';

/**
 * Registers a model version in the MLflow model registry over its REST API: creates a run,
 * uploads the model through the artifact proxy, creates the version and tags it as a candidate.
 * Outputs the registry URI and the object-store URI model servers load (`storageUri`).
 *
 * @example
 * ```ts
 * import * as components from 'argosy/components';
 * const registerModel = components.registerModel({ image: 'registry.example.com/ml-base:3.12' });
 * p.task('register', registerModel, { model: train.outputs.model, registeredModel: 'ctr-categories', score: gate.outputs.challengerScore });
 * ```
 */
export function registerModel(opts: LibraryOptions) {
  return component('register-model', {
    description: 'Register a model version in the MLflow registry.',
    image: opts.image,
    inputs: {
      model: artifact('Model'),
      registeredModel: param.string(),
      score: param.float(),
      metric: param.string().default('auc'),
    },
    outputs: {
      version: param.string(),
      modelUri: param.string(),
      storageUri: param
        .string()
        .describe('Object-store location of the model files (the MLflow artifacts destination).'),
    },
    script: { source: readScript('register_model.py') },
    env: {
      MLFLOW_TRACKING_URI: configMapKey('mlflow', 'tracking-uri'),
      MLFLOW_TRACKING_TOKEN: secretKey('mlflow-credentials', 'token'),
      MLFLOW_ARTIFACTS_DESTINATION: configMapKey('mlflow', 'artifacts-destination'),
      ...opts.env,
    },
    resources: opts.resources ?? { cpu: '500m', memory: '1Gi' },
    retry: { limit: 3, policy: 'OnError', backoff: { duration: '10s', factor: 2 } },
    timeout: '30m',
  });
}
