import { INTERACTION_FEATURES, type InteractionFeature } from '../../components/index.ts';

/** The learning-to-rank model ordering candidate products per user. */
export const RANKER_MODEL = 'product-ranker';

/**
 * The ranker's inputs, in order: computed by feature-engineering for training and, as of each
 * training day, for the batch ranking (ml_features.user_product_interactions).
 */
export const RANKER_FEATURES: readonly InteractionFeature[] = INTERACTION_FEATURES;

/** The training rows of the last promoted ranker, per snapshot: the drift check's reference. */
export const RANKER_TRAINING_TABLE = 'ml_features.product_ranking_training';

/**
 * The ranker's features of every (user, product) pair as of each training day, written by
 * `product-ranking-training` with the code that computed its training rows and read by the
 * batch ranking: one definition of each feature for training and scoring.
 */
export const INTERACTIONS_TABLE = 'ml_features.user_product_interactions';
