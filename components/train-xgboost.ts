import { component, param } from '../dsl/index.ts';
import { images } from './images.ts';
import { trainerInputs, trainerOutputs } from './trainer-ports.ts';

/**
 * Trains a gradient-boosted classifier with XGBoost on `dataset` and scores `holdout` with it,
 * so the evaluation step needs no framework of its own.
 *
 * @example
 * ```ts
 * const train = p.task('train', trainXgboost, { dataset: features.outputs.train, holdout: features.outputs.holdout });
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
  command: (io) => [
    'python', '-m', 'train_xgboost',
    '--data', io.inputs.dataset.path,
    '--holdout', io.inputs.holdout.path,
    '--target', io.inputs.target,
    '--learning-rate', io.inputs.learningRate,
    '--max-depth', io.inputs.maxDepth,
    '--rounds', io.inputs.rounds,
    '--model-out', io.outputs.model.path,
    '--metrics-out', io.outputs.metrics.path,
    '--predictions-out', io.outputs.predictions.path,
  ],
  resources: { cpu: '8', memory: '32Gi' },
  nodeSelector: { 'dsrpmart.io/pool': 'training' },
  tolerations: [{ key: 'dsrpmart.io/training', operator: 'Exists', effect: 'NoSchedule' }],
  retry: { limit: 1, policy: 'OnError' },
  timeout: '4h',
});
