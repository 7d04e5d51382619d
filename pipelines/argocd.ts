import { argoCd } from 'argosy';

/**
 * How Argo CD delivers DSRPMart: one Application per environment and app, synced from this
 * repository's dist/ tree. Production overrides (release branch, self-heal) live in environments.ts.
 */
export const dsrpmartArgoCd = argoCd({
  repoURL: 'https://github.com/dsrpmart/ml-platform.git',
  targetRevision: 'main',
  project: 'ml-platform',
  automated: { prune: true, selfHeal: false },
  syncOptions: ['CreateNamespace=true', 'ApplyOutOfSyncOnly=true'],
  retry: { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } },
});
