import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module object.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats: FormatsPlugin = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin;

/** One schema problem, located by JSON pointer inside the object. */
export interface SchemaFinding {
  readonly path: string;
  readonly message: string;
}

/**
 * Strict JSON Schemas for Kubernetes kinds, read from a directory laid out as
 * `<group>/<kind>_<version>.json` (the layout of ../shared/schemas and of `argosy schemas pull`).
 * Each schema is compiled on first use and reused, because the Argo and KServe ones are large.
 */
export class SchemaRegistry {
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  private readonly compiled = new Map<string, ValidateFunction | null>();

  constructor(readonly root: string) {}

  /** The schema file for an apiVersion/kind, whether or not it exists. */
  fileFor(apiVersion: string, kind: string): string {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['core', apiVersion];
    return join(this.root, group as string, `${kind.toLowerCase()}_${version}.json`);
  }

  has(apiVersion: string, kind: string): boolean {
    return existsSync(this.fileFor(apiVersion, kind));
  }

  private validator(apiVersion: string, kind: string): ValidateFunction | null {
    const key = `${apiVersion}/${kind}`;
    if (!this.compiled.has(key)) {
      const file = this.fileFor(apiVersion, kind);
      this.compiled.set(
        key,
        existsSync(file) ? this.ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object) : null,
      );
    }
    return this.compiled.get(key) as ValidateFunction | null;
  }

  /** Validates one object; `undefined` means no schema is known for its kind. */
  validate(obj: { apiVersion?: unknown; kind?: unknown }): SchemaFinding[] | undefined {
    if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') {
      return [{ path: '', message: 'object has no apiVersion/kind' }];
    }
    const validate = this.validator(obj.apiVersion, obj.kind);
    if (!validate) return undefined;
    return validate(obj) ? [] : (validate.errors ?? []).map(describeError);
  }
}

function describeError(e: ErrorObject): SchemaFinding {
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
