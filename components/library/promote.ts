import { component, configMapKey, param, secretKey } from '../../dsl/index.ts';
import type { LibraryOptions } from './options.ts';
import { readScript } from './read-script.ts';

/**
 * Records a new model version in the GitOps repository through the git host's REST API: sets it
 * as the environment's `candidate` (or `serving`: a model's first version, `recordAs: 'serving'`)
 * in the versions file on a `promote/<environment>/<model>-v<version>` branch and opens a pull
 * request; it never writes the base branch. CI re-synthesizes dist/ on that branch (the
 * promotion-branch job in docs/dsrpmart.md), so the merge changes the versions file and the
 * manifests Argo CD syncs together. `mode: 'pull-request'` waits for a review; `'auto-merge'`
 * labels the pull request so that job merges it once the required checks pass. A candidate
 * still rolling out blocks the next one (the run says so).
 *
 * @example
 * ```ts
 * import * as components from 'argosy/components';
 * const promote = components.promote({ image: 'registry.example.com/ml-base:3.12', repository: 'acme/ml-gitops' });
 * p.task('promote', promote, { registeredModel: 'ctr-categories', environment: 'production', version: register.outputs.version,
 *   modelUri: register.outputs.modelUri, storageUri: register.outputs.storageUri });
 * ```
 */
export function promote(opts: LibraryOptions & { readonly repository: string }) {
  return component('promote', {
    description: 'Record a model version in the GitOps repository (promotion branch + pull request).',
    image: opts.image,
    inputs: {
      registeredModel: param.string(),
      environment: param.string().describe('Section of the versions file: the environment the version is for.'),
      version: param.string(),
      modelUri: param.string().describe('Registry URI (models:/<name>/<version>).'),
      storageUri: param.string().describe('Object-store URI the model servers load.'),
      repository: param.string().default(opts.repository).describe('owner/name of the GitOps repository.'),
      versionsFile: param.string().default('pipelines/model-versions.json'),
      baseBranch: param.string().default('main'),
      mode: param
        .string()
        .enum(['pull-request', 'auto-merge'])
        .default('pull-request')
        .describe('Merge policy: a review, or merged by CI once dist/ is regenerated and the checks pass.'),
      recordAs: param
        .string()
        .enum(['candidate', 'serving'])
        .default('candidate')
        .describe(
          'Record the version as the candidate a deployment rolls out next to serving, or as serving (batch-only models, Argo Rollouts).',
        ),
    },
    outputs: { url: param.string() },
    script: { source: readScript('promote.py') },
    env: {
      GIT_API_URL: configMapKey('gitops', 'api-url'),
      GIT_TOKEN: secretKey('gitops-credentials', 'token'),
      ...opts.env,
    },
    resources: opts.resources ?? { cpu: '250m', memory: '256Mi' },
    retry: { limit: 3, policy: 'OnError', backoff: { duration: '30s', factor: 2 } },
    timeout: '15m',
  });
}
