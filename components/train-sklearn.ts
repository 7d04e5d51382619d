import { component, param } from 'argosy';
import { images } from './images.ts';
import { trainerCommand, trainerInputs, trainerOutputs } from './trainer-ports.ts';

/**
 * Trains a scikit-learn classifier (probability outputs, so `score` is calibrated enough to
 * multiply by a value, as the discount optimizer does). Hyperparameters pass through as JSON.
 *
 * @example
 * ```ts
 * p.task('train', trainSklearn, { dataset: history.outputs.table, holdout: recent.outputs.table, features: DISCOUNT_FEATURES, estimator: 'gradient-boosting' });
 * ```
 */
export const trainSklearn = component('train-sklearn', {
  description: 'Train a scikit-learn probabilistic classifier.',
  image: images.trainSklearn,
  inputs: {
    ...trainerInputs,
    estimator: param
      .string()
      .enum(['logistic-regression', 'gradient-boosting', 'random-forest'])
      .default('gradient-boosting'),
    hyperparameters: param
      .json<Record<string, number | string | boolean>>()
      .default({})
      .describe('Keyword arguments of the estimator, e.g. {"max_depth": 4}.'),
  },
  outputs: trainerOutputs,
  command: (io) =>
    trainerCommand('train_sklearn', io, [
      '--estimator',
      io.inputs.estimator,
      '--hyperparameters',
      io.inputs.hyperparameters,
    ]),
  resources: { cpu: '4', memory: '16Gi' },
  retry: { limit: 1, policy: 'OnError' },
  timeout: '2h',
});
