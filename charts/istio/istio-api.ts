/** Subset names of subset-level routing, shared by the DestinationRule, the VirtualService and the Rollout. */
export const SUBSETS = { stable: 'stable', canary: 'canary' } as const;
