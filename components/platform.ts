import * as library from 'argosy/components';
import { images } from './images.ts';

/**
 * The generic steps of `argosy/components`, set up for DSRPMart's platform: its images, its
 * GitOps repository. The registries follow the library's defaults (the `mlflow` ConfigMap, the
 * `mlflow-credentials` Secret, ...), which is how DSRPMart's namespaces are set up.
 *
 * @example
 * ```ts
 * import { championGate, registerModel } from './platform.ts';
 * p.task('gate', championGate, { predictions, registeredModel: 'ctr-categories', championVersion });
 * ```
 */
export const championGate = library.championGate({ image: images.mlBase });
export const driftCheck = library.driftCheck({ image: images.mlBase });
export const registerModel = library.registerModel({ image: images.mlBase });
export const promote = library.promote({ image: images.mlBase, repository: 'dsrpmart/ml-platform' });
export const batchPredict = library.batchPredict({ image: images.batchScoring });

type RateOptions = Parameters<typeof library.abTestMetric.rate>[0];
type MeanOptions = Parameters<typeof library.abTestMetric.mean>[0];

/** The A/B decision metrics, run in DSRPMart's ml-base image unless a metric names another. */
export const abTestMetric = {
  rate: (opts: RateOptions) => library.abTestMetric.rate({ image: images.mlBase, ...opts }),
  mean: (opts: MeanOptions) => library.abTestMetric.mean({ image: images.mlBase, ...opts }),
};
