import type { DeploymentIR, KServeServingIR, ModelVersionIR } from '../../dsl/ir/index.ts';
import { mergeEnv, plainEnv, resourcesOf } from '../k8s/container.ts';
import { containerSecurity, podSecurity } from '../k8s/pod.ts';
import { deploymentAnnotations } from '../deployment-meta.ts';
import type {
  InferenceService,
  InferenceServiceSpec,
  ModelSpec,
  PredictorSpec,
  SecurityContext,
  SecurityContext2,
  TransformerSpec,
} from '../imports/kserve.ts';

export const KSERVE_API_VERSION = 'serving.kserve.io/v1beta1';

// The pod helpers of charts/argo-workflows/pod.ts render untyped objects; the casts name what they render.
const containerSecurityOf = (s: KServeServingIR): SecurityContext => containerSecurity(s.security) as SecurityContext;
const podSecurityOf = (s: KServeServingIR): SecurityContext2 => podSecurity(s.security) as SecurityContext2;

/** `predictor.model`: always the generic `modelFormat` form, never a legacy framework key. */
/**
 * The ModelSpec fields Argosy sets, valid for the predictor and a `spec.canary[]` entry alike
 * (the canary entry's schema requires the model format).
 */
type ModelFields = Required<Pick<ModelSpec, 'name' | 'modelFormat' | 'storageUri'>> &
  Pick<ModelSpec, 'runtime' | 'protocolVersion' | 'args' | 'env' | 'resources' | 'securityContext'>;

export function model(
  s: KServeServingIR,
  v: ModelVersionIR | undefined,
  extraArgs: readonly string[] = [],
): ModelFields {
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
    securityContext: containerSecurityOf(s),
  };
}

/** Pod-level predictor fields shared by the stable predictor and canary entries. */
export function podFields(
  s: KServeServingIR,
): Pick<PredictorSpec, 'serviceAccountName' | 'securityContext' | 'logger'> {
  return {
    ...(s.serviceAccountName ? { serviceAccountName: s.serviceAccountName } : {}),
    securityContext: podSecurityOf(s),
    ...(s.logger ? { logger: { url: s.logger.url, mode: s.logger.mode } } : {}),
  };
}

export function scaling(
  s: KServeServingIR,
): Pick<PredictorSpec, 'minReplicas' | 'maxReplicas' | 'scaleMetric' | 'scaleTarget'> {
  return {
    minReplicas: s.minReplicas,
    ...(s.maxReplicas !== undefined ? { maxReplicas: s.maxReplicas } : {}),
    ...(s.scaleMetric ? { scaleMetric: s.scaleMetric } : {}),
    ...(s.scaleTarget !== undefined ? { scaleTarget: s.scaleTarget } : {}),
  };
}

export function transformer(s: KServeServingIR): { transformer?: TransformerSpec } {
  const t = s.transformer;
  if (!t) return {};
  return {
    transformer: {
      securityContext: podSecurityOf(s),
      containers: [
        {
          name: 'kserve-container',
          image: t.image,
          ...(t.args.length ? { args: t.args } : {}),
          ...(t.env.length ? { env: plainEnv(t.env) } : {}),
          ...resourcesOf(t.resources),
          securityContext: containerSecurityOf(s),
        },
      ],
    },
  };
}

/** One InferenceService of a deployment, its deployment mode explicit. */
export function isvc(
  d: DeploymentIR,
  name: string,
  s: KServeServingIR,
  spec: InferenceServiceSpec,
  version: string | undefined,
  extraAnnotations: Record<string, string>,
  namespace: string | undefined,
): InferenceService {
  const annotations = {
    // Always explicit: the cluster default differs between installs (Serverless vs Standard).
    'serving.kserve.io/deploymentMode': s.deploymentMode,
    ...(s.scrapeMetrics ? { 'serving.kserve.io/enable-prometheus-scraping': 'true' } : {}),
    ...deploymentAnnotations(d),
    ...extraAnnotations,
  };
  return {
    apiVersion: 'serving.kserve.io/v1beta1',
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
 * Canary and blue/green keep one InferenceService with the candidate in `spec.canary[]` at 0 %
 * (the promotion workflow moves the traffic). Canary entries take no autoscaling fields; a dark
 * launch (`pinned`) pins the candidate's replicas so it runs at 0 %.
 */
export function inPlaceInferenceServices(
  d: DeploymentIR,
  s: KServeServingIR,
  c: ModelVersionIR | undefined,
  pinned: boolean,
  namespace: string | undefined,
): InferenceService[] {
  const predictor: PredictorSpec = {
    ...(d.names.namedPredictor ? { name: d.names.namedPredictor } : {}),
    ...scaling(s),
    ...podFields(s),
    model: model(s, undefined),
  };
  const canaryEntry = c && {
    trafficPercent: 0,
    predictor: {
      name: c.version,
      ...(pinned ? { minReplicas: s.minReplicas } : {}),
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

/**
 * Shadow and A/B add one InferenceService per challenger or variant beside the primary, serving
 * under the deployment's model name so mirrored and routed request paths resolve.
 */
export function sideBySideInferenceServices(
  d: DeploymentIR,
  s: KServeServingIR,
  arms: readonly { readonly name: string; readonly model?: ModelVersionIR }[],
  namespace: string | undefined,
): InferenceService[] {
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
  return [
    primary,
    ...arms.map((arm) =>
      isvc(
        d,
        d.names.inferenceServices[arm.name] as string,
        s,
        { predictor: { ...scaling(s), ...podFields(s), model: model(s, arm.model, nameArg) }, ...transformer(s) },
        arm.model?.version,
        { 'argosy.dev/arm': arm.name },
        namespace,
      ),
    ),
  ];
}
