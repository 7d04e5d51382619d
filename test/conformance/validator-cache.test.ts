import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import referenceProject from '../../pipelines/index.ts';
import { synthesize } from '../../synth/engine.ts';
import { describeError, SchemaRegistry, type SchemaFinding } from '../../synth/validate/schema-registry.ts';
import { AJV_OPTIONS, ValidatorCache } from '../../synth/validate/validator-cache.ts';
import { sampleMutants } from '../mutants.ts';
import { sharedDir } from '../shared-dir.ts';

type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin;
type Obj = { apiVersion: string; kind: string } & Record<string, unknown>;

const schemas = resolve(sharedDir(), 'schemas');
const probe = new SchemaRegistry(schemas, { cache: new ValidatorCache(undefined) });
const reference = synthesize(referenceProject)
  .files.flatMap((f) => f.documents as Obj[])
  .filter((o) => probe.has(o.apiVersion, o.kind));
const byKind = new Map<string, Obj[]>();
for (const o of reference)
  byKind.set(`${o.apiVersion}/${o.kind}`, [...(byKind.get(`${o.apiVersion}/${o.kind}`) ?? []), o]);
// The reference tree, and deliberately broken copies of a few objects of each kind.
const objects: object[] = [
  ...reference,
  ...[...byKind.values()].flatMap((list) => sampleMutants(list.slice(0, 3), 40)),
];

/**
 * What `argosy validate` reported before validators were cached: the registry as it was, ajv's
 * own compile of each schema file, kept per kind.
 */
function direct(): (SchemaFinding[] | undefined)[] {
  const compiled = new Map<string, ValidateFunction | null>();
  return objects.map((o) => {
    const t = o as Partial<Obj>;
    if (typeof t.apiVersion !== 'string' || typeof t.kind !== 'string')
      return [{ path: '', message: 'object has no apiVersion/kind' }];
    const key = `${t.apiVersion}/${t.kind}`;
    if (!compiled.has(key)) {
      const file = probe.fileFor(t.apiVersion, t.kind);
      compiled.set(
        key,
        existsSync(file)
          ? addFormats(new Ajv({ ...AJV_OPTIONS })).compile(JSON.parse(readFileSync(file, 'utf8')) as object)
          : null,
      );
    }
    const validate = compiled.get(key);
    if (!validate) return undefined;
    return validate(o) ? [] : (validate.errors ?? []).map(describeError);
  });
}

describe('precompiled validators find what ajv does, on the reference tree and broken objects', () => {
  it('GIVEN every schema kind of the reference tree WHEN validated cold, warm, in workers and in this thread THEN the findings equal a direct ajv compile', async () => {
    expect(byKind.size).toBeGreaterThanOrEqual(8);
    const expected = direct();
    // Objects whose kind or apiVersion a mutation changed are compared too (no schema, or none at all).
    const broken = expected.filter((f) => (f?.length ?? 0) > 0).length;
    expect(broken).toBeGreaterThan(objects.length / 3);
    expect(expected.slice(0, reference.length).every((f) => f?.length === 0)).toBe(true);
    const cacheDir = mkdtempSync(join(tmpdir(), 'argosy-validators-'));
    const registry = (): SchemaRegistry => new SchemaRegistry(schemas, { cache: new ValidatorCache(cacheDir) });
    expect(await registry().validateAllAsync(objects)).toEqual(expected);
    expect(await registry().validateAllAsync(objects)).toEqual(expected);
    expect(registry().validateAll(objects)).toEqual(expected);
    // Four full compiles of every schema: minutes on a loaded two-core machine, not a hang.
  }, 900_000);
});
