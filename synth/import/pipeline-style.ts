import { NameScope } from './names.ts';
import { objectName } from './generate.ts';
import { isObj, type Obj } from './scope.ts';
import { key, member, quote } from './ts-literal.ts';

/**
 * `argosy import --style pipeline`: a Workflow or WorkflowTemplate that is a plain DAG of
 * container templates, written in the ML form (`component()` per template, `pipeline()` with
 * `p.task()` per task). Anything else keeps the Argo-native form; `pipelineFit` says why.
 */

/** Why an object does not fit the ML form (a sentence fragment), thrown while generating. */
export class NoFit extends Error {}

const DNS = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const PORT = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** The one artifact kind of imported ports: Argo artifacts carry no kind, and one kind wires anywhere. */
const KIND = 'Artifact';

const only = (o: Obj, allowed: readonly string[], what: string): void => {
  const extra = Object.keys(o).filter((k) => !allowed.includes(k));
  if (extra.length) throw new NoFit(`${what} sets ${extra.join(', ')}, which the pipeline form does not take`);
};
const list = (v: unknown, what: string): Obj[] => {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every(isObj)) throw new NoFit(`${what} is not a list of objects`);
  return v;
};
const named = (o: Obj, what: string): string => {
  if (typeof o.name !== 'string') throw new NoFit(`${what} has no name`);
  return o.name;
};

/** A pinned image: a tag other than latest, or a digest (the pipeline form refuses the others). */
function pinned(image: unknown, at: string): string {
  if (typeof image !== 'string') throw new NoFit(`${at} has no image`);
  const last = image.split('/').pop() ?? '';
  const tag = last.includes(':') ? last.split(':').pop() : undefined;
  if (!image.includes('@sha256:') && (tag === undefined || tag === 'latest'))
    throw new NoFit(`image "${image}" of ${at} is not pinned to a version (components require a tag or digest)`);
  return image;
}

interface Ports {
  readonly params: Map<string, { default?: string }>;
  readonly inArtifacts: Map<string, string>;
  readonly outArtifacts: Map<string, string>;
}

/** One container template as a component: its ports and the code. */
function componentCode(t: Obj, id: string): { code: string; ports: Ports } {
  const name = named(t, 'a template');
  const at = `template ${name}`;
  if (!DNS.test(name)) throw new NoFit(`${at}: a component name must be a DNS label`);
  only(t, ['name', 'inputs', 'outputs', 'container'], at);
  if (!isObj(t.container)) throw new NoFit(`${at} is not a container template`);
  only(t.container, ['image', 'command', 'args'], `${at}'s container`);
  const image = pinned(t.container.image, at);
  const inputs = isObj(t.inputs) ? t.inputs : {};
  const outputs = isObj(t.outputs) ? t.outputs : {};
  only(inputs, ['parameters', 'artifacts'], `${at}'s inputs`);
  only(outputs, ['artifacts'], `${at}'s outputs`);
  const ports: Ports = { params: new Map(), inArtifacts: new Map(), outArtifacts: new Map() };
  const inCode: string[] = [];
  const port = (o: Obj, what: string, keys: string[]): string => {
    const n = named(o, what);
    if (!PORT.test(n)) throw new NoFit(`${what} "${n}" is not a valid port name`);
    if (ports.params.has(n) || ports.inArtifacts.has(n) || ports.outArtifacts.has(n))
      throw new NoFit(`${at} uses the name "${n}" for two ports`);
    only(o, keys, `${what} ${n}`);
    return n;
  };
  for (const p of list(inputs.parameters, `${at}'s input parameters`)) {
    const n = port(p, 'input parameter', ['name', 'default']);
    if (p.default !== undefined && typeof p.default !== 'string')
      throw new NoFit(`the default of input ${n} of ${at} is not a string`);
    ports.params.set(n, p.default === undefined ? {} : { default: p.default });
    inCode.push(`${key(n)}: param.string()${p.default === undefined ? '' : `.default(${quote(p.default)})`}`);
  }
  for (const a of list(inputs.artifacts, `${at}'s input artifacts`)) {
    const n = port(a, 'input artifact', ['name', 'path']);
    if (typeof a.path !== 'string') throw new NoFit(`input artifact ${n} of ${at} has no path`);
    ports.inArtifacts.set(n, a.path);
    inCode.push(`${key(n)}: artifact(${quote(KIND)}).at(${quote(a.path)})`);
  }
  const outCode = list(outputs.artifacts, `${at}'s output artifacts`).map((a) => {
    const n = port(a, 'output artifact', ['name', 'path']);
    if (typeof a.path !== 'string') throw new NoFit(`output artifact ${n} of ${at} has no path`);
    ports.outArtifacts.set(n, a.path);
    return `${key(n)}: artifact(${quote(KIND)}).at(${quote(a.path)})`;
  });
  const argv = (v: unknown, field: string): string | undefined => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) throw new NoFit(`${at}'s ${field} is not a list`);
    const items = v.map((s) => commandItem(s, ports, `${at}'s ${field}`));
    return items.some((i) => i.includes('io.'))
      ? `${field}: (io) => [${items.join(', ')}]`
      : `${field}: [${items.join(', ')}]`;
  };
  const fields = [
    `image: ${quote(image)}`,
    inCode.length ? `inputs: { ${inCode.join(', ')} }` : '',
    outCode.length ? `outputs: { ${outCode.join(', ')} }` : '',
    argv(t.container.command, 'command') ?? '',
    argv(t.container.args, 'args') ?? '',
  ].filter(Boolean);
  return { code: `const ${id} = component(${quote(name)}, {\n${fields.join(',\n')},\n});`, ports };
}

/** A command item: text, with the template's own input references as `io` placeholders. */
function commandItem(s: unknown, ports: Ports, at: string): string {
  if (typeof s !== 'string' && typeof s !== 'number') throw new NoFit(`${at} holds a non-string item`);
  const text = String(s);
  const parts: string[] = [];
  let literal = '';
  let last = 0;
  for (const m of text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
    literal += text.slice(last, m.index);
    last = (m.index ?? 0) + m[0].length;
    const ref = m[1] ?? '';
    const p = /^inputs\.parameters\.([^.]+)$/.exec(ref);
    const a = /^inputs\.artifacts\.([^.]+)\.path$/.exec(ref);
    const o = /^outputs\.artifacts\.([^.]+)\.path$/.exec(ref);
    let expr: string;
    if (p?.[1] && ports.params.has(p[1])) expr = `io.inputs${member(p[1])}`;
    else if (a?.[1] && ports.inArtifacts.has(a[1])) expr = `io.inputs${member(a[1])}.path`;
    else if (o?.[1] && ports.outArtifacts.has(o[1])) expr = `io.outputs${member(o[1])}.path`;
    else throw new NoFit(`${at} references {{${ref}}}, which a component has no placeholder for`);
    parts.push(JSON.stringify(literal), expr);
    literal = '';
  }
  literal += text.slice(last);
  if (parts.length === 0) return quote(text);
  if (parts.length === 2 && parts[0] === '""' && literal === '') return parts[1]!;
  const esc = (t: string): string => t.replace(/[`\\]|\$\{/g, (c) => `\\${c}`);
  let out = '';
  for (let i = 0; i < parts.length; i += 2) out += `${esc(JSON.parse(parts[i]!) as string)}\${${parts[i + 1]}}`;
  return `\`${out}${esc(literal)}\``;
}

/**
 * The tasks the entrypoint runs, as DAG tasks: a DAG's own; a steps template's steps, each
 * depending on every step of the group before it (what a steps group waits for); or the
 * entrypoint itself, when it is a container, as the one task, taking the workflow parameters
 * of its inputs' names (as Argo passes workflow arguments to the entrypoint).
 */
function taskPlan(entry: Obj, params: ReadonlyMap<string, string | undefined>): { tasks: Obj[]; entryRuns: boolean } {
  const at = `the entrypoint ${String(entry.name)}`;
  if (isObj(entry.dag)) {
    only(entry, ['name', 'dag'], at);
    only(entry.dag, ['tasks'], 'the entrypoint DAG');
    return { tasks: list(entry.dag.tasks, 'the DAG tasks'), entryRuns: false };
  }
  if (Array.isArray(entry.steps)) {
    only(entry, ['name', 'steps'], at);
    const tasks: Obj[] = [];
    let before: string[] = [];
    for (const group of entry.steps) {
      const steps = list(group, 'a steps group');
      if (steps.length === 0) throw new NoFit(`${at} has an empty steps group`);
      for (const step of steps) tasks.push({ ...step, ...(before.length ? { dependencies: before } : {}) });
      before = steps.map((x) => String(x.name));
    }
    return { tasks, entryRuns: false };
  }
  if (isObj(entry.container)) {
    const inputs = isObj(entry.inputs) ? list(entry.inputs.parameters, `${at}'s inputs`) : [];
    const parameters = inputs
      .filter((p) => typeof p.name === 'string' && params.has(p.name))
      .map((p) => ({ name: p.name, value: `{{workflow.parameters.${String(p.name)}}}` }));
    const task = {
      name: entry.name,
      template: entry.name,
      ...(parameters.length ? { arguments: { parameters } } : {}),
    };
    return { tasks: [task], entryRuns: true };
  }
  throw new NoFit(`${at} is not a DAG, steps or a container`);
}

/** The task names of a plain `depends` (`a && b`), or of `dependencies`. */
function dependsOn(task: Obj, at: string): string[] {
  if (task.dependencies !== undefined) {
    if (task.depends !== undefined) throw new NoFit(`${at} sets both depends and dependencies`);
    if (!Array.isArray(task.dependencies) || !task.dependencies.every((d) => typeof d === 'string'))
      throw new NoFit(`${at}'s dependencies are not a list of names`);
    return task.dependencies as string[];
  }
  if (task.depends === undefined) return [];
  if (typeof task.depends !== 'string') throw new NoFit(`${at}'s depends is not a string`);
  const names = task.depends.split('&&').map((s) => s.trim());
  if (!names.every((n) => /^[A-Za-z0-9-]+$/.test(n)))
    throw new NoFit(`${at} depends on "${task.depends}": only plain "a && b" dependencies map to the pipeline form`);
  return names;
}

/**
 * The ML-form module of a Workflow or WorkflowTemplate, or throws {@link NoFit} saying why it
 * does not fit (the caller then imports it in the Argo-native form).
 *
 * @example
 * ```ts
 * const source = pipelineModule(doc, '../dsl/index.ts'); // or throws NoFit
 * ```
 */
export function pipelineModule(doc: unknown, dsl: string): string {
  if (!isObj(doc) || (doc.kind !== 'Workflow' && doc.kind !== 'WorkflowTemplate'))
    throw new NoFit(
      `a ${isObj(doc) ? String(doc.kind) : 'non-object'} is not a pipeline (only Workflows and WorkflowTemplates are)`,
    );
  const meta = isObj(doc.metadata) ? doc.metadata : {};
  only(meta, ['name', 'generateName', 'namespace'], 'metadata');
  const name = objectName(doc);
  if (!DNS.test(name)) throw new NoFit(`the name "${name}" is not a DNS label, which a pipeline name must be`);
  const spec = isObj(doc.spec) ? doc.spec : {};
  only(spec, ['entrypoint', 'templates', 'arguments'], 'spec');
  const templates = list(spec.templates, 'spec.templates');
  const entry = templates.find((t) => t.name === spec.entrypoint);
  if (!entry) throw new NoFit('the entrypoint names no template of this object');
  const args = isObj(spec.arguments) ? spec.arguments : {};
  only(args, ['parameters'], 'spec.arguments');
  const params = new Map<string, string | undefined>();
  for (const p of list(args.parameters, 'spec.arguments.parameters')) {
    const n = named(p, 'a workflow parameter');
    if (!PORT.test(n)) throw new NoFit(`workflow parameter "${n}" is not a valid parameter name`);
    only(p, ['name', 'value'], `workflow parameter ${n}`);
    if (p.value !== undefined && typeof p.value !== 'string')
      throw new NoFit(`workflow parameter ${n} has a non-string value`);
    params.set(n, p.value as string | undefined);
  }
  const ids = new NameScope(['artifact', 'component', 'param', 'pipeline', 'p', 'params', 'io']);
  const components = new Map<string, { id: string; code: string; ports: Ports }>();
  const plan = taskPlan(entry, params);
  for (const t of templates) {
    if (t === entry && !plan.entryRuns) continue;
    const id = ids.claim(named(t, 'a template'));
    components.set(t.name as string, { id, ...componentCode(t, id) });
  }
  const tasks = new Map<string, string>();
  const lines: string[] = [];
  for (const task of plan.tasks) {
    const tn = named(task, 'a task');
    const at = `task ${tn}`;
    if (!DNS.test(tn)) throw new NoFit(`${at}: a task name must be a DNS label`);
    only(task, ['name', 'template', 'arguments', 'depends', 'dependencies'], at);
    const c = typeof task.template === 'string' ? components.get(task.template) : undefined;
    if (!c) throw new NoFit(`${at} does not run one of this object's container templates`);
    const targs = isObj(task.arguments) ? task.arguments : {};
    only(targs, ['parameters', 'artifacts'], `${at}'s arguments`);
    const bound: string[] = [];
    const fromTasks = new Set<string>();
    for (const p of list(targs.parameters, `${at}'s parameters`)) {
      const n = named(p, `a parameter of ${at}`);
      only(p, ['name', 'value'], `parameter ${n} of ${at}`);
      if (!c.ports.params.has(n)) throw new NoFit(`${at} passes ${n}, which its template does not declare`);
      const v = String(p.value ?? '');
      const wf = /^\{\{workflow\.parameters\.([^}]+)\}\}$/.exec(v);
      if (wf?.[1] && params.has(wf[1])) bound.push(`${key(n)}: params${member(wf[1])}`);
      else if (/\{\{/.test(v))
        throw new NoFit(`${at} passes ${n} = "${v}", a reference the pipeline form has no handle for`);
      else bound.push(`${key(n)}: ${quote(v)}`);
    }
    for (const a of list(targs.artifacts, `${at}'s artifacts`)) {
      const n = named(a, `an artifact of ${at}`);
      only(a, ['name', 'from'], `artifact ${n} of ${at}`);
      if (!c.ports.inArtifacts.has(n))
        throw new NoFit(`${at} passes artifact ${n}, which its template does not declare`);
      const m = /^\{\{(?:tasks|steps)\.([^.]+)\.outputs\.artifacts\.([^}]+)\}\}$/.exec(String(a.from ?? ''));
      const src = m?.[1] ? tasks.get(m[1]) : undefined;
      if (!m?.[2] || !src)
        throw new NoFit(`${at} takes artifact ${n} from "${String(a.from)}", not from an earlier task`);
      bound.push(`${key(n)}: ${src}.outputs${member(m[2])}`);
      fromTasks.add(m[1]!);
    }
    for (const [n, d] of c.ports.params)
      if (d.default === undefined && !bound.some((b) => b.startsWith(`${key(n)}:`)))
        throw new NoFit(`${at} does not pass ${n}, which its template requires`);
    for (const n of c.ports.inArtifacts.keys())
      if (!bound.some((b) => b.startsWith(`${key(n)}:`))) throw new NoFit(`${at} does not pass artifact ${n}`);
    const after = dependsOn(task, at).filter((d) => !fromTasks.has(d));
    const missing = after.find((d) => !tasks.has(d));
    if (missing) throw new NoFit(`${at} depends on ${missing}, which is not a task listed before it`);
    const id = ids.claim(tn, 'Task');
    tasks.set(tn, id);
    const afterCode = after.length ? `.after(${after.map((d) => tasks.get(d)).join(', ')})` : '';
    lines.push(`const ${id} = p.task(${quote(tn)}, ${c.id}, { ${bound.join(', ')} })${afterCode};`);
  }
  const paramsCode = [...params].map(
    ([n, v]) => `${key(n)}: param.string()${v === undefined ? '' : `.default(${quote(v)})`}`,
  );
  const code = [...[...components.values()].map((c) => c.code), ...paramsCode].join('\n');
  const imports = ['artifact', 'component', 'param', 'pipeline'].filter(
    (f) => f === 'component' || f === 'pipeline' || code.includes(`${f}.`) || code.includes(`${f}(`),
  );
  return [
    `// Imported by \`argosy import --style pipeline\` from ${doc.kind} "${name}".`,
    `import { ${imports.join(', ')} } from ${quote(dsl)};`,
    '',
    ...[...components.values()].flatMap((c) => [c.code, '']),
    `export default pipeline(${quote(name)}, { ${paramsCode.length ? `params: { ${paramsCode.join(', ')} }` : ''} }, (p${lines.some((l) => l.includes('params')) ? ', params' : ''}) => {`,
    ...lines.map((l) => unusedConst(l, lines)),
    '});',
    '',
  ].join('\n');
}

/** `const x = p.task(...)` becomes `p.task(...)` when nothing refers to `x` (eslint's no-unused-vars). */
function unusedConst(line: string, all: readonly string[]): string {
  const id = /^const (\w+) = /.exec(line)?.[1];
  if (!id) return line;
  const used = all.some((l) => l !== line && new RegExp(`\\b${id}\\b`).test(l.replace(/^const \w+ = /, '')));
  return used ? line : line.replace(/^const \w+ = /, '');
}
