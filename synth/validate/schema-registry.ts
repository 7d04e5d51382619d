import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ValidatorCache, type CachedValidator } from './validator-cache.ts';
import { validateInWorkers } from './validator-workers.ts';

/** Schemas at least this large (the Argo workflow kinds, InferenceService) are validated in worker threads. */
export const WORKER_SCHEMA_BYTES = 512 * 1024;

/** One schema problem, located by JSON pointer inside the object. */
export interface SchemaFinding {
  readonly path: string;
  readonly message: string;
}

interface Typed {
  readonly apiVersion?: unknown;
  readonly kind?: unknown;
}

/**
 * Strict JSON Schemas for Kubernetes kinds, read from a directory laid out as
 * `<group>/<kind>_<version>.json` (the layout of ../shared/schemas and of `argosy schemas pull`).
 * Validators are precompiled once per schema file and kept in the validator cache (see
 * validator-cache.ts), because compiling the Argo and KServe schemas takes seconds each.
 */
export class SchemaRegistry {
  private readonly loaded = new Map<string, CachedValidator | null>();

  /** Where compiled validators are kept; default the user's cache directory. */
  readonly cache: ValidatorCache;
  private readonly workerSchemaBytes: number;

  constructor(
    readonly root: string,
    opts: { readonly cache?: ValidatorCache; readonly workerSchemaBytes?: number } = {},
  ) {
    this.cache = opts.cache ?? new ValidatorCache();
    this.workerSchemaBytes = opts.workerSchemaBytes ?? WORKER_SCHEMA_BYTES;
  }

  /** The schema file for an apiVersion/kind, whether or not it exists. */
  fileFor(apiVersion: string, kind: string): string {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['core', apiVersion];
    return join(this.root, group as string, `${kind.toLowerCase()}_${version}.json`);
  }

  has(apiVersion: string, kind: string): boolean {
    return existsSync(this.fileFor(apiVersion, kind));
  }

  private load(apiVersion: string, kind: string): CachedValidator | null {
    const file = this.fileFor(apiVersion, kind);
    return existsSync(file) ? this.cache.load(readFileSync(file, 'utf8')) : null;
  }

  /** Validates one object; `undefined` means no schema is known for its kind. Keeps the validator. */
  validate(obj: Typed): SchemaFinding[] | undefined {
    if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') {
      return [{ path: '', message: 'object has no apiVersion/kind' }];
    }
    const key = `${obj.apiVersion}/${obj.kind}`;
    if (!this.loaded.has(key)) this.loaded.set(key, this.load(obj.apiVersion, obj.kind));
    const v = this.loaded.get(key);
    return v ? findingsOf(v.validate, obj) : undefined;
  }

  /** The objects of `objects` grouped by apiVersion/kind, by index; those without one are validated now. */
  private groups(objects: readonly (object & Typed)[], out: (SchemaFinding[] | undefined)[]): Map<string, Group> {
    const byKind = new Map<string, Group>();
    objects.forEach((o, i) => {
      if (typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') {
        out[i] = this.validate(o);
        return;
      }
      const key = `${o.apiVersion}/${o.kind}`;
      const group = byKind.get(key) ?? { file: this.fileFor(o.apiVersion, o.kind), at: [] };
      group.at.push(i);
      byKind.set(key, group);
    });
    return byKind;
  }

  /** Validates one group in this thread with a validator the registry holds, or loads and releases one. */
  private validateGroup(
    key: string,
    group: Group,
    objects: readonly Typed[],
    out: (SchemaFinding[] | undefined)[],
  ): void {
    const kept = this.loaded.get(key);
    const v =
      kept !== undefined ? kept : existsSync(group.file) ? this.cache.load(readFileSync(group.file, 'utf8')) : null;
    for (const i of group.at) out[i] = v ? findingsOf(v.validate, objects[i] as Typed) : undefined;
    if (kept === undefined) v?.release();
  }

  /**
   * Validates many objects one kind at a time, in this thread; the result is aligned with
   * `objects`, `undefined` where no schema is known. Objects without apiVersion/kind are
   * reported as in `validate`. V8 keeps every validator it ran for as long as the thread lives
   * (tens of MB for the large schemas): `validateAllAsync` does not.
   */
  validateAll(objects: readonly object[]): (SchemaFinding[] | undefined)[] {
    const out = new Array<SchemaFinding[] | undefined>(objects.length);
    for (const [key, group] of this.groups(objects, out)) this.validateGroup(key, group, objects, out);
    return out;
  }

  /**
   * As `validateAll`, with the same findings, but each large schema (WORKER_SCHEMA_BYTES) is run
   * in a worker thread of its own, two at a time, so memory stays bounded by the largest
   * validators and not their sum, and both cores work.
   */
  async validateAllAsync(objects: readonly object[]): Promise<(SchemaFinding[] | undefined)[]> {
    const out = new Array<SchemaFinding[] | undefined>(objects.length);
    const isolated: { group: Group; schemaText: string }[] = [];
    const here: [string, Group][] = [];
    for (const [key, group] of this.groups(objects, out)) {
      const size = this.loaded.has(key) || !existsSync(group.file) ? -1 : statSync(group.file).size;
      if (size >= this.workerSchemaBytes) isolated.push({ group, schemaText: readFileSync(group.file, 'utf8') });
      else here.push([key, group]);
    }
    // The workers start now and run while the small schemas are checked here.
    const running = validateInWorkers(
      this.cache,
      isolated.map(({ group, schemaText }) => ({ schemaText, objects: group.at.map((i) => objects[i]) })),
    );
    for (const [key, group] of here) this.validateGroup(key, group, objects, out);
    const errors = await running;
    isolated.forEach(({ group }, j) =>
      group.at.forEach((i, k) => {
        out[i] = (errors[j]?.[k] ?? []).map(describeError);
      }),
    );
    return out;
  }

  /** Lets the cache keep what V8 compiled for the validators `validate` holds, and drops them. */
  release(): void {
    for (const v of this.loaded.values()) v?.release();
    this.loaded.clear();
  }
}

interface Group {
  readonly file: string;
  readonly at: number[];
}

function findingsOf(validate: ValidateFunction, obj: Typed): SchemaFinding[] {
  return validate(obj) ? [] : (validate.errors ?? []).map(describeError);
}

/** How `argosy validate` words one of ajv's errors. */
export function describeError(e: ErrorObject): SchemaFinding {
  const path = e.instancePath || '/';
  if (e.keyword === 'additionalProperties') {
    return { path, message: `unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"` };
  }
  if (e.keyword === 'enum') {
    return {
      path,
      message: `${e.message ?? 'not allowed'}: ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`,
    };
  }
  return { path, message: e.message ?? e.keyword };
}
