import { component, param } from 'argosy';
import { images } from './images.ts';
import { trainerCommand, trainerInputs, trainerOutputs, trainingPool } from './trainer-ports.ts';

/**
 * Trains a LightGBM model: a binary classifier, or a learning-to-rank model (`lambdarank`) that
 * orders the items of each `groupColumn` value (each user's candidate products).
 *
 * @example
 * ```ts
 * p.task('train', trainLightgbm, { dataset: f.outputs.train, holdout: f.outputs.holdout, features: RANKER_FEATURES, objective: 'lambdarank' });
 * ```
 */
export const trainLightgbm = component('train-lightgbm', {
  description: 'Train a LightGBM binary classifier or lambdarank ranker.',
  image: images.trainLightgbm,
  inputs: {
    ...trainerInputs,
    objective: param.string().enum(['binary', 'lambdarank']).default('binary'),
    groupColumn: param
      .string()
      .default('user_id')
      .describe('Query column for lambdarank: rows with the same value are ranked together.'),
    learningRate: param.float().default(0.05),
    numLeaves: param.int().default(63),
    rounds: param.int().default(500),
  },
  outputs: trainerOutputs,
  command: (io) =>
    trainerCommand('train_lightgbm', io, [
      '--objective',
      io.inputs.objective,
      '--group-column',
      io.inputs.groupColumn,
      '--learning-rate',
      io.inputs.learningRate,
      '--num-leaves',
      io.inputs.numLeaves,
      '--rounds',
      io.inputs.rounds,
    ]),
  resources: { cpu: '8', memory: '32Gi' },
  ...trainingPool,
  retry: { limit: 1, policy: 'OnError' },
  timeout: '4h',
});
