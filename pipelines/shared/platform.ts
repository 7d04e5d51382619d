import { param, type PipelineOptions } from 'argosy';

/**
 * Run settings every DSRPMart pipeline shares: the service account with warehouse and object-store
 * access, the artifact repository, and cleanup of finished runs (a week of history).
 */
export const platformOptions = {
  serviceAccount: 'ml-pipelines',
  ttlAfterFinished: '168h',
  podGC: 'OnPodSuccess',
  artifactRepository: { configMap: 'artifact-repositories', key: 'ml-artifacts' },
} as const satisfies PipelineOptions<{}>;

/**
 * Parameters of every training pipeline that promotes models: how the new version reaches the
 * GitOps repository. Schedules (and the drift checks' retraining runs) pass the environment's
 * values from environments.ts; the environment has no default so no run can record a version
 * in the wrong section of the versions file.
 */
export const promotionParams = {
  championVersion: param
    .string()
    .describe(
      'Registered version serving in this environment (pipelines/model-versions.json), the challenger to beat; empty before the first promotion.',
    ),
  gitopsEnvironment: param
    .string()
    .enum(['staging', 'production'])
    .describe('Section of pipelines/model-versions.json the version is recorded in.'),
  promotion: param
    .string()
    .enum(['pull-request', 'auto-merge'])
    .default('pull-request')
    .describe(
      'Pull request for review, or one that merges itself once CI regenerated dist/ and checks pass (staging).',
    ),
  gitopsBranch: param.string().default('main').describe('GitOps branch the model version is recorded on.'),
} as const;
