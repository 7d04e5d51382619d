import { environment, project } from '../dsl/index.ts';
import { recommendedCategories } from './recommended-categories/index.ts';

/** Staging runs on demand (schedules suspended); production runs on schedule. */
export const staging = environment('staging', { namespace: 'ml-staging', suspendSchedules: true, labels: { 'dsrpmart.io/env': 'staging' } });
export const production = environment('production', { namespace: 'ml-production', labels: { 'dsrpmart.io/env': 'production' } });

/** DSRPMart: the reference project `argosy synth` builds by default. */
export default project('dsrpmart', {
  environments: [staging, production],
  apps: [recommendedCategories],
});
