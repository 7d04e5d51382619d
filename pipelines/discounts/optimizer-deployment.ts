import { images } from '../../components/index.ts';
import {
  below,
  championChallenger,
  istio,
  kserve,
  metric,
  minutes,
  modelDeployment,
  predictionDrift,
  shadow,
  type Environment,
  type ModelDeployment,
} from 'argosy';
import { settings } from '../environments.ts';
import { kserveVersion, modelVersions, versionLabel, type ModelVersions } from '../shared/model-versions.ts';
import { healthGate, platformKserve, servesAlone } from '../shared/serving.ts';
import { DISCOUNT_MODEL, discountTraining } from './discount-training.ts';

/** What the product page can wait for (also the alert thresholds). */
export const DISCOUNT_SLO = { latencyP99: 0.25, errorRate: 0.01 } as const;

/**
 * Personalized discounts serving. The weekly batch scores the selected products of known
 * customers; the product page asks this endpoint for the pairs the batch did not score (new
 * customers, products added during the week). The scikit-learn propensity model runs on
 * KServe's runtime behind a transformer that expands the discount levels and returns the one
 * with the best expected margin.
 *
 * A new version is a challenger in a champion/challenger: offline, `discount-training`'s gate
 * only registers (and promotes) a challenger that beats the champion on the holdout and in every
 * backtest week; online, it shadows the champion on live requests, and must predict like it
 * (mean purchase propensity within 10 %) at the same latency and error rate. Customers never see
 * a challenger's discount: showing different prices from an unproven model risks margin and
 * fairness, which is why the online phase is a shadow and not an A/B test. A challenger that
 * passed is folded into `serving` in git; one that failed is dropped.
 *
 * @example
 * ```ts
 * app('discounts', (env) => ({ pipelines: [discountTraining], deployments: [discountOptimizer(env)] }));
 * ```
 */
export function discountOptimizer(
  env: Environment,
  versions: ModelVersions = modelVersions(env, DISCOUNT_MODEL),
): ModelDeployment {
  const s = settings(env);
  const candidate = versions.candidate;
  return modelDeployment(DISCOUNT_MODEL, {
    description: 'Best discount per customer and product for the pairs the weekly batch did not score.',
    // No `version`: the predictor keeps the `discount-optimizer-predictor` Service the shadow mirror binds to.
    serving: kserve({
      ...platformKserve(s.replicas.discountOptimizer),
      format: 'sklearn',
      storageUri: versions.serving.storageUri,
      resources: { cpu: '1', memory: '2Gi' },
      transformer: {
        image: images.discountTransformer,
        env: { DISCOUNT_LEVELS: '0,5,10,15,20,25', MIN_MARGIN_RATE: '0.05' },
        resources: { cpu: '500m', memory: '512Mi' },
      },
    }),
    strategy: candidate
      ? championChallenger({
          challengers: { [versionLabel(candidate)]: kserveVersion(candidate) },
          offlineGate: { pipeline: discountTraining },
          online: shadow({
            mirrorPercent: 100,
            duration: s.rollout.shadow.duration,
            analysis: healthGate(DISCOUNT_SLO, [
              metric.prometheus('propensity-shift', {
                query: predictionDrift({ window: minutes(30) }),
                success: below(0.1),
              }),
            ]),
          }),
        })
      : servesAlone(),
    // Checkout calls the optimizer from inside the mesh; nothing reaches it through an ingress gateway.
    mesh: istio({ gateways: ['mesh'] }),
    prometheus: s.prometheus,
    labels: { team: 'pricing' },
  });
}
