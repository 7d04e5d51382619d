import { artifact, param, type Placeholder } from '../dsl/index.ts';

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

type PathOf = { readonly path: Placeholder };
/** The placeholders every trainer's command needs (any component declaring the shared ports has them). */
interface TrainerIO {
  readonly inputs: { readonly dataset: PathOf; readonly holdout: PathOf; readonly target: Placeholder };
  readonly outputs: { readonly model: PathOf; readonly metrics: PathOf; readonly predictions: PathOf };
}

/**
 * The command line every trainer image accepts: `python -m <module>`, the shared data and output
 * flags, then the framework's own flags.
 */
export function trainerCommand(module: string, io: TrainerIO, own: readonly (string | number | Placeholder)[]): (string | number | Placeholder)[] {
  return [
    'python', '-m', module,
    '--data', io.inputs.dataset.path,
    '--holdout', io.inputs.holdout.path,
    '--target', io.inputs.target,
    ...own,
    '--model-out', io.outputs.model.path,
    '--metrics-out', io.outputs.metrics.path,
    '--predictions-out', io.outputs.predictions.path,
  ];
}

/** The dedicated training node pool (large CPU nodes, tainted so only training pods land there). */
export const trainingPool = {
  nodeSelector: { 'dsrpmart.io/pool': 'training' },
  tolerations: [{ key: 'dsrpmart.io/training', operator: 'Exists', effect: 'NoSchedule' }],
} as const;
