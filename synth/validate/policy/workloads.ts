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
  /** Annotations of the pod (its template's metadata), where AppArmor profiles used to be set. */
  readonly annotations: Json;
  readonly annotationsPath: string;
}

interface PodMeta {
  readonly annotations: Json;
  readonly path: string;
}

const NO_META: PodMeta = { annotations: {}, path: '' };

function podSite(
  path: string,
  spec: Json,
  securityContext: Json = obj(spec.securityContext),
  extraVolumes: readonly { path: string; volume: Json }[] = [],
  meta: PodMeta = NO_META,
): PodSite {
  return {
    path,
    spec,
    securityContext,
    volumes: [...extraVolumes, ...arr(spec.volumes).map((v, i) => ({ path: `${path}.volumes[${i}]`, volume: obj(v) }))],
    annotations: meta.annotations,
    annotationsPath: meta.path,
  };
}

/** The metadata annotations of a pod template at `path` (`spec.template`). */
function templateMeta(path: string, template: unknown): PodMeta {
  return { annotations: obj(obj(obj(template).metadata).annotations), path: `${path}.metadata.annotations` };
}

function podContainers(pod: PodSite, spec: Json): ContainerSite[] {
  return ['initContainers', 'containers', 'ephemeralContainers'].flatMap((f) =>
    arr(spec[f]).map((c, i) => ({ path: `${pod.path}.${f}[${i}]`, container: obj(c), defaults: {}, pod })),
  );
}

function fromPodSpec(path: string, spec: unknown, meta: PodMeta = NO_META): ContainerSite[] {
  const s = obj(spec);
  return podContainers(podSite(path, s, obj(s.securityContext), [], meta), s);
}

/** A pod template (`spec.template` of a Deployment): its spec, and its metadata for annotations. */
function fromTemplate(path: string, template: unknown): ContainerSite[] {
  return fromPodSpec(`${path}.spec`, obj(template).spec, templateMeta(path, template));
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
    const pod = podSite(
      tp,
      { ...spec, ...t, hostNetwork: t.hostNetwork ?? spec.hostNetwork },
      podSecurity,
      wfVolumes,
      templateMeta(tp, t),
    );
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
  // KServe v0.20 canary entries (`spec.canary[].predictor`) run pods of their own.
  const components: [string, unknown][] = [
    ...['predictor', 'transformer', 'explainer'].map((c): [string, unknown] => [`spec.${c}`, spec[c]]),
    ...arr(spec.canary).map((entry, i): [string, unknown] => [`spec.canary[${i}].predictor`, obj(entry).predictor]),
  ];
  for (const [path, raw] of components) {
    const c = obj(raw);
    if (Object.keys(c).length === 0) continue;
    const pod = podSite(path, c);
    out.push(...podContainers(pod, c));
    for (const [field, value] of Object.entries(c)) {
      // Framework/model entries (model, sklearn, pytorch, ...) are containers the controller completes.
      if (
        [
          'containers',
          'initContainers',
          'volumes',
          'securityContext',
          'tolerations',
          'affinity',
          'nodeSelector',
        ].includes(field)
      )
        continue;
      const v = obj(value);
      if ('storageUri' in v || 'modelFormat' in v || 'runtime' in v || 'protocolVersion' in v)
        out.push({ path: `${path}.${field}`, container: v, defaults: {}, pod });
    }
  }
  return out;
}

/** Every container an object would run, found by kind. Unknown kinds have none. */
export function containersOf(o: unknown): ContainerSite[] {
  const d = obj(o);
  const spec = obj(d.spec);
  switch (d.kind) {
    case 'Pod':
      return fromPodSpec('spec', spec, { annotations: obj(obj(d.metadata).annotations), path: 'metadata.annotations' });
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
    case 'Rollout':
      return fromTemplate('spec.template', spec.template);
    case 'CronJob':
      return fromTemplate('spec.jobTemplate.spec.template', obj(obj(spec.jobTemplate).spec).template);
    case 'Workflow':
    case 'WorkflowTemplate':
    case 'ClusterWorkflowTemplate':
      return fromWorkflowSpec('spec', spec);
    case 'CronWorkflow':
      return fromWorkflowSpec('spec.workflowSpec', obj(spec.workflowSpec));
    case 'AnalysisTemplate':
    case 'ClusterAnalysisTemplate':
      return arr(spec.metrics).flatMap((m, i) =>
        fromTemplate(`spec.metrics[${i}].provider.job.spec.template`, obj(obj(obj(obj(m).provider).job).spec).template),
      );
    case 'Experiment':
      return arr(spec.templates).flatMap((t, i) => fromTemplate(`spec.templates[${i}].template`, obj(t).template));
    case 'InferenceService':
      return fromInferenceService(spec);
    case 'ServingRuntime':
    case 'ClusterServingRuntime':
      return fromPodSpec('spec', spec);
    default:
      return [];
  }
}
