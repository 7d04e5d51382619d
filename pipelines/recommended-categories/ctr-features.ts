import { INTERACTION_FEATURES, type InteractionFeature } from '../../components/index.ts';

/** Name of the CTR model in the registry, the GitOps versions file and the alerts. */
export const CTR_MODEL = 'ctr-categories';

/**
 * The CTR model's inputs, in order: computed by feature-engineering for training, sent by the
 * app with every request to the endpoint (and logged in ml_logs.ctr_categories_requests).
 */
export const CTR_FEATURES: readonly InteractionFeature[] = INTERACTION_FEATURES;

/** The training rows of the last promoted CTR model, per snapshot: the drift check's reference. */
export const CTR_TRAINING_TABLE = 'ml_features.ctr_categories_training';
