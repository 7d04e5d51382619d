import { abTestMetric } from '../../components/index.ts';
import { abTest, header, istio, kserve, modelDeployment, type Environment, type ModelDeployment } from 'argosy';
import { settings } from '../environments.ts';
import { kserveVersion, modelVersions, type ModelVersions } from '../shared/model-versions.ts';
import { healthGate, platformKserve, servesAlone } from '../shared/serving.ts';
import { CTR_MODEL } from './ctr-training.ts';

/** What the category carousel can wait for (also the alert thresholds). */
export const CTR_SLO = { latencyP99: 0.15, errorRate: 0.01 } as const;

/**
 * Header the app's API gateway sets on the requests of users it assigned to the challenger (a
 * stable hash of the user id, so a user sees one model for the whole test).
 */
export const AB_ARM_HEADER = 'x-dsrpmart-ab-arm';

/**
 * The business metric the test decides on: category click-through rate per arm. The app's
 * tracking service counts carousel impressions and clicks labelled with the predictor Service
 * that answered (`served_by`), which KServe returns with every response.
 */
export const categoryCtr = abTestMetric.rate({
  name: 'category-ctr',
  successes: ({ service, window }) =>
    `sum(increase(dsrpmart_category_clicks_total{served_by="${service}"}[${window}]))`,
  trials: ({ service, window }) =>
    `sum(increase(dsrpmart_category_impressions_total{served_by="${service}"}[${window}]))`,
});

/**
 * Recommended categories serving: the XGBoost CTR model on KServe's built-in runtime. A newly
 * promoted version does not replace the champion on offline AUC alone: it serves the users the
 * gateway assigns to the challenger arm, and a two-proportion z-test on click-through rate
 * decides (it must be significantly better). Latency and error-rate guardrails watch both arms;
 * a failed test or guardrail routes everyone back to the champion. Without a recorded candidate
 * the champion serves alone.
 *
 * @example
 * ```ts
 * app('recommended-categories', (env) => ({ deployments: [ctrCategories(env)] }));
 * ```
 */
export function ctrCategories(
  env: Environment,
  versions: ModelVersions = modelVersions(env, CTR_MODEL),
): ModelDeployment {
  const s = settings(env);
  const candidate = versions.candidate;
  return modelDeployment(CTR_MODEL, {
    description: 'Ranks the categories of the home-screen carousel by predicted click-through rate.',
    // No `version`: the predictor keeps the `ctr-categories-predictor` Service the A/B routing binds to.
    serving: kserve({
      ...platformKserve(s.replicas.ctrCategories),
      format: 'xgboost',
      storageUri: versions.serving.storageUri,
      resources: { cpu: '1', memory: '2Gi' },
    }),
    strategy: candidate
      ? abTest({
          variants: { champion: {}, challenger: { model: kserveVersion(candidate) } },
          primary: 'champion',
          assignBy: header(AB_ARM_HEADER),
          duration: s.rollout.abTest.duration,
          primaryMetric: categoryCtr,
          alpha: 0.05,
          minSamplesPerArm: s.rollout.abTest.minSamplesPerArm,
          require: 'better',
          analysis: healthGate(CTR_SLO),
        })
      : servesAlone(),
    // The only client is the storefront's API gateway, a pod in the mesh: the arm routing applies there.
    mesh: istio({ gateways: ['mesh'] }),
    prometheus: s.prometheus,
    labels: { team: 'personalization' },
  });
}
