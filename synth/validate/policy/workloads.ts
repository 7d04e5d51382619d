import { arr, type Json, obj } from '../object-path.ts';

/** A container found in an object, with the pod it runs in. */
export interface ContainerSite {
  /** Dotted path of the container inside the object. */
  readonly path: string;
  readonly container: Json;
  /** Defaults merged under the container (Argo `templateDefaults`). */
  readonly defaults: Json;
  readonly pod: PodSite;
}

/** A pod spec (or the pod-level fields of a Workflow template). */
export interface PodSite {
  readonly path: string;
  /** Pod-level securityContext in force (innermost wins). */
  readonly securityContext: Json;
  readonly spec: Json;
  readonly volumes: readonly { path: string; volume: Json }[];
}

function podSite(path: string, spec: Json, securityContext: Json = obj(spec.securityContext), extraVolumes: readonly { path: string; volume: Json }[] = []): PodSite {
  return { path, spec, securityContext, volumes: [...extraVolumes, ...arr(spec.volumes).map((v, i) => ({ path: `${path}.volumes[${i}]`, volume: obj(v) }))] };
}

function podContainers(pod: PodSite, spec: Json): ContainerSite[] {
  return ['initContainers', 'containers', 'ephemeralContainers'].flatMap((f) => arr(spec[f]).map((c, i) => ({ path: `${pod.path}.${f}[${i}]`, container: obj(c), defaults: {}, pod })));
}

function fromPodSpec(path: string, spec: unknown): ContainerSite[] {
  const s = obj(spec);
  return podContainers(podSite(path, s), s);
}

/** Containers of an Argo workflow spec: every template's container, script, containerSet, init containers and sidecars. */
function fromWorkflowSpec(path: string, spec: Json): ContainerSite[] {
  const out: ContainerSite[] = [];
  const defaults = obj(spec.templateDefaults);
  const wfVolumes = arr(spec.volumes).map((v, i) => ({ path: `${path}.volumes[${i}]`, volume: obj(v) }));
  arr(spec.templates).forEach((raw, i) => {
    const t = obj(raw);
    const tp = `${path}.templates[${i}]`;
    const podSecurity = { ...obj(spec.securityContext), ...obj(t.securityContext) };
    const pod = podSite(tp, { ...spec, ...t, hostNetwork: t.hostNetwork ?? spec.hostNetwork }, podSecurity, wfVolumes);
    const add = (p: string, c: unknown, d: Json = {}): void => {
      out.push({ path: p, container: obj(c), defaults: d, pod });
    };
    if (t.container) add(`${tp}.container`, t.container, obj(defaults.container));
    if (t.script) add(`${tp}.script`, t.script, obj(defaults.script));
    arr(obj(t.containerSet).containers).forEach((c, j) => add(`${tp}.containerSet.containers[${j}]`, c));
    arr(t.initContainers).forEach((c, j) => add(`${tp}.initContainers[${j}]`, c));
    arr(t.sidecars).forEach((c, j) => add(`${tp}.sidecars[${j}]`, c));
  });
  return out;
}

/** KServe components carry pod fields inline and the model/container fields beside them. */
function fromInferenceService(spec: Json): ContainerSite[] {
  const out: ContainerSite[] = [];
  for (const component of ['predictor', 'transformer', 'explainer']) {
    const c = obj(spec[component]);
    if (Object.keys(c).length === 0) continue;
    const path = `spec.${component}`;
    const pod = podSite(path, c);
    out.push(...podContainers(pod, c));
    for (const [field, value] of Object.entries(c)) {
      // Framework/model entries (model, sklearn, pytorch, ...) are containers the controller completes.
      if (['containers', 'initContainers', 'volumes', 'securityContext', 'tolerations', 'affinity', 'nodeSelector'].includes(field)) continue;
      const v = obj(value);
      if ('storageUri' in v || 'modelFormat' in v || 'runtime' in v || 'protocolVersion' in v) out.push({ path: `${path}.${field}`, container: v, defaults: {}, pod });
    }
  }
  return out;
}

/** Every container an object would run, found by kind. Unknown kinds have none. */
export function containersOf(o: unknown): ContainerSite[] {
  const d = obj(o);
  const spec = obj(d.spec);
  switch (d.kind) {
    case 'Pod': return fromPodSpec('spec', spec);
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
    case 'Rollout':
      return fromPodSpec('spec.template.spec', obj(spec.template).spec);
    case 'CronJob': return fromPodSpec('spec.jobTemplate.spec.template.spec', obj(obj(obj(spec.jobTemplate).spec).template).spec);
    case 'Workflow':
    case 'WorkflowTemplate':
    case 'ClusterWorkflowTemplate':
      return fromWorkflowSpec('spec', spec);
    case 'CronWorkflow': return fromWorkflowSpec('spec.workflowSpec', obj(spec.workflowSpec));
    case 'AnalysisTemplate':
    case 'ClusterAnalysisTemplate':
      return arr(spec.metrics).flatMap((m, i) => fromPodSpec(`spec.metrics[${i}].provider.job.spec.template.spec`, obj(obj(obj(obj(obj(m).provider).job).spec).template).spec));
    case 'Experiment': return arr(spec.templates).flatMap((t, i) => fromPodSpec(`spec.templates[${i}].template.spec`, obj(obj(t).template).spec));
    case 'InferenceService': return fromInferenceService(spec);
    case 'ServingRuntime':
    case 'ClusterServingRuntime':
      return fromPodSpec('spec', spec);
    default: return [];
  }
}
