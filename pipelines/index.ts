import { argoCd, environment, project } from '../dsl/index.ts';
import { recommendedCategories } from './recommended-categories/index.ts';

/** Staging runs on demand (schedules suspended); production runs on schedule. */
export const staging = environment('staging', { namespace: 'ml-staging', suspendSchedules: true, labels: { 'dsrpmart.io/env': 'staging' } });
export const production = environment('production', {
  namespace: 'ml-production',
  labels: { 'dsrpmart.io/env': 'production' },
  // Production follows release tags and self-heals; staging follows main.
  argocd: { targetRevision: 'production', automated: { prune: true, selfHeal: true } },
});

/** DSRPMart: the reference project `argosy synth` builds by default. */
export default project('dsrpmart', {
  environments: [staging, production],
  apps: [recommendedCategories],
  argocd: argoCd({
    repoURL: 'https://github.com/dsrpmart/ml-platform.git',
    targetRevision: 'main',
    project: 'ml-platform',
    automated: { prune: true, selfHeal: false },
    syncOptions: ['CreateNamespace=true', 'ApplyOutOfSyncOnly=true'],
    retry: { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } },
  }),
});
