import { param, type PipelineOptions } from '../../dsl/index.ts';

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
 * GitOps repository. Schedules pass the environment's values (see environments.ts).
 */
export const promotionParams = {
  promotion: param.string().enum(['pull-request', 'commit']).default('pull-request').describe('Open a pull request, or commit directly (staging).'),
  gitopsBranch: param.string().default('main').describe('GitOps branch the model version is recorded on.'),
} as const;
