/**
 * `argosy/components`: generic, reusable steps of an ML platform: a drift check, a
 * champion/challenger gate, the A/B test decision, model registration in MLflow, promotion
 * through a GitOps pull request, batch prediction. Each takes the image to run (and, through
 * `env`, where its registries are); nothing here is tied to one company's platform.
 *
 * @example
 * ```ts
 * import { championGate, driftCheck } from 'argosy/components';
 * const gate = championGate({ image: 'registry.example.com/ml-base:3.12' });
 * const drift = driftCheck({ image: 'registry.example.com/ml-base:3.12' });
 * ```
 */
export type { LibraryOptions } from './options.ts';
export { driftCheck } from './drift-check.ts';
export type { DriftFeatures, DriftLimits, DriftThresholds } from './drift-check.ts';
export { championGate } from './champion-gate.ts';
export { abTestMetric } from './ab-test.ts';
export { registerModel } from './register-model.ts';
export { promote } from './promote.ts';
export { batchPredict } from './batch-predict.ts';
