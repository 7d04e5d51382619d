import { NameScope } from './names.ts';
import { templateCode, templateEdges } from './template-code.ts';
import { argumentsCode, hooksCode } from './node-code.ts';
import { ImportProblem, isObj, Scope, type ModuleContext } from './scope.ts';
import { Code, lit } from './ts-literal.ts';

type Obj = Record<string, unknown>;

/** The Argo kinds `argosy import` converts, with the DSL function that builds each. */
export const IMPORT_KINDS: Readonly<Record<string, string>> = {
  Workflow: 'workflow',
  WorkflowTemplate: 'workflowTemplate',
  ClusterWorkflowTemplate: 'clusterWorkflowTemplate',
  CronWorkflow: 'cronWorkflow',
  WorkflowEventBinding: 'workflowEventBinding',
};

const SPEC_FIELDS = new Set(
  (
    'entrypoint arguments templates workflowTemplateRef onExit hooks serviceAccountName automountServiceAccountToken executor ' +
    'volumes volumeClaimTemplates volumeClaimGC parallelism activeDeadlineSeconds priority nodeSelector affinity tolerations ' +
    'imagePullSecrets hostNetwork dnsPolicy dnsConfig hostAliases securityContext schedulerName podPriorityClassName ' +
    'podSpecPatch podMetadata podGC podDisruptionBudget podResources resourceClaims ttlStrategy artifactGC artifactRepositoryRef ' +
    'archiveLogs retryStrategy synchronization metrics templateDefaults workflowMetadata labelsFrom executorPlugins suspend shutdown'
  ).split(' '),
);
const CRON_FIELDS = new Set(
  'schedules schedule timezone concurrencyPolicy startingDeadlineSeconds successfulJobsHistoryLimit failedJobsHistoryLimit suspend when stopStrategy workflowMetadata workflowSpec'.split(
    ' ',
  ),
);

/** One imported object: its file's base name and TypeScript source (unformatted). */
export interface ImportedObject {
  readonly kind: string;
  /** metadata.name, else generateName without its trailing dash. */
  readonly name: string;
  readonly source: string;
  /** The constant of each template, by template name (what another module may import). */
  readonly templateIds?: ReadonlyMap<string, string>;
  /** Constants of other modules this one imports, by module file (so they get exported). */
  readonly linked?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Finds a WorkflowTemplate (or, with `clusterScope`, a ClusterWorkflowTemplate) imported in the
 * same run: its module file and template constants. A workflow whose `entrypoint` names one of
 * its templates imports that constant instead of failing.
 */
export type TemplateLinker = (
  name: string,
  clusterScope: boolean,
) => { readonly file: string; readonly ids: ReadonlyMap<string, string> } | undefined;

/** Object name a file is named after. */
export function objectName(doc: Obj): string {
  const m = isObj(doc.metadata) ? doc.metadata : {};
  if (typeof m.name === 'string') return m.name;
  if (typeof m.generateName === 'string') return m.generateName.replace(/-+$/, '');
  return '';
}

/**
 * Converts one Argo object to an Argosy module that default-exports it. Throws an
 * {@link ImportProblem} naming the first thing that cannot be expressed.
 *
 * @example
 * ```ts
 * const { source } = importObject({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'hello-' }, spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox' } }] } }, '../../dsl/argo/index.ts');
 * ```
 */
export function importObject(doc: unknown, dslModule: string, linker?: TemplateLinker): ImportedObject {
  if (!isObj(doc) || typeof doc.kind !== 'string' || typeof doc.apiVersion !== 'string')
    throw new ImportProblem(
      '/',
      'not a Kubernetes object (no apiVersion and kind)',
      isObj(doc) ? Object.keys(doc) : doc,
      'Pass Argo Workflows YAML',
    );
  const kind = doc.kind;
  const fn = IMPORT_KINDS[kind];
  if (!doc.apiVersion.startsWith('argoproj.io/') || fn === undefined)
    throw new ImportProblem(
      '/',
      `not an Argo workflow object (${doc.apiVersion} ${kind})`,
      kind,
      `Import one of ${Object.keys(IMPORT_KINDS).join(', ')}`,
    );
  const extra = Object.keys(doc).filter((k) => !['apiVersion', 'kind', 'metadata', 'spec'].includes(k));
  if (extra.length)
    throw new ImportProblem(
      '/',
      `unknown field ${extra.map((k) => `"${k}"`).join(', ')}`,
      extra,
      'Remove it (status is not imported)',
    );
  if (!isObj(doc.metadata))
    throw new ImportProblem('/metadata', 'metadata is missing', doc.metadata, 'Add metadata.name');
  if (!isObj(doc.spec)) throw new ImportProblem('/spec', 'spec is missing', doc.spec, 'Add a spec');
  const name = objectName(doc);
  if (!name)
    throw new ImportProblem('/metadata', 'the object has no name or generateName', doc.metadata, 'Add metadata.name');
  const imports = new Set<string>([fn]);
  let specCode: string;
  let decls: string[];
  let inner: SpecCode | undefined;
  if (kind === 'WorkflowEventBinding') {
    decls = [];
    specCode = eventBindingSpec(doc.spec, imports);
  } else if (kind === 'CronWorkflow') {
    const { workflowSpec, ...cron } = doc.spec;
    const unknown = Object.keys(cron).filter((k) => !CRON_FIELDS.has(k));
    if (unknown.length)
      throw new ImportProblem(
        '/spec',
        `unknown field ${unknown.map((k) => `"${k}"`).join(', ')}`,
        unknown,
        'Remove it or fix its spelling',
      );
    inner = workflowSpecCode(workflowSpec, '/spec/workflowSpec', imports, linker);
    decls = inner.decls;
    specCode = lit({ ...cron, workflowSpec: new Code(inner.code) });
  } else {
    inner = workflowSpecCode(doc.spec, '/spec', imports, linker);
    decls = inner.decls;
    specCode = inner.code;
  }
  const names = [...imports].sort((a, b) => {
    const x = a.replace(/^type /, '');
    const y = b.replace(/^type /, '');
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const source = [
    `import { ${names.join(', ')} } from '${dslModule}';`,
    ...(inner?.link ? [inner.link.line] : []),
    '',
    ...decls.flatMap((d) => [d, '']),
    `export default ${fn}({ metadata: ${lit(doc.metadata)}, spec: ${specCode} });`,
    '',
  ].join('\n');
  return {
    kind,
    name,
    source,
    ...(inner ? { templateIds: inner.ids } : {}),
    ...(inner?.link ? { linked: new Map([[inner.link.file, [inner.link.id]]]) } : {}),
  };
}

interface SpecCode {
  readonly code: string;
  readonly decls: string[];
  readonly ids: ReadonlyMap<string, string>;
  /** The import of another module's template that the entrypoint names. */
  readonly link?: { readonly line: string; readonly file: string; readonly id: string };
}

function workflowSpecCode(spec: unknown, at: string, imports: Set<string>, linker?: TemplateLinker): SpecCode {
  if (!isObj(spec)) throw new ImportProblem(at, 'the workflow spec is missing', spec, 'Add it');
  const unknown = Object.keys(spec).filter((k) => !SPEC_FIELDS.has(k));
  if (unknown.length)
    throw new ImportProblem(
      at,
      `unknown field ${unknown.map((k) => `"${k}"`).join(', ')}`,
      unknown,
      'Remove it or fix its spelling',
    );
  const list = spec.templates ?? [];
  if (!Array.isArray(list))
    throw new ImportProblem(`${at}/templates`, 'templates must be a list', list, 'Write a list of templates');
  const scope = new NameScope();
  const templates = new Map<string, { id: string; spec: Obj }>();
  for (const [i, t] of list.entries()) {
    if (!isObj(t) || typeof t.name !== 'string')
      throw new ImportProblem(
        `${at}/templates[${i}]`,
        'a template needs a name',
        isObj(t) ? Object.keys(t) : t,
        'Add name:',
      );
    if (templates.has(t.name))
      throw new ImportProblem(`${at}/templates[${i}]`, `two templates are named "${t.name}"`, t.name, 'Rename one');
    templates.set(t.name, { id: scope.claim(t.name), spec: t });
  }
  const ctx: ModuleContext = { templates, imports, scope };
  const edges = new Map([...templates].map(([n, t]) => [n, templateEdges(t.spec)]));
  const reach = (from: string[]): Set<string> => {
    const seen = new Set<string>();
    const todo = [...from];
    while (todo.length) {
      const n = todo.pop() as string;
      for (const m of edges.get(n) ?? []) if (!seen.has(m)) (seen.add(m), todo.push(m));
    }
    return seen;
  };
  const decls = [...templates].map(([n, t], i) =>
    templateCode(t.spec, `${at}/templates[${i}] (${n})`, ctx, reach([n]).has(n)),
  );
  const tpl = (key: string): Code | undefined => {
    const v = spec[key];
    if (v === undefined) return undefined;
    const t = typeof v === 'string' ? templates.get(v) : undefined;
    if (!t)
      throw new ImportProblem(
        `${at}/${key}`,
        `names no template of this object`,
        v,
        'Name a template defined in spec.templates',
      );
    return new Code(t.id);
  };
  const argScope = new Scope();
  const { entrypoint: _e, onExit: _o, templates: _t, hooks, arguments: args, ...rest } = spec;
  const out: Obj = {};
  const link = linkedEntrypoint(spec, scope, linker);
  out.entrypoint = link ? new Code(link.local) : tpl('entrypoint');
  const roots = [spec.entrypoint, spec.onExit].filter((x): x is string => typeof x === 'string');
  const hooksValue = hooks === undefined ? undefined : hooksCode(hooks, `${at}/hooks`, ctx, argScope);
  if (isObj(hooks))
    for (const h of Object.values(hooks)) if (isObj(h) && typeof h.template === 'string') roots.push(h.template);
  const reached = new Set([...roots, ...reach(roots)]);
  const unreached = [...templates].filter(([n]) => !reached.has(n)).map(([, t]) => t.id);
  if (unreached.length) out.templates = new Code(`[${unreached.join(', ')}]`);
  if (args !== undefined) {
    const a = argumentsCode(args, `${at}/arguments`, argScope, ctx);
    out.arguments = a.declared ?? {};
  }
  Object.assign(out, rest);
  if (link) out.workflowTemplateRef = new Code(link.object);
  out.onExit = tpl('onExit');
  if (hooksValue) out.hooks = hooksValue;
  return {
    code: lit(out),
    decls,
    ids: new Map([...templates].map(([n, t]) => [n, t.id])),
    ...(link ? { link: { line: link.line, file: link.file, id: link.id } } : {}),
  };
}

/**
 * An `entrypoint` naming a template of the WorkflowTemplate the spec references (not one of its
 * own), when that object was imported in the same run: its module is imported and the template's
 * constant passed, so the workflow is type-checked against it.
 */
function linkedEntrypoint(
  spec: Obj,
  scope: NameScope,
  linker: TemplateLinker | undefined,
): { local: string; object: string; line: string; file: string; id: string } | undefined {
  const ref = spec.workflowTemplateRef;
  const entry = spec.entrypoint;
  if (!linker || !isObj(ref) || typeof ref.name !== 'string' || typeof entry !== 'string') return undefined;
  const own = Array.isArray(spec.templates) && spec.templates.some((t) => isObj(t) && t.name === entry);
  if (own || Object.keys(ref).some((k) => k !== 'name' && k !== 'clusterScope')) return undefined;
  const target = linker(ref.name, ref.clusterScope === true);
  const id = target?.ids.get(entry);
  if (!target || !id) return undefined;
  const object = scope.claim(ref.name, 'Template');
  const local = scope.claim(entry);
  const spec2 = local === id ? id : `${id} as ${local}`;
  return {
    local,
    object,
    line: `import ${object}, { ${spec2} } from './${target.file}';`,
    file: target.file,
    id,
  };
}

function eventBindingSpec(spec: Obj, imports: Set<string>): string {
  const unknown = Object.keys(spec).filter((k) => k !== 'event' && k !== 'submit');
  if (unknown.length)
    throw new ImportProblem(
      '/spec',
      `unknown field ${unknown.map((k) => `"${k}"`).join(', ')}`,
      unknown,
      'Keep event and submit',
    );
  const { submit, ...rest } = spec;
  if (submit === undefined) return lit(rest);
  if (!isObj(submit))
    throw new ImportProblem(
      '/spec/submit',
      'submit must be an object',
      submit,
      'Write submit: {workflowTemplateRef: ...}',
    );
  const ctx: ModuleContext = { templates: new Map(), imports, scope: new NameScope() };
  const { arguments: args, ...other } = submit;
  const a = args === undefined ? undefined : argumentsCode(args, '/spec/submit/arguments', new Scope(), ctx).declared;
  return lit({ ...rest, submit: { ...other, ...(a ? { arguments: a } : {}) } });
}
