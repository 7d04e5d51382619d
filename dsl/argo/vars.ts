import { artifactRef, paramRef, refWithFields, type ArtifactRef, type ParamRef } from './refs.ts';

/** Formats of `{{workflow.creationTimestamp.<format>}}`: strftime letters, `s` (epoch seconds) and RFC 3339. */
export type TimestampFormat =
  | 'RFC3339'
  | 'Y'
  | 'y'
  | 'm'
  | 'd'
  | 'e'
  | 'j'
  | 'H'
  | 'I'
  | 'M'
  | 'S'
  | 's'
  | 'f'
  | 'p'
  | 'a'
  | 'A'
  | 'b'
  | 'B'
  | 'c'
  | 'C'
  | 'D'
  | 'F'
  | 'T'
  | 'R'
  | 'r'
  | 'U'
  | 'W'
  | 'w'
  | 'u'
  | 'V'
  | 'G'
  | 'g'
  | 'x'
  | 'X'
  | 'Z'
  | 'z'
  | 'h'
  | 'n'
  | 't'
  | 'k'
  | 'l'
  | 'L'
  | 'N'
  | 'v';

/** `{{workflow.creationTimestamp}}`, with a typed sub-reference per format (`.Y`, `.RFC3339`, ...). */
export type TimestampVar = ParamRef & { readonly [F in TimestampFormat]: ParamRef };

const FORMATS = new Set(
  'RFC3339 Y y m d e j H I M S s f p a A b B c C D F T R r U W w u V G g x X Z z h n t k l L N v'.split(' '),
);
const timestamp = (path: string): TimestampVar =>
  refWithFields<{ readonly [F in TimestampFormat]: ParamRef }>(path, (f) =>
    FORMATS.has(f) ? paramRef(`${path}.${f}`) : undefined,
  );
const keyed =
  (path: string) =>
  (key: string): ParamRef =>
    paramRef(`${path}.${key}`);

/**
 * Argo's global variables, so templates reference them by name instead of by hand-typed
 * `{{...}}` text. Maps (labels, annotations, parameters) are read with `label(key)` and friends;
 * a workflow's own declared parameters are better referenced through `workflowArguments()`, which is typed.
 *
 * @example
 * ```ts
 * args: [`${vars.workflow.name} finished with ${vars.workflow.status}`]
 * metrics: { prometheus: [{ name: 'duration', help: 'Duration', gauge: { value: vars.duration, realtime: false } }] }
 * ```
 */
export const vars = {
  workflow: {
    name: paramRef('workflow.name'),
    namespace: paramRef('workflow.namespace'),
    uid: paramRef('workflow.uid'),
    mainEntrypoint: paramRef('workflow.mainEntrypoint'),
    serviceAccountName: paramRef('workflow.serviceAccountName'),
    priority: paramRef('workflow.priority'),
    status: paramRef('workflow.status'),
    failures: paramRef('workflow.failures'),
    duration: paramRef('workflow.duration'),
    scheduledTime: paramRef('workflow.scheduledTime'),
    creationTimestamp: timestamp('workflow.creationTimestamp'),
    /** All labels (`{{workflow.labels}}`); `label(key)` for one, `label('json')` for all as JSON. */
    labels: paramRef('workflow.labels'),
    label: keyed('workflow.labels'),
    annotations: paramRef('workflow.annotations'),
    annotation: keyed('workflow.annotations'),
    /** All parameters; `parameter(name)` for one. Prefer the typed refs of workflowArguments(). */
    parameters: paramRef('workflow.parameters'),
    parameter: keyed('workflow.parameters'),
    outputs: {
      /** A global output parameter (a template output with `globalName`). */
      parameter: keyed('workflow.outputs.parameters'),
      /** A global output artifact (a template output with `globalName`). */
      artifact: (name: string): ArtifactRef => artifactRef(`workflow.outputs.artifacts.${name}`),
    },
  },
  cronworkflow: {
    name: paramRef('cronworkflow.name'),
    namespace: paramRef('cronworkflow.namespace'),
    labels: paramRef('cronworkflow.labels'),
    label: keyed('cronworkflow.labels'),
    annotations: paramRef('cronworkflow.annotations'),
    annotation: keyed('cronworkflow.annotations'),
    lastScheduledTime: paramRef('cronworkflow.lastScheduledTime'),
    failed: paramRef('cronworkflow.failed'),
    succeeded: paramRef('cronworkflow.succeeded'),
  },
  pod: { name: paramRef('pod.name') },
  node: { name: paramRef('node.name') },
  /** `{{steps.name}}`: the name of the current step (inside a steps template). */
  stepName: paramRef('steps.name'),
  /** `{{tasks.name}}`: the name of the current task (inside a DAG template). */
  taskName: paramRef('tasks.name'),
  retries: paramRef('retries'),
  lastRetry: {
    exitCode: paramRef('lastRetry.exitCode'),
    status: paramRef('lastRetry.status'),
    duration: paramRef('lastRetry.duration'),
    message: paramRef('lastRetry.message'),
  },
  /** Metric-only variables of the node the metric belongs to. */
  status: paramRef('status'),
  duration: paramRef('duration'),
  exitCode: paramRef('exitCode'),
  resourcesDuration: { cpu: paramRef('resourcesDuration.cpu'), memory: paramRef('resourcesDuration.memory') },
} as const;
