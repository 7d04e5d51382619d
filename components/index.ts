/**
 * DSRPMart's component library: typed, reusable steps shared by every pipeline.
 * @example
 * ```ts
 * import { warehouseExtract, trainXgboost } from './index.ts';
 * ```
 */
export { warehouseExtract, WAREHOUSE_PARAMS } from './warehouse-extract.ts';
export { warehouseLoad } from './warehouse-load.ts';
export { featureEngineering, INTERACTION_FEATURES } from './feature-engineering.ts';
export type { InteractionFeature } from './feature-engineering.ts';
export { trainXgboost } from './train-xgboost.ts';
export { trainLightgbm } from './train-lightgbm.ts';
export { trainSklearn } from './train-sklearn.ts';
export { evaluateBacktest } from './evaluate-backtest.ts';
export { foldPromotion, type PromotedVersion } from './fold-promotion.ts';
export { computeEmbeddings } from './compute-embeddings.ts';
export { buildVectorIndex } from './build-vector-index.ts';
export { composeNotifications, CANDIDATE_COLUMNS } from './compose-notifications.ts';
export { rankPopularProducts } from './rank-popular-products.ts';
export { images } from './images.ts';
export { abTestMetric, championGate, registerModel, promote, batchPredict, driftCheck } from './platform.ts';
export type { DriftFeatures, DriftLimits, DriftThresholds } from 'argosy/components';
