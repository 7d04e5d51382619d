import { artifact, component, param } from 'argosy';
import { images } from './images.ts';
import { readScript } from './read-script.ts';

/**
 * Scores holdout predictions in consecutive time windows (the last `windows` windows of
 * `windowDays` days): mean, worst window and trend, so a model that is good on average but
 * degrading towards the present is caught before the champion gate.
 *
 * @example
 * ```ts
 * const backtest = p.task('backtest', evaluateBacktest, { predictions: train.outputs.predictions, windows: 4, windowDays: 7 });
 * p.when(ge(backtest.outputs.worstScore, 0.62), (p) => { ... });
 * ```
 */
export const evaluateBacktest = component('evaluate-backtest', {
  description: 'Score predictions per backtest window: mean, worst window and trend.',
  image: images.mlBase,
  inputs: {
    predictions: artifact('Dataset').describe('Rows with label, score and a timestamp column.'),
    metric: param.string().enum(['auc', 'logloss']).default('auc'),
    timeColumn: param.string().default('event_time'),
    windowDays: param.int().default(7),
    windows: param.int().default(4),
  },
  outputs: { meanScore: param.float(), worstScore: param.float(), report: artifact('Metrics') },
  script: { source: readScript('evaluate_backtest.py') },
  resources: { cpu: '2', memory: '8Gi' },
  timeout: '1h',
});
