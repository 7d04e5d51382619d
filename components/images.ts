/**
 * Container images of the DSRPMart platform, pinned in one place so an upgrade is one diff.
 * `ml-base` carries Python 3.12 with numpy, pandas, pyarrow, scipy and scikit-learn (what the
 * script components in scripts/ import); `batch-scoring` adds mlflow and the xgboost, lightgbm
 * and scikit-learn runtimes, so it can load any registered model.
 */
export const images = {
  mlBase: 'ghcr.io/dsrpmart/ml-base:3.12-2026.10',
  batchScoring: 'ghcr.io/dsrpmart/batch-scoring:3.12-2026.10',
  /** The warehouse CLIs: `warehouse-extract` (query to Parquet) and `warehouse-load` (Parquet to a table partition). */
  warehouseTools: 'ghcr.io/dsrpmart/warehouse-tools:2.5.0',
  trainXgboost: 'ghcr.io/dsrpmart/train-xgboost:2.1.3',
  trainLightgbm: 'ghcr.io/dsrpmart/train-lightgbm:4.5.0',
  trainSklearn: 'ghcr.io/dsrpmart/train-sklearn:1.5.2',
  embeddings: 'ghcr.io/dsrpmart/embeddings:3.3.1-cuda12',
  /** DSRPMart's ranking server: loads a LightGBM ranker from MODEL_URI, re-ranks candidates per request (V2 protocol). */
  rankerServer: 'ghcr.io/dsrpmart/product-ranker-server:1.8.0',
  /** KServe transformer of the discount optimizer: expands discount levels, picks the best expected margin. */
  discountTransformer: 'ghcr.io/dsrpmart/discount-transformer:2.0.3',
} as const;
