/**
 * Names the serving charts agree on: the model server's pods, Services, Rollouts and mesh routing
 * are written by different targets and must select and route by the same label, port and subsets.
 */

/** The label every pod of a deployment carries; Rollout selector and Services select on it. */
export const DEPLOYMENT_LABEL = 'argosy.dev/model-deployment';

/** Port of every model Service, as KServe uses for predictors: clients call `http://<service>/...`. */
export const SERVICE_PORT = 80;

/** Subset names of subset-level routing, shared by the DestinationRule, the VirtualService and the Rollout. */
export const SUBSETS = { stable: 'stable', canary: 'canary' } as const;
