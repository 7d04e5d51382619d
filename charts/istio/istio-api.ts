/** The Istio networking API version Argosy writes (v1 since Istio 1.22). */
export const ISTIO_API_VERSION = 'networking.istio.io/v1';

/** Subset names of subset-level routing, shared by the DestinationRule, the VirtualService and the Rollout. */
export const SUBSETS = { stable: 'stable', canary: 'canary' } as const;
