import { foldPromotion } from '../../components/index.ts';
import { canary, kserve, modelDeployment, type Environment, type ModelDeployment } from 'argosy';
import { settings } from '../environments.ts';
import { kserveVersion, modelVersions, versionLabel, type ModelVersions } from '../shared/model-versions.ts';
import { healthGate, platformKserve } from '../shared/serving.ts';
import { SEARCH_INDEX } from './index-build.ts';

/** The search endpoint: query -> top-K products. */
export const SEARCH_RETRIEVER = 'search-retriever';

/** What search must stay under: the app's search box waits for it (also the alert thresholds). */
export const SEARCH_SLO = { latencyP99: 0.3, errorRate: 0.005 } as const;

/**
 * Search serving: a KServe InferenceService running DSRPMart's retriever runtime (query
 * embedding + IVF search) over the index the nightly build registered. A newly promoted index
 * is a canary: KServe serves it as a second predictor and the generated promotion workflow
 * shifts traffic step by step, each step gated on the candidate's p99 latency and error rate,
 * and sets it back to 0 % when a gate fails; a won canary is folded into `serving` in the
 * versions file by the workflow. Without a recorded candidate the index serving today runs alone.
 *
 * @example
 * ```ts
 * app('search', (env) => ({ deployments: [searchRetriever(env)] }));
 * ```
 */
export function searchRetriever(
  env: Environment,
  versions: ModelVersions = modelVersions(env, SEARCH_INDEX),
): ModelDeployment {
  const s = settings(env);
  return modelDeployment(SEARCH_RETRIEVER, {
    description: 'Semantic product search: embeds the query and returns the top-K products from the vector index.',
    serving: kserve({
      ...platformKserve(s.replicas.searchRetriever, 60),
      format: 'ivf-index',
      // A ServingRuntime of the platform (embedding model + IVF search), like the ml-pipelines account a prerequisite.
      runtime: 'dsrpmart-retriever',
      storageUri: versions.serving.storageUri,
      // Names the stable predictor, so folding a won canary into `serving` restarts nothing.
      version: versionLabel(versions.serving),
      resources: { cpu: '2', memory: '6Gi' },
    }),
    strategy: canary({
      ...(versions.candidate ? { candidate: kserveVersion(versions.candidate) } : {}),
      steps: s.rollout.canarySteps,
      analysis: healthGate(SEARCH_SLO),
      // A won canary is folded into `serving` in the versions file, like a promotion records a candidate.
      ...(versions.candidate
        ? {
            recordPromotion: foldPromotion({
              registeredModel: SEARCH_INDEX,
              environment: s.promotion.gitopsEnvironment,
              version: versions.candidate.version,
              storageUri: versions.candidate.storageUri,
              registryUri: versions.candidate.registryUri,
              run: versions.candidate.run,
              mode: s.promotion.promotion,
              baseBranch: s.promotion.gitopsBranch,
            }),
          }
        : {}),
    }),
    prometheus: s.prometheus,
    labels: { team: 'search' },
  });
}
