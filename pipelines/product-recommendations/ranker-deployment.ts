import { images } from '../../components/index.ts';
import {
  below,
  canary,
  metric,
  minutes,
  modelDeployment,
  predictionDrift,
  secretKey,
  server,
  shadow,
  type Environment,
  type ModelDeployment,
} from 'argosy';
import { settings } from '../environments.ts';
import {
  modelVersions,
  MODEL_URI_ENV,
  serverVersion,
  versionLabel,
  type ModelVersions,
} from '../shared/model-versions.ts';
import { healthGate } from '../shared/serving.ts';
import { RANKER_MODEL } from './ranking-training.ts';

/** What the recommendation slots can wait for (also the alert thresholds). */
export const RANKER_SLO = { latencyP99: 0.2, errorRate: 0.01 } as const;

/**
 * Product recommendations serving: DSRPMart's ranking server (a plain model server: it joins the
 * 4-hourly batch candidates with live session features before scoring) run by an Argo Rollout.
 * A new ranker goes shadow first: it gets a mirrored share of live requests and must rank like
 * the champion (mean score within 5 %) at the same latency and error rate; only then does real
 * traffic move to it in canary steps, gated on latency and error rate. A failed gate aborts the
 * Rollout, which routes everything back to the stable ranker.
 *
 * @example
 * ```ts
 * app('product-recommendations', (env) => ({ deployments: [productRanker(env)] }));
 * ```
 */
export function productRanker(
  env: Environment,
  versions: ModelVersions = modelVersions(env, RANKER_MODEL),
): ModelDeployment {
  const s = settings(env);
  const shadowGate = healthGate(RANKER_SLO, [
    metric.prometheus('ranking-shift', { query: predictionDrift({ window: minutes(30) }), success: below(0.05) }),
  ]);
  return modelDeployment(RANKER_MODEL, {
    description: 'Re-ranks the batch candidates of a user with live session features for the recommendation slots.',
    serving: server({
      image: images.rankerServer,
      port: 8080,
      version: versionLabel(versions.serving),
      env: {
        [MODEL_URI_ENV]: versions.serving.storageUri,
        AWS_ACCESS_KEY_ID: secretKey('object-store-credentials', 'access-key-id'),
        AWS_SECRET_ACCESS_KEY: secretKey('object-store-credentials', 'secret-access-key'),
      },
      replicas: s.replicas.productRanker,
      resources: { cpu: '2', memory: '4Gi' },
      probes: { readiness: '/v2/health/ready', liveness: { path: '/v2/health/live', initialDelay: 30 } },
      metrics: { port: 8082, path: '/metrics' },
    }),
    // Promotions record the ranker as `serving` (recordAs: 'serving'): a new MODEL_URI changes the
    // pod template, and Argo Rollouts runs the steps below against its stable ReplicaSet. A
    // candidate recorded by hand is rolled out the same way, as the challenger.
    strategy: shadow({
      ...(versions.candidate ? { challenger: serverVersion(versions.candidate) } : {}),
      mirrorPercent: s.rollout.shadow.mirrorPercent,
      duration: s.rollout.shadow.duration,
      analysis: shadowGate,
      then: canary({ steps: s.rollout.canarySteps, analysis: healthGate(RANKER_SLO) }),
    }),
    prometheus: s.prometheus,
    labels: { team: 'personalization' },
  });
}
