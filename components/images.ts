/**
 * Container images of the DSRPMart platform, pinned in one place so an upgrade is one diff.
 * `ml-base` carries Python 3.12 with numpy, pandas, scipy, scikit-learn and requests.
 */
export const images = {
  mlBase: 'ghcr.io/dsrpmart/ml-base:3.12-2026.10',
  warehouseExtract: 'ghcr.io/dsrpmart/warehouse-extract:2.4.1',
  trainXgboost: 'ghcr.io/dsrpmart/train-xgboost:2.1.3',
  trainLightgbm: 'ghcr.io/dsrpmart/train-lightgbm:4.5.0',
  trainSklearn: 'ghcr.io/dsrpmart/train-sklearn:1.5.2',
} as const;
