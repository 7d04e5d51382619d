/**
 * What `argosy import --style pipeline` must preserve, read from an Argo Workflow or
 * WorkflowTemplate: the workflow parameters and, per task the entrypoint runs, the template it
 * runs (image, command, args, declared inputs and outputs with their defaults and paths), the
 * arguments it passes and the tasks it waits for. Steps are read as tasks waiting for the whole
 * group before them, artifact path references as the paths Argo substitutes, and a container entrypoint as one task taking the workflow parameters of its
 * inputs' names: what Argo runs. Left out on purpose, as the ML form sets them itself: the kind
 * (a Workflow becomes a WorkflowTemplate), metadata, the entrypoint template's name, container
 * names, security contexts and the labels Argosy adds.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const objs = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const sorted = <T>(entries: [string, T][]): Record<string, T> =>
  Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
/** Step references read as task references, so a steps workflow and its DAG compare equal. */
const ref = (v: unknown): string => String(v ?? '').replace(/\{\{steps\./g, '{{tasks.');

interface TemplateShape {
  readonly image: unknown;
  readonly command: unknown;
  readonly args: unknown;
  readonly parameters: Record<string, unknown>;
  readonly inputArtifacts: Record<string, unknown>;
  readonly outputArtifacts: Record<string, unknown>;
}

/** The semantics compared; equal shapes (deep equality) mean an equivalent pipeline. */
export interface PipelineShape {
  readonly parameters: Record<string, unknown>;
  readonly tasks: Record<
    string,
    {
      readonly template: TemplateShape;
      readonly parameters: Record<string, string>;
      readonly artifacts: Record<string, string>;
      readonly after: string[];
    }
  >;
}

function templateShape(t: Obj): TemplateShape {
  const c = isObj(t.container) ? t.container : {};
  const inputs = isObj(t.inputs) ? t.inputs : {};
  const outputs = isObj(t.outputs) ? t.outputs : {};
  // Argo substitutes an artifact's path reference with its declared path, as the ML form writes it.
  const paths = new Map<string, string>();
  for (const [side, io] of [
    ['inputs', inputs],
    ['outputs', outputs],
  ] as const)
    for (const a of objs(io.artifacts)) paths.set(`${side}.artifacts.${String(a.name)}.path`, String(a.path));
  const resolve = (argv: unknown): unknown =>
    Array.isArray(argv)
      ? argv.map((s) => String(s).replace(/\{\{\s*([^}]+?)\s*\}\}/g, (m, r: string) => paths.get(r) ?? m))
      : [];
  return {
    image: c.image,
    command: resolve(c.command),
    args: resolve(c.args),
    parameters: sorted(objs(inputs.parameters).map((p) => [String(p.name), p.default ?? p.value ?? null])),
    inputArtifacts: sorted(objs(inputs.artifacts).map((a) => [String(a.name), a.path])),
    outputArtifacts: sorted(objs(outputs.artifacts).map((a) => [String(a.name), a.path])),
  };
}

const after = (t: Obj): string[] =>
  (Array.isArray(t.dependencies)
    ? t.dependencies.map(String)
    : typeof t.depends === 'string'
      ? t.depends.split('&&').map((s) => s.trim())
      : []
  ).sort();

/**
 * The shape of a Workflow or WorkflowTemplate (see the module comment).
 *
 * @example
 * ```ts
 * expect(pipelineShape(synthesized)).toEqual(pipelineShape(upstream));
 * ```
 */
export function pipelineShape(doc: unknown): PipelineShape {
  const spec = isObj(doc) && isObj(doc.spec) ? doc.spec : {};
  const templates = new Map(objs(spec.templates).map((t) => [String(t.name), t]));
  const params = objs(isObj(spec.arguments) ? spec.arguments.parameters : undefined);
  const entry = templates.get(String(spec.entrypoint)) ?? {};
  let tasks: Obj[];
  if (isObj(entry.dag)) tasks = objs(entry.dag.tasks);
  else if (Array.isArray(entry.steps)) {
    tasks = [];
    let before: string[] = [];
    for (const group of entry.steps) {
      for (const s of objs(group)) tasks.push({ ...s, dependencies: before });
      before = objs(group).map((s) => String(s.name));
    }
  } else {
    const names = new Set(params.map((p) => String(p.name)));
    const parameters = objs(isObj(entry.inputs) ? entry.inputs.parameters : undefined)
      .filter((p) => names.has(String(p.name)))
      .map((p) => ({ name: p.name, value: `{{workflow.parameters.${String(p.name)}}}` }));
    tasks = [{ name: entry.name, template: entry.name, arguments: { parameters } }];
  }
  return {
    parameters: sorted(params.map((p) => [String(p.name), p.value ?? null])),
    tasks: sorted(
      tasks.map((t) => {
        const args = isObj(t.arguments) ? t.arguments : {};
        return [
          String(t.name),
          {
            template: templateShape(templates.get(String(t.template)) ?? {}),
            parameters: sorted(objs(args.parameters).map((p) => [String(p.name), ref(p.value)])),
            artifacts: sorted(objs(args.artifacts).map((a) => [String(a.name), ref(a.from)])),
            after: after(t),
          },
        ];
      }),
    ),
  };
}
