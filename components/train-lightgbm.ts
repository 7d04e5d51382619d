import { component, param } from '../dsl/index.ts';
import { images } from './images.ts';
import { trainerInputs, trainerOutputs } from './trainer-ports.ts';

/**
 * Trains a LightGBM model: a binary classifier, or a learning-to-rank model (`lambdarank`) that
 * orders the items of each `groupColumn` value (each user's candidate products).
 *
 * @example
 * ```ts
 * p.task('train', trainLightgbm, { dataset: f.outputs.train, holdout: f.outputs.holdout, objective: 'lambdarank' });
 * ```
 */
export const trainLightgbm = component('train-lightgbm', {
  description: 'Train a LightGBM binary classifier or lambdarank ranker.',
  image: images.trainLightgbm,
  inputs: {
    ...trainerInputs,
    objective: param.string().enum(['binary', 'lambdarank']).default('binary'),
    groupColumn: param.string().default('user_id').describe('Query column for lambdarank: rows with the same value are ranked together.'),
    learningRate: param.float().default(0.05),
    numLeaves: param.int().default(63),
    rounds: param.int().default(500),
  },
  outputs: trainerOutputs,
  command: (io) => [
    'python', '-m', 'train_lightgbm',
    '--data', io.inputs.dataset.path,
    '--holdout', io.inputs.holdout.path,
    '--target', io.inputs.target,
    '--objective', io.inputs.objective,
    '--group-column', io.inputs.groupColumn,
    '--learning-rate', io.inputs.learningRate,
    '--num-leaves', io.inputs.numLeaves,
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
