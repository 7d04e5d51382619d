import { artifact, param, type Placeholder } from 'argosy';

/**
 * The contract every trainer shares, so evaluation, gating and registration work with any of
 * them: train on exactly the `features` columns of `dataset` (in that order), score `holdout`,
 * and write the holdout rows back as `predictions` with a `label` column and a `score` column
 * (every other column, such as keys and times, passed through). The trainer logs the model with
 * an MLflow signature of those columns, and batch scoring is given the same list: declare it
 * once per use case and pass it to both.
 */
export const trainerInputs = {
  dataset: artifact('Dataset').describe('Training rows: the feature columns plus the target column.'),
  holdout: artifact('Dataset').describe('Out-of-time rows to score; never trained on.'),
  features: param.list<string>().describe('Model input columns, in order; a missing one fails the run.'),
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
  readonly inputs: {
    readonly dataset: PathOf;
    readonly holdout: PathOf;
    readonly features: Placeholder;
    readonly target: Placeholder;
  };
  readonly outputs: { readonly model: PathOf; readonly metrics: PathOf; readonly predictions: PathOf };
}

/**
 * The command line every trainer image accepts: `python -m <module>`, the shared data and output
 * flags, then the framework's own flags.
 */
export function trainerCommand(
  module: string,
  io: TrainerIO,
  own: readonly (string | number | Placeholder)[],
): (string | number | Placeholder)[] {
  return [
    'python',
    '-m',
    module,
    '--data',
    io.inputs.dataset.path,
    '--holdout',
    io.inputs.holdout.path,
    '--features',
    io.inputs.features,
    '--target',
    io.inputs.target,
    ...own,
    '--model-out',
    io.outputs.model.path,
    '--metrics-out',
    io.outputs.metrics.path,
    '--predictions-out',
    io.outputs.predictions.path,
  ];
}

/** The dedicated training node pool (large CPU nodes, tainted so only training pods land there). */
export const trainingPool = {
  nodeSelector: { 'dsrpmart.io/pool': 'training' },
  tolerations: [{ key: 'dsrpmart.io/training', operator: 'Exists', effect: 'NoSchedule' }],
} as const;
