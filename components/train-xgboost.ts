import { component, param } from 'argosy';
import { images } from './images.ts';
import { trainerCommand, trainerInputs, trainerOutputs, trainingPool } from './trainer-ports.ts';

/**
 * Trains a gradient-boosted classifier with XGBoost on `dataset` and scores `holdout` with it,
 * so the evaluation step needs no framework of its own.
 *
 * @example
 * ```ts
 * const train = p.task('train', trainXgboost, { dataset: features.outputs.train, holdout: features.outputs.holdout, features: CTR_FEATURES });
 * ```
 */
export const trainXgboost = component('train-xgboost', {
  description: 'Train an XGBoost binary classifier.',
  image: images.trainXgboost,
  inputs: {
    ...trainerInputs,
    learningRate: param.float().default(0.05),
    maxDepth: param.int().default(6),
    rounds: param.int().default(400),
  },
  outputs: trainerOutputs,
  command: (io) =>
    trainerCommand('train_xgboost', io, [
      '--learning-rate',
      io.inputs.learningRate,
      '--max-depth',
      io.inputs.maxDepth,
      '--rounds',
      io.inputs.rounds,
    ]),
  resources: { cpu: '8', memory: '32Gi' },
  ...trainingPool,
  retry: { limit: 1, policy: 'OnError' },
  timeout: '4h',
});
