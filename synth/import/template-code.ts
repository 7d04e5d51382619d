import { stepsCode, dagCode, artifactFrom, type NodeBody } from './node-code.ts';
import { ImportProblem, isObj, ioDecl, Scope, type ModuleContext, type Obj } from './scope.ts';
import { Code, lit, member, quote } from './ts-literal.ts';

const KINDS = ['container', 'script', 'containerSet', 'resource', 'suspend', 'http', 'data', 'plugin', 'steps', 'dag'];
const TEMPLATE_FIELDS = new Set([
  ...KINDS,
  ...(
    'name metadata annotations inputs outputs nodeSelector affinity tolerations daemon volumes initContainers sidecars ' +
    'archiveLocation activeDeadlineSeconds retryStrategy parallelism failFast serviceAccountName automountServiceAccountToken ' +
    'executor securityContext podSpecPatch priorityClassName schedulerName hostAliases timeout pendingTimeout ' +
    'synchronization memoize metrics podResources resourceClaims'
  ).split(' '),
]);
/** A template's outputs; an artifact's `from` becomes a typed artifact reference. */
function outputsDecl(outputs: unknown, at: string, scope: Scope, ctx: ModuleContext): Obj | undefined {
  const decl = ioDecl(outputs, at);
  if (!decl || !isObj(decl.artifacts)) return decl;
  const artifacts: Obj = {};
  for (const [name, a] of Object.entries(decl.artifacts)) {
    artifacts[name] =
      isObj(a) && a.from !== undefined
        ? { ...a, from: artifactFrom(a.from, `${at}.artifacts.${name}.from`, scope, ctx) }
        : a;
  }
  return { ...decl, artifacts };
}

/** A TypeScript type for declared inputs/outputs, for templates that need an annotation (recursion). */
export function ioType(decl: Obj | undefined): string {
  if (!decl) return '{}';
  const section = (m: unknown, fields: (d: Obj) => string[]): string | undefined =>
    isObj(m)
      ? `{ ${Object.entries(m)
          .map(
            ([k, d]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k)}: { ${(isObj(d) ? fields(d) : []).join('; ')} }`,
          )
          .join('; ')} }`
      : undefined;
  const p = section(decl.parameters, (d) =>
    ['value', 'default', 'valueFrom']
      .filter((f) => d[f] !== undefined)
      .map((f) => `${f}: ${f === 'valueFrom' ? '{}' : 'string'}`),
  );
  const a = section(decl.artifacts, (d) =>
    Object.keys(d)
      .filter((f) => f !== 'path')
      .map((f) => (f === 'optional' ? `optional: ${String(d[f] === true)}` : `${f}: {}`)),
  );
  const parts = [p && `parameters: ${p}`, a && `artifacts: ${a}`].filter(Boolean);
  return `{ ${parts.join('; ')} }`;
}

/** Handles of a template's own inputs, for its body. */
function inputHandles(inputs: Obj | undefined): Scope {
  const s = new Scope();
  if (!inputs) return s;
  const params = isObj(inputs.parameters) ? Object.keys(inputs.parameters) : [];
  if (params.length) s.set('inputs.parameters', 'inputs.parameters');
  for (const p of params) s.set(`inputs.parameters.${p}`, `inputs.parameters${member(p)}`);
  for (const a of isObj(inputs.artifacts) ? Object.keys(inputs.artifacts) : []) {
    s.set(`inputs.artifacts.${a}`, `inputs.artifacts${member(a)}`);
    s.set(`inputs.artifacts.${a}.path`, `inputs.artifacts${member(a)}.path`);
  }
  return s;
}

/** Template names a template runs (steps, tasks, hooks, onExit), for reachability and recursion. */
export function templateEdges(t: Obj): string[] {
  const out: string[] = [];
  const node = (n: unknown): void => {
    if (!isObj(n)) return;
    if (typeof n.template === 'string') out.push(n.template);
    if (typeof n.onExit === 'string') out.push(n.onExit);
    if (isObj(n.hooks)) for (const h of Object.values(n.hooks)) node(h);
  };
  if (Array.isArray(t.steps)) for (const g of t.steps) if (Array.isArray(g)) g.forEach(node);
  if (isObj(t.dag) && Array.isArray(t.dag.tasks)) t.dag.tasks.forEach(node);
  return out;
}

/** The `const x = template(...)` statement of one template. */
export function templateCode(t: Obj, at: string, ctx: ModuleContext, annotate: boolean): string {
  const name = t.name as string;
  const unknown = Object.keys(t).filter((k) => !TEMPLATE_FIELDS.has(k));
  if (unknown.length)
    throw new ImportProblem(
      at,
      `unknown template field ${unknown.map((k) => `"${k}"`).join(', ')}`,
      unknown,
      'Remove it or fix its spelling',
    );
  const kinds = KINDS.filter((k) => t[k] !== undefined);
  if (kinds.length !== 1)
    throw new ImportProblem(
      at,
      kinds.length
        ? `a template has one kind, this one has ${kinds.join(' and ')}`
        : 'a template type Argosy cannot express (none of ' + KINDS.join(', ') + ')',
      Object.keys(t),
      'Give the template exactly one kind',
    );
  const inputs = ioDecl(t.inputs, `${at}.inputs`);
  const scope = inputHandles(inputs);
  const { name: _n, inputs: _i, outputs, steps: stepList, dag: dagSpec, ...rest } = t;
  const body: Obj = { ...rest };
  // Outputs that forward a step's or task's outputs read them through the body's handles (`body.refs`).
  const exported = new Set(
    [...JSON.stringify(outputs ?? null).matchAll(/\{\{(?:steps|tasks)\.([^.{}]+)\./g)].map((m) => m[1] as string),
  );
  let nodes: NodeBody | undefined;
  if (stepList !== undefined) nodes = stepsCode(stepList, `${at}.steps`, ctx, scope, exported);
  if (dagSpec !== undefined) nodes = dagCode(dagSpec, `${at}.dag`, ctx, scope, exported);
  const viaRefs = nodes !== undefined && exported.size > 0;
  if (nodes) body[stepList !== undefined ? 'steps' : 'dag'] = new Code(viaRefs ? 'body' : nodes.code);
  const outScope = viaRefs && nodes ? nodes.scope.rebased('body.refs.', scope) : scope;
  if (outputs !== undefined) body.outputs = outputsDecl(outputs, `${at}.outputs`, outScope, ctx);
  const bodyText = lit(body, outScope);
  const build = viaRefs || [...scope.used].some((k) => k.startsWith('inputs.'));
  const type = annotate ? `: Template<${ioType(inputs)}, ${ioType(body.outputs as Obj | undefined)}>` : '';
  if (annotate) ctx.imports.add('type Template');
  ctx.imports.add('template');
  const id = ctx.templates.get(name)?.id as string;
  if (viaRefs && nodes) {
    const sig = inputs ? lit({ inputs }) : '{}';
    const param = [...scope.used].some((k) => k.startsWith('inputs.')) ? '({ inputs })' : '()';
    return `const ${id}${type} = template(${quote(name)}, ${sig}, ${param} => { const body = ${nodes.code}; return ${bodyText}; });`;
  }
  if (build) {
    return `const ${id}${type} = template(${quote(name)}, ${lit({ inputs })}, ({ inputs }) => (${bodyText}));`;
  }
  const full = inputs ? `{ inputs: ${lit(inputs)}, ${bodyText.slice(1)}` : bodyText;
  return `const ${id}${type} = template(${quote(name)}, ${full === '{}' ? '{}' : full});`;
}
