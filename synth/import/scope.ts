import type { NameScope } from './names.ts';
import { member, type Handles } from './ts-literal.ts';

/** A reason an object cannot be imported, at a path inside it. */
export class ImportProblem extends Error {
  constructor(
    readonly at: string,
    readonly problem: string,
    readonly got: unknown,
    readonly fix: string,
  ) {
    super(`${at}: ${problem}`);
  }
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** What the module around a template offers: template constants, imports, names. */
export interface ModuleContext {
  readonly templates: ReadonlyMap<string, { readonly id: string; readonly spec: Obj }>;
  readonly imports: Set<string>;
  readonly scope: NameScope;
}

/** A handle map that records which references it resolved. */
export class Scope implements Handles {
  readonly used = new Set<string>();
  constructor(
    protected readonly own: Map<string, string> = new Map(),
    private readonly parent?: Scope,
  ) {}
  get(k: string): string | undefined {
    const v = this.own.get(k) ?? this.parent?.get(k);
    if (v !== undefined) this.used.add(k);
    return v;
  }
  has(k: string): boolean {
    return this.own.has(k) || (this.parent?.has(k) ?? false);
  }
  set(k: string, v: string): void {
    this.own.set(k, v);
  }
  child(): Scope {
    return new Scope(new Map(), this);
  }
  /** This scope's own handles reached through `prefix` (e.g. `body.refs.`), over `parent`. */
  rebased(prefix: string, parent: Scope): Scope {
    return new NodeScope(new Map([...this.own].map(([k, v]) => [k, `${prefix}${v}`])), parent);
  }
}

/** Argo's `[{name, ...}]` lists as the DSL's maps keyed by name. */
export function byName(list: unknown, at: string): Obj {
  if (list === undefined) return {};
  if (!Array.isArray(list)) throw new ImportProblem(at, 'expected a list', list, 'Write a YAML list of {name: ...}');
  const out: Obj = {};
  for (const [i, e] of list.entries()) {
    if (!isObj(e) || typeof e.name !== 'string')
      throw new ImportProblem(`${at}[${i}]`, 'an entry needs a name', e, 'Add name: to it');
    if (e.name in out)
      throw new ImportProblem(`${at}[${i}]`, `two entries are named "${e.name}"`, e.name, 'Rename one');
    if (/^(0|[1-9][0-9]*)$/.test(e.name))
      throw new ImportProblem(`${at}[${i}]`, 'an integer name would be reordered by JavaScript', e.name, 'Rename it');
    const { name: _n, ...rest } = e;
    out[e.name] = rest;
  }
  return out;
}

/** Inputs or outputs as the DSL's declaration maps. */
export function ioDecl(io: unknown, at: string): Obj | undefined {
  if (io === undefined) return undefined;
  if (!isObj(io)) throw new ImportProblem(at, 'expected an object', io, 'Write parameters/artifacts lists');
  const { parameters, artifacts, ...rest } = io;
  return {
    ...rest,
    ...(parameters !== undefined ? { parameters: byName(parameters, `${at}.parameters`) } : {}),
    ...(artifacts !== undefined ? { artifacts: byName(artifacts, `${at}.artifacts`) } : {}),
  };
}
function looseRef(scope: Scope, path: string): string | undefined {
  const m = /^(steps|tasks)\.([^.]+)\.outputs\.(parameters|artifacts)\.([-A-Za-z0-9_]+)$/.exec(path);
  if (!m) return undefined;
  const id = scope.has(`${m[1]}.${m[2]}.outputs.__loose`) ? scope.get(`${m[1]}.${m[2]}.outputs.__loose`) : undefined;
  return id === undefined ? undefined : `${id}.outputs.${m[3]}${member(m[4] as string)}`;
}

/** A scope that also resolves outputs of templateRef nodes, whose outputs are not known. */
export class NodeScope extends Scope {
  override get(k: string): string | undefined {
    return super.get(k) ?? looseRef(this, k);
  }
  override has(k: string): boolean {
    return super.has(k) || looseRef(this, k) !== undefined;
  }
}
