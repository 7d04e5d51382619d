/**
 * DSRPMart's component library: typed, reusable steps shared by every pipeline.
 * @example
 * ```ts
 * import { warehouseExtract, trainXgboost } from '../components/index.ts';
 * ```
 */
export { warehouseExtract } from './warehouse-extract.ts';
export { featureEngineering } from './feature-engineering.ts';
export { trainXgboost } from './train-xgboost.ts';
export { championGate } from './champion-gate.ts';
export { registerModel } from './register-model.ts';
export { images } from './images.ts';
export { abTestMetric } from './ab-test.ts';
