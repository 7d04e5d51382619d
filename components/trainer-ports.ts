import { artifact, param } from '../dsl/index.ts';

/**
 * The contract every trainer shares, so evaluation, gating and registration work with any of
 * them: train on `dataset`, score `holdout`, and write the holdout rows back as `predictions`
 * with a `label` column and a `score` column (keys and time columns passed through).
 */
export const trainerInputs = {
  dataset: artifact('Dataset').describe('Training rows: features plus the target column.'),
  holdout: artifact('Dataset').describe('Out-of-time rows to score; never trained on.'),
  target: param.string().default('label').describe('0/1 target column.'),
} as const;

/** What every trainer writes. */
export const trainerOutputs = {
  model: artifact('Model'),
  predictions: artifact('Dataset').describe('The holdout rows with label and score columns.'),
  metrics: artifact('Metrics'),
} as const;
