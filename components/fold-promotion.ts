import { configMapKey, secretKey, type PromotionRecorder } from 'argosy';
import { images } from './images.ts';
import { readScript } from './read-script.ts';

/** A promoted version as the GitOps versions file records it. */
export interface PromotedVersion {
  readonly registeredModel: string;
  readonly environment: 'staging' | 'production';
  /** MLflow model version number. */
  readonly version: string;
  readonly storageUri: string;
  readonly registryUri: string;
  /** The training run that registered it (kept in the file). */
  readonly run: string;
  /** Merge policy of the promotion pull request: a review, or merged by CI once dist/ is regenerated (staging). */
  readonly mode: 'pull-request' | 'auto-merge';
  readonly baseBranch?: string;
}

/**
 * The recorder a KServe promotion workflow runs once a candidate serves 100 %: the `promote`
 * script (components/scripts/promote.py) with `recordAs: serving`, which makes the candidate the
 * serving version and drops it as candidate in the versions file, on a promotion branch with a pull request
 * (reviewed in production, merged by CI in staging). Once merged, the synthesized InferenceService names the candidate as its
 * predictor and Argo CD's hand-over turns the canary into it without a restart.
 *
 * @example
 * ```ts
 * canary({ candidate, steps, analysis, recordPromotion: foldPromotion({ registeredModel: 'search-index', environment: 'production', ... }) })
 * ```
 */
export function foldPromotion(v: PromotedVersion): PromotionRecorder {
  return {
    image: images.mlBase,
    command: ['python3', '-c', readScript('promote.py')],
    env: {
      GIT_API_URL: configMapKey('gitops', 'api-url'),
      GIT_TOKEN: secretKey('gitops-credentials', 'token'),
      INPUT_REPOSITORY: 'dsrpmart/ml-platform',
      INPUT_VERSIONS_FILE: 'pipelines/model-versions.json',
      INPUT_BASE_BRANCH: v.baseBranch ?? 'main',
      INPUT_MODE: v.mode,
      INPUT_RECORD_AS: 'serving',
      INPUT_REGISTERED_MODEL: v.registeredModel,
      INPUT_ENVIRONMENT: v.environment,
      INPUT_VERSION: v.version,
      INPUT_STORAGE_URI: v.storageUri,
      INPUT_MODEL_URI: v.registryUri,
      // promote.py records the run that produced the version: the training run, not this workflow.
      ARGO_WORKFLOW_NAME: v.run,
      OUTPUT_URL: '/tmp/outputs/url',
    },
    resources: { cpu: '250m', memory: '256Mi' },
  };
}
