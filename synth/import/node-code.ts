import { dependsCode, dependsTasks, parseDepends } from './depends.ts';
import { NameScope } from './names.ts';
import type { Scope } from './scope.ts';
import { byName, ImportProblem, ioDecl, isObj, NodeScope, type ModuleContext, type Obj } from './scope.ts';
import { Code, lit, member, quote, str } from './ts-literal.ts';

const NODE_FIELDS = new Set(
  'name template templateRef inline arguments when withItems withParam withSequence continueOn onExit hooks depends dependencies'.split(
    ' ',
  ),
);
const NODE_STATUS = ['id', 'ip', 'status', 'exitCode', 'startedAt', 'finishedAt', 'hostNodeName'];

/** A generated steps or DAG body with the handles it declares. */
export interface NodeBody {
  readonly code: string;
  readonly scope: Scope;
}

/** What a step or task runs, as a callable expression, and that callable's declared inputs. */
export function runCode(n: Obj, at: string, ctx: ModuleContext): { code: string; inputs?: Obj; loose: boolean } {
  if (typeof n.template === 'string') {
    const t = ctx.templates.get(n.template);
    if (!t)
      throw new ImportProblem(
        `${at}.template`,
        `runs template "${n.template}", which this object does not define`,
        n.template,
        'Define the template or use templateRef',
      );
    return { code: t.id, inputs: ioDecl(t.spec.inputs, at), loose: false };
  }
  if (isObj(n.templateRef)) {
    ctx.imports.add('templateRef');
    return { code: `templateRef(${lit(n.templateRef)})`, loose: true };
  }
  if (isObj(n.inline)) {
    ctx.imports.add('inline');
    const inputs = ioDecl(n.inline.inputs, `${at}.inline.inputs`);
    const outputs = ioDecl(n.inline.outputs, `${at}.inline.outputs`);
    const { inputs: _i, outputs: _o, ...rest } = n.inline;
    return {
      code: `inline(${lit({ ...(inputs ? { inputs } : {}), ...rest, ...(outputs ? { outputs } : {}) })})`,
      inputs,
      loose: false,
    };
  }
  throw new ImportProblem(
    at,
    'a step or task runs a template, a templateRef or an inline template',
    Object.keys(n),
    'Set template:, templateRef: or inline:',
  );
}

/** An artifact `from` as a typed artifact reference. */
export function artifactFrom(from: unknown, at: string, scope: Scope, ctx: ModuleContext): Code {
  const path = typeof from === 'string' ? /^\{\{([^{}\s]+)\}\}$/.exec(from)?.[1] : undefined;
  const handle = path === undefined ? undefined : scope.get(path);
  if (handle !== undefined && /artifacts/.test(path as string)) return new Code(handle);
  const wf = path && /^workflow\.outputs\.artifacts\.([-A-Za-z0-9_]+)$/.exec(path);
  if (wf) {
    ctx.imports.add('vars');
    return new Code(`vars.workflow.outputs.artifact(${quote(wf[1] as string)})`);
  }
  throw new ImportProblem(
    at,
    'an artifact source the typed API has no reference for',
    from,
    'Reference an output artifact of a step, task or input of this template',
  );
}

/** Arguments (or a workflow's arguments) as the DSL's maps; `declared` splits off undeclared ones. */
export function argumentsCode(
  args: unknown,
  at: string,
  scope: Scope,
  ctx: ModuleContext,
  declared?: Obj,
): { declared?: Obj; undeclared?: Obj } {
  if (args === undefined) return {};
  if (!isObj(args))
    throw new ImportProblem(at, 'arguments must be an object', args, 'Write parameters/artifacts lists');
  const extra = Object.keys(args).filter((k) => k !== 'parameters' && k !== 'artifacts');
  if (extra.length)
    throw new ImportProblem(at, `unknown arguments field ${extra.join(', ')}`, extra, 'Keep parameters and artifacts');
  const out = { declared: {} as Obj, undeclared: {} as Obj };
  for (const kind of ['parameters', 'artifacts'] as const) {
    if (args[kind] === undefined) continue;
    const known = declared && isObj(declared[kind]) ? (declared[kind] as Obj) : undefined;
    for (const [name, d] of Object.entries(byName(args[kind], `${at}.${kind}`))) {
      const target = declared !== undefined && known?.[name] === undefined ? out.undeclared : out.declared;
      const section = ((target[kind] as Obj | undefined) ??= {});
      const v = d as Obj;
      if (kind === 'parameters') {
        section[name] = Object.keys(v).length === 1 && 'value' in v ? v.value : v;
      } else if (v.from !== undefined) {
        const from = artifactFrom(v.from, `${at}.artifacts.${name}.from`, scope, ctx);
        section[name] = Object.keys(v).length === 1 ? from : { ...v, from };
      } else section[name] = v;
    }
  }
  return {
    ...(Object.keys(out.declared).length || (declared === undefined && Object.keys(args).length)
      ? { declared: out.declared }
      : {}),
    ...(Object.keys(out.undeclared).length ? { undeclared: out.undeclared } : {}),
  };
}

/** A step's or task's options object (without depends), or undefined when it has none. */
export function nodeOptions(
  kind: 'steps' | 'tasks',
  n: Obj,
  at: string,
  ctx: ModuleContext,
  scope: Scope,
  inputs: Obj | undefined,
  loose: boolean,
  extra: Obj,
): string | undefined {
  const unknown = Object.keys(n).filter((k) => !NODE_FIELDS.has(k));
  if (unknown.length)
    throw new ImportProblem(
      at,
      `unknown field ${unknown.map((k) => `"${k}"`).join(', ')}`,
      unknown,
      'Remove it or fix its spelling',
    );
  const {
    name: _n,
    template: _t,
    templateRef: _r,
    inline: _i,
    arguments: args,
    onExit,
    hooks,
    depends: _d,
    dependencies: _ds,
    ...rest
  } = n;
  const opts: Obj = { ...extra };
  const a = argumentsCode(args, `${at}.arguments`, scope, ctx, loose ? undefined : (inputs ?? {}));
  if (a.declared) opts.arguments = a.declared;
  Object.assign(opts, rest);
  if (a.undeclared) opts.undeclaredArguments = a.undeclared;
  if (onExit !== undefined) {
    const t = typeof onExit === 'string' ? ctx.templates.get(onExit) : undefined;
    if (!t)
      throw new ImportProblem(
        `${at}.onExit`,
        'onExit names no template of this object',
        onExit,
        'Name a template defined here',
      );
    opts.onExit = new Code(t.id);
  }
  if (hooks !== undefined) {
    // A hook may read the outputs of its own node: the DSL passes that node's handle (`self`).
    const own = new NodeScope(new Map(), scope);
    addNodeHandles(own, kind, String(n.name), 'self', n, ctx);
    const code = hooksCode(hooks, `${at}.hooks`, ctx, own);
    const usesSelf = [...own.used].some((k) => k.startsWith(`${kind}.${String(n.name)}.`));
    opts.hooks = usesSelf ? new Code(`(self) => (${code.code})`) : code;
  }
  return Object.keys(opts).length ? lit(opts, scope) : undefined;
}

/** Lifecycle hooks with their templates as constants. */
export function hooksCode(hooks: unknown, at: string, ctx: ModuleContext, scope: Scope): Code {
  if (!isObj(hooks)) throw new ImportProblem(at, 'hooks must be a map', hooks, 'Write hooks: {exit: {template: ...}}');
  const out: Obj = {};
  for (const [k, h] of Object.entries(hooks)) {
    if (!isObj(h)) throw new ImportProblem(`${at}.${k}`, 'a hook must be an object', h, 'Write {template: ...}');
    const run = runCode(h, `${at}.${k}`, ctx);
    const { template: _t, templateRef: _r, arguments: args, ...rest } = h;
    const a = argumentsCode(args, `${at}.${k}.arguments`, scope, ctx, run.loose ? undefined : (run.inputs ?? {}));
    if (a.undeclared)
      throw new ImportProblem(
        `${at}.${k}.arguments`,
        'a hook passes arguments its template does not declare',
        Object.keys(a.undeclared),
        'Declare them as inputs',
      );
    out[k] = { template: new Code(run.code), ...(a.declared ? { arguments: a.declared } : {}), ...rest };
  }
  return new Code(lit(out, scope));
}

/** Handles of a node's outputs and status, once it is declared. */
export function addNodeHandles(
  scope: Scope,
  kind: 'steps' | 'tasks',
  name: string,
  id: string,
  n: Obj,
  ctx: ModuleContext,
): void {
  const base = `${kind}.${name}`;
  scope.set(`${base}.outputs.result`, `${id}.outputs.result`);
  scope.set(`${base}.outputs.exitCode`, `${id}.outputs.exitCode`);
  scope.set(`${base}.outputs.parameters`, `${id}.outputs.parameters`);
  for (const f of NODE_STATUS) scope.set(`${base}.${f}`, `${id}.${f}`);
  const t =
    typeof n.template === 'string' ? ctx.templates.get(n.template)?.spec : isObj(n.inline) ? n.inline : undefined;
  const outputs = t && isObj(t.outputs) ? t.outputs : undefined;
  const names = (l: unknown): string[] => (Array.isArray(l) ? l.filter(isObj).map((e) => String(e.name)) : []);
  const loose = isObj(n.templateRef);
  for (const p of names(outputs?.parameters))
    scope.set(`${base}.outputs.parameters.${p}`, `${id}.outputs.parameters${member(p)}`);
  for (const a of names(outputs?.artifacts))
    scope.set(`${base}.outputs.artifacts.${a}`, `${id}.outputs.artifacts${member(a)}`);
  if (loose) scope.set(`${base}.outputs.__loose`, id);
}

/** `steps((s) => { ... })` for a steps template. */
export function stepsCode(
  groups: unknown,
  at: string,
  ctx: ModuleContext,
  inputs: Scope,
  exported: ReadonlySet<string>,
): NodeBody {
  if (!Array.isArray(groups) || groups.length === 0)
    throw new ImportProblem(at, 'a steps template needs at least one group of steps', groups, 'Add steps');
  ctx.imports.add('steps');
  const scope = new NodeScope(new Map(), inputs);
  const ids = new NameScope([...ctx.templates.values()].map((t) => t.id));
  const stmts: { bind: string[]; code: (bound: boolean[]) => string }[] = [];
  const referenced = new Set<string>(exported);
  const track = (before: number): void => {
    for (const k of scope.used) {
      const m = /^steps\.([^.]+)\./.exec(k);
      if (m) referenced.add(m[1] as string);
    }
    void before;
  };
  const handleOf = new Map<string, string>();
  for (const [gi, g] of groups.entries()) {
    if (!Array.isArray(g) || g.length === 0)
      throw new ImportProblem(`${at}[${gi}]`, 'a group of steps is empty', g, 'Remove the empty group');
    const calls = g.map((n, si) => {
      const p = `${at}[${gi}][${si}]`;
      if (!isObj(n) || typeof n.name !== 'string') throw new ImportProblem(p, 'a step needs a name', n, 'Add name:');
      const run = runCode(n, p, ctx);
      const opts = nodeOptions('steps', n, p, ctx, scope, run.inputs, run.loose, {});
      return { name: n.name, call: `step(${quote(n.name)}, ${run.code}${opts ? `, ${opts}` : ''})` };
    });
    track(gi);
    for (const [si, c] of calls.entries()) {
      const id = ids.claim(c.name, 'Step');
      handleOf.set(c.name, id);
      addNodeHandles(scope, 'steps', c.name, id, g[si] as Obj, ctx);
    }
    stmts.push({
      bind: calls.map((c) => c.name),
      code: (bound) => {
        const names = calls.map((c, i) => (bound[i] ? (handleOf.get(c.name) as string) : ''));
        if (calls.length === 1)
          return `${names[0] ? `const ${names[0]} = ` : ''}s.${(calls[0] as { call: string }).call};`;
        if (names.some(Boolean))
          return `const [${names.join(', ')}] = s.parallel((g) => [${calls.map((c) => `g.${c.call}`).join(', ')}]);`;
        return `s.parallel((g) => { ${calls.map((c) => `g.${c.call};`).join(' ')} });`;
      },
    });
  }
  track(groups.length);
  const ret = exported.size
    ? ` return { ${[...exported].map((n) => handleOf.get(n) ?? 'undefined').join(', ')} };`
    : '';
  return {
    code: `steps((s) => { ${stmts.map((st) => st.code(st.bind.map((n) => referenced.has(n)))).join(' ')}${ret} })`,
    scope,
  };
}

/** `dag((d) => { ... })` for a DAG template. */
export function dagCode(
  spec: unknown,
  at: string,
  ctx: ModuleContext,
  inputs: Scope,
  exported: ReadonlySet<string>,
): NodeBody {
  if (!isObj(spec) || !Array.isArray(spec.tasks) || spec.tasks.length === 0)
    throw new ImportProblem(at, 'a DAG needs tasks', spec, 'Add tasks');
  const extra = Object.keys(spec).filter((k) => !['tasks', 'target', 'failFast'].includes(k));
  if (extra.length)
    throw new ImportProblem(at, `unknown dag field ${extra.join(', ')}`, extra, 'Keep tasks, target and failFast');
  ctx.imports.add('dag');
  const scope = new NodeScope(new Map(), inputs);
  const ids = new NameScope([...ctx.templates.values()].map((t) => t.id));
  const handleOf = new Map<string, string>();
  const referenced = new Set<string>(exported);
  const lines: { name: string; call: string }[] = [];
  const names = new Set(spec.tasks.filter(isObj).map((t) => String(t.name)));
  for (const [i, n] of spec.tasks.entries()) {
    const p = `${at}.tasks[${i}]`;
    if (!isObj(n) || typeof n.name !== 'string') throw new ImportProblem(p, 'a task needs a name', n, 'Add name:');
    const handle = (t: string): string => {
      if (!names.has(t))
        throw new ImportProblem(p, `depends on "${t}", which is not a task of this DAG`, t, 'Name a task of this DAG');
      const id = handleOf.get(t);
      if (id === undefined)
        throw new ImportProblem(
          p,
          `depends on "${t}", which is declared after it; handles are declared in order`,
          t,
          'List the tasks in dependency order',
        );
      referenced.add(t);
      return id;
    };
    const extraOpts: Obj = {};
    if (n.depends !== undefined) {
      if (typeof n.depends !== 'string')
        throw new ImportProblem(`${p}.depends`, 'depends must be a string', n.depends, 'Write e.g. "A && B"');
      let parsed;
      try {
        parsed = parseDepends(n.depends);
      } catch (e) {
        throw new ImportProblem(
          `${p}.depends`,
          (e as Error).message,
          n.depends,
          'Write e.g. "A && (B.Succeeded || B.Failed)"',
        );
      }
      dependsTasks(parsed).forEach(handle);
      extraOpts.depends = new Code(dependsCode(parsed, handle, ctx.imports));
    }
    if (n.dependencies !== undefined) {
      if (!Array.isArray(n.dependencies))
        throw new ImportProblem(
          `${p}.dependencies`,
          'dependencies must be a list',
          n.dependencies,
          'Write a list of task names',
        );
      extraOpts.dependencies = new Code(`[${n.dependencies.map((t) => handle(String(t))).join(', ')}]`);
    }
    const run = runCode(n, p, ctx);
    const opts = nodeOptions('tasks', n, p, ctx, scope, run.inputs, run.loose, extraOpts);
    for (const k of scope.used) {
      const m = /^tasks\.([^.]+)\./.exec(k);
      if (m) referenced.add(m[1] as string);
    }
    lines.push({ name: n.name, call: `d.task(${quote(n.name)}, ${run.code}${opts ? `, ${opts}` : ''});` });
    const id = ids.claim(n.name, 'Task');
    handleOf.set(n.name, id);
    addNodeHandles(scope, 'tasks', n.name, id, n, ctx);
  }
  let target = '';
  if (spec.target !== undefined) {
    const ts = String(spec.target).split(' ');
    if (ts.every((t) => handleOf.has(t))) {
      ts.forEach((t) => referenced.add(t));
      target = ` d.target(${ts.map((t) => handleOf.get(t)).join(', ')});`;
    } else target = ` d.target(${str(String(spec.target), scope)});`;
  }
  const body = lines
    .map((l) => (referenced.has(l.name) ? `const ${handleOf.get(l.name)} = ${l.call}` : l.call))
    .join(' ');
  const options = spec.failFast !== undefined ? `, { failFast: ${String(spec.failFast)} }` : '';
  const ret = exported.size
    ? ` return { ${[...exported].map((n) => handleOf.get(n) ?? 'undefined').join(', ')} };`
    : '';
  return { code: `dag((d) => { ${body}${target}${ret} }${options})`, scope };
}
