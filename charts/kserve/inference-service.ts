import type { DeploymentIR, KServeServingIR, ModelVersionIR } from '../../dsl/ir/index.ts';
import type { ObjectSpec } from '../api-object.ts';
import { mergeEnv, plainEnv, resourcesOf } from '../argo-rollouts/container.ts';
import { containerSecurity, podSecurity } from '../argo-workflows/pod.ts';
import { deploymentAnnotations } from '../deployment-meta.ts';
import { onlineStrategy } from '../../dsl/ir/strategy.ts';
import { runtimeOwnedAnnotation } from '../deployment-sync.ts';

export const KSERVE_API_VERSION = 'serving.kserve.io/v1beta1';

/** `predictor.model`: always the generic `modelFormat` form, never a legacy framework key. */
function model(
  s: KServeServingIR,
  v: ModelVersionIR | undefined,
  extraArgs: readonly string[] = [],
): Record<string, unknown> {
  const args = [...(v?.args ?? s.args), ...extraArgs];
  const env = mergeEnv(s.env, v?.env);
  const runtime = v?.runtime ?? s.runtime;
  return {
    // KServe's own container name: the webhook sets it anyway, and spec.canary[] requires it.
    name: 'kserve-container',
    modelFormat: s.format,
    storageUri: v?.storageUri ?? s.storageUri,
    ...(runtime ? { runtime } : {}),
    ...(s.protocolVersion ? { protocolVersion: s.protocolVersion } : {}),
    ...(args.length ? { args } : {}),
    ...(env.length ? { env: plainEnv(env) } : {}),
    ...resourcesOf(v?.resources ?? s.resources),
    securityContext: containerSecurity(s.security),
  };
}

/** Pod-level predictor fields shared by the stable predictor and canary entries. */
function podFields(s: KServeServingIR): Record<string, unknown> {
  return {
    ...(s.serviceAccountName ? { serviceAccountName: s.serviceAccountName } : {}),
    securityContext: podSecurity(s.security),
    ...(s.logger ? { logger: { url: s.logger.url, mode: s.logger.mode } } : {}),
  };
}

function scaling(s: KServeServingIR): Record<string, unknown> {
  return {
    minReplicas: s.minReplicas,
    ...(s.maxReplicas !== undefined ? { maxReplicas: s.maxReplicas } : {}),
    ...(s.scaleMetric ? { scaleMetric: s.scaleMetric } : {}),
    ...(s.scaleTarget !== undefined ? { scaleTarget: s.scaleTarget } : {}),
  };
}

function transformer(s: KServeServingIR): Record<string, unknown> {
  const t = s.transformer;
  if (!t) return {};
  return {
    transformer: {
      securityContext: podSecurity(s.security),
      containers: [
        {
          name: 'kserve-container',
          image: t.image,
          ...(t.args.length ? { args: t.args } : {}),
          ...(t.env.length ? { env: plainEnv(t.env) } : {}),
          ...resourcesOf(t.resources),
          securityContext: containerSecurity(s.security),
        },
      ],
    },
  };
}

function isvc(
  d: DeploymentIR,
  name: string,
  s: KServeServingIR,
  spec: Record<string, unknown>,
  version: string | undefined,
  extraAnnotations: Record<string, string>,
  namespace: string | undefined,
): ObjectSpec {
  const annotations = {
    // Always explicit: the cluster default differs between installs (Serverless vs Standard).
    'serving.kserve.io/deploymentMode': s.deploymentMode,
    ...(s.scrapeMetrics ? { 'serving.kserve.io/enable-prometheus-scraping': 'true' } : {}),
    ...deploymentAnnotations(d),
    ...runtimeOwnedAnnotation(d, 'InferenceService', name),
    ...extraAnnotations,
  };
  return {
    apiVersion: KSERVE_API_VERSION,
    kind: 'InferenceService',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      labels: { ...d.labels, ...(version ? { 'app.kubernetes.io/version': version } : {}) },
      annotations,
    },
    spec,
  };
}

/**
 * Every InferenceService of a KServe deployment. Canary and blue/green keep one InferenceService
 * with the candidate in `spec.canary[]` at 0 % (the promotion workflow moves the traffic), or in
 * Knative mode the candidate as the latest revision with `canaryTrafficPercent: 0`. Shadow and
 * A/B add one InferenceService per challenger or variant, serving under the deployment's model
 * name so mirrored and routed request paths resolve.
 */
export function inferenceServices(d: DeploymentIR, s: KServeServingIR, namespace: string | undefined): ObjectSpec[] {
  const e = onlineStrategy(d.strategy);
  if (e.kind === 'canary' && s.deploymentMode === 'Knative') {
    const predictor = { ...scaling(s), ...podFields(s), model: model(s, e.candidate), canaryTrafficPercent: 0 };
    return [
      isvc(
        d,
        d.names.workload,
        s,
        { predictor, ...transformer(s) },
        e.candidate?.version ?? s.version,
        { 'serving.kserve.io/enable-tag-routing': 'true' },
        namespace,
      ),
    ];
  }
  if (e.kind === 'canary' || e.kind === 'blueGreen') {
    const c = e.candidate;
    const predictor = {
      ...(d.names.namedPredictor ? { name: d.names.namedPredictor } : {}),
      ...scaling(s),
      ...podFields(s),
      model: model(s, undefined),
    };
    // Canary entries take no autoscaling fields; a dark launch pins replicas so the candidate runs at 0 %.
    const canaryEntry = c && {
      trafficPercent: 0,
      predictor: {
        name: c.version,
        ...(e.kind === 'blueGreen' ? { minReplicas: s.minReplicas } : {}),
        ...podFields(s),
        model: model(s, c),
      },
    };
    return [
      isvc(
        d,
        d.names.workload,
        s,
        { predictor, ...transformer(s), ...(canaryEntry ? { canary: [canaryEntry] } : {}) },
        s.version,
        {},
        namespace,
      ),
    ];
  }
  const primary = isvc(
    d,
    d.names.workload,
    s,
    { predictor: { ...scaling(s), ...podFields(s), model: model(s, undefined) }, ...transformer(s) },
    s.version,
    {},
    namespace,
  );
  const nameArg = s.modelNameArg ? [`${s.modelNameArg}=${d.name}`] : [];
  const arms: [string, ModelVersionIR | undefined][] =
    e.kind === 'shadow'
      ? e.challengers.map((c) => [c.name, c.model])
      : e.variants.filter((v) => v.name !== e.primary).map((v) => [v.name, v.model]);
  return [
    primary,
    ...arms.map(([arm, v]) =>
      isvc(
        d,
        d.names.inferenceServices[arm] as string,
        s,
        { predictor: { ...scaling(s), ...podFields(s), model: model(s, v, nameArg) }, ...transformer(s) },
        v?.version,
        { 'argosy.dev/arm': arm },
        namespace,
      ),
    ),
  ];
}
