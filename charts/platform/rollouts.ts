import { DslError } from '../../dsl/errors.ts';
import { rolloutsBefore, type ArgoRolloutsVersionIR } from '../../dsl/ir/platform.ts';
import type { RenderedObject } from '../target.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One Argo Rollouts field a release added: where it sits (`[]`: every element), what it is, since when. */
interface RolloutsField {
  readonly kinds: readonly string[];
  readonly path: string;
  readonly feature: string;
  readonly since: ArgoRolloutsVersionIR;
}

const ANALYSIS = ['AnalysisTemplate', 'ClusterAnalysisTemplate', 'AnalysisRun'];
const CANARY = 'spec.strategy.canary';

/**
 * The Rollouts fields (outside the Kubernetes pod template) that the 1.7 and 1.8 CRDs have and
 * the 1.6/1.7 ones lack, found by diffing the releases' CRDs. The API server prunes an unknown
 * field, so the older controller would silently run without it: each is an error instead.
 */
const ADDED: readonly RolloutsField[] = [
  {
    kinds: ['Rollout'],
    path: `${CANARY}.trafficRouting.maxTrafficWeight`,
    feature: 'a traffic weight scale (maxTrafficWeight)',
    since: '1.7',
  },
  {
    kinds: ['Rollout'],
    path: `${CANARY}.steps[].experiment.analysisRunMetadata`,
    feature: 'experiment-step AnalysisRun metadata',
    since: '1.7',
  },
  {
    kinds: ['Rollout'],
    path: `${CANARY}.steps[].experiment.dryRun`,
    feature: 'dry-run metrics in an experiment step',
    since: '1.7',
  },
  { kinds: ['Rollout'], path: 'spec.workloadRef.scaleDown', feature: 'workloadRef.scaleDown', since: '1.7' },
  { kinds: ['Experiment'], path: 'spec.analysisRunMetadata', feature: 'Experiment AnalysisRun metadata', since: '1.7' },
  { kinds: ['AnalysisRun'], path: 'spec.ttlStrategy', feature: 'an AnalysisRun ttlStrategy', since: '1.7' },
  {
    kinds: ['AnalysisTemplate', 'ClusterAnalysisTemplate'],
    path: 'spec.templates',
    feature: 'AnalysisTemplate composition (spec.templates)',
    since: '1.7',
  },
  {
    kinds: ANALYSIS,
    path: 'spec.metrics[].provider.prometheus.authentication.oauth2',
    feature: 'Prometheus OAuth2 authentication',
    since: '1.7',
  },
  {
    kinds: ANALYSIS,
    path: 'spec.metrics[].provider.web.authentication',
    feature: 'web metric authentication',
    since: '1.7',
  },
  { kinds: ANALYSIS, path: 'spec.metrics[].provider.datadog.queries', feature: 'Datadog v2 queries', since: '1.7' },
  { kinds: ANALYSIS, path: 'spec.metrics[].provider.datadog.formula', feature: 'a Datadog formula', since: '1.7' },
  {
    kinds: ANALYSIS,
    path: 'spec.metrics[].provider.datadog.aggregator',
    feature: 'a Datadog aggregator',
    since: '1.7',
  },
  { kinds: ['Rollout'], path: `${CANARY}.replicaProgressThreshold`, feature: 'replicaProgressThreshold', since: '1.8' },
  {
    kinds: ['Rollout'],
    path: `${CANARY}.steps[].experiment.scaleDownDelaySeconds`,
    feature: 'an experiment-step scaleDownDelaySeconds',
    since: '1.8',
  },
  { kinds: ['Rollout'], path: `${CANARY}.steps[].plugin`, feature: 'a step plugin', since: '1.8' },
  {
    kinds: ['Rollout'],
    path: `${CANARY}.trafficRouting.istio.destinationRule.additionalSubsetNames`,
    feature: 'additional DestinationRule subsets',
    since: '1.8',
  },
  {
    kinds: ['Rollout'],
    path: `${CANARY}.trafficRouting.nginx.canaryIngressAnnotations`,
    feature: 'NGINX canary Ingress annotations',
    since: '1.8',
  },
  {
    kinds: ANALYSIS,
    path: 'spec.metrics[].consecutiveSuccessLimit',
    feature: 'a metric consecutiveSuccessLimit',
    since: '1.8',
  },
  {
    kinds: ANALYSIS,
    path: 'spec.metrics[].provider.prometheus.rangeQuery',
    feature: 'a Prometheus range query',
    since: '1.8',
  },
  {
    kinds: ANALYSIS,
    path: 'spec.metrics[].provider.prometheus.authentication.basicAuth',
    feature: 'Prometheus basic authentication',
    since: '1.8',
  },
  {
    kinds: ANALYSIS,
    path: 'spec.metrics[].provider.web.authentication.basicAuth',
    feature: 'web metric basic authentication',
    since: '1.8',
  },
  { kinds: ANALYSIS, path: 'spec.metrics[].provider.datadog.secretRef', feature: 'a Datadog secretRef', since: '1.8' },
  {
    kinds: ANALYSIS,
    path: 'spec.metrics[].provider.datadog.requestTimeout',
    feature: 'a Datadog requestTimeout',
    since: '1.8',
  },
  { kinds: ANALYSIS, path: 'spec.metrics[].provider.newRelic.timeout', feature: 'a New Relic timeout', since: '1.8' },
  { kinds: ANALYSIS, path: 'spec.metrics[].provider.kayenta.lookback', feature: 'a Kayenta lookback', since: '1.8' },
];

/** The concrete paths (`steps[2].plugin`) under `value` where `path` is set. */
function present(value: unknown, path: readonly string[], at: string): string[] {
  if (path.length === 0) return value === undefined ? [] : [at];
  const [head, ...rest] = path as [string, ...string[]];
  const each = head.endsWith('[]');
  const key = each ? head.slice(0, -2) : head;
  if (!isObject(value)) return [];
  const child = value[key];
  const here = at ? `${at}.${key}` : key;
  if (!each) return present(child, rest, here);
  return Array.isArray(child) ? child.flatMap((item, i) => present(item, rest, `${here}[${i}]`)) : [];
}

/**
 * An Argo Rollouts object for an older release: a field that release does not have is a
 * DslError naming the feature and the minimum version (nothing Argosy emits today needs one,
 * so this guards what users and later features add). The object is returned unchanged.
 *
 * @example
 * ```ts
 * adaptRollouts(rollout, '1.6', ['environment "prod"', 'app "a"', 'Rollout "ranker"']);
 * // throws for spec.strategy.canary.trafficRouting.maxTrafficWeight: needs Argo Rollouts 1.7 or later
 * ```
 */
export function adaptRollouts(
  obj: RenderedObject,
  version: ArgoRolloutsVersionIR,
  where: readonly string[],
): RenderedObject {
  if (obj.apiVersion !== 'argoproj.io/v1alpha1') return obj;
  for (const field of ADDED) {
    if (!field.kinds.includes(obj.kind) || !rolloutsBefore(version, field.since)) continue;
    const [first] = present(obj, field.path.split('.'), '');
    if (first)
      throw new DslError({
        path: [...where, first],
        problem: `${field.feature} needs Argo Rollouts ${field.since} or later`,
        got: `argoRollouts ${version}`,
        fix: `Remove it, or target argoRollouts ${field.since} or later in project(..., { platform })`,
      });
  }
  return obj;
}
