import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { sampleMutants } from '../../test/mutants.ts';
import { SchemaRegistry } from './schema-registry.ts';
import { AJV_OPTIONS, MAX_CODE_CACHES_PER_VALIDATOR, ValidatorCache, validatorKey } from './validator-cache.ts';

type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin;

/** A CRD-like schema using what the real ones use: closed objects, enums, formats, patterns, anyOf, int-or-string. */
const SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { type: 'string', enum: ['ml.example.com/v1'] },
    kind: { type: 'string', enum: ['Model'] },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      required: ['uri'],
      additionalProperties: false,
      properties: {
        uri: { type: 'string', pattern: '^(s3|gs)://' },
        replicas: { type: 'integer', format: 'int32', minimum: 0 },
        weight: { type: 'number', format: 'double' },
        since: { type: 'string', format: 'date-time' },
        token: { type: 'string', format: 'byte' },
        mode: { type: 'string', enum: ['fast', 'slow'] },
        port: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
        note: { type: ['string', 'null'] },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        containers: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name'],
            additionalProperties: false,
            properties: {
              name: { type: 'string', maxLength: 63 },
              args: { type: 'array', items: { type: 'string' } },
              resources: { type: 'object', additionalProperties: { anyOf: [{ type: 'integer' }, { type: 'string' }] } },
            },
          },
        },
      },
    },
  },
};
const TEXT = `${JSON.stringify(SCHEMA, null, 2)}\n`;
const VALID = {
  apiVersion: 'ml.example.com/v1',
  kind: 'Model',
  metadata: { name: 'm', labels: { a: 'b' } },
  spec: {
    uri: 's3://bucket/model',
    replicas: 2,
    weight: 0.5,
    since: '2026-01-01T00:00:00Z',
    token: 'aGVsbG8=',
    mode: 'fast',
    port: 'http',
    note: null,
    labels: { team: 'ml' },
    containers: [{ name: 'main', args: ['--x'], resources: { cpu: 1, memory: '1Gi' } }],
  },
};
const OBJECTS = [VALID, ...sampleMutants([VALID], 300)];

/** What `argosy validate` did before validators were cached: ajv's own compile, every run. */
function directErrors(objects: readonly unknown[]): unknown[] {
  const validate = addFormats(new Ajv({ ...AJV_OPTIONS })).compile(SCHEMA);
  return objects.map((o) => (validate(o) ? null : validate.errors));
}

const tmp = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));
const schemaDir = (): string => {
  const dir = tmp('argosy-schemas-');
  mkdirSync(join(dir, 'ml.example.com'));
  writeFileSync(join(dir, 'ml.example.com', 'model_v1.json'), TEXT);
  return dir;
};

describe('precompiled schema validators', () => {
  it('GIVEN broken objects WHEN validated by the cached validator, cold and warm THEN ajv reports exactly what a direct compile does', () => {
    const expected = directErrors(OBJECTS);
    expect(expected.filter((e) => e !== null).length).toBeGreaterThan(200);
    const cache = new ValidatorCache(tmp('argosy-validators-'));
    for (const fromCache of [false, true, true]) {
      const v = cache.load(TEXT);
      expect(v.fromCache).toBe(fromCache);
      expect(OBJECTS.map((o) => (v.validate(o) ? null : v.validate.errors))).toEqual(expected);
      v.release();
    }
  });

  it('GIVEN a schema WHEN loaded and released THEN the cache holds its code and V8 code cache under its content hash, written whole', () => {
    const dir = tmp('argosy-validators-');
    new ValidatorCache(dir).load(TEXT).release();
    const key = validatorKey(TEXT);
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toBe(`${key}.cjs`);
    expect(files[1]).toMatch(new RegExp(`^${key}\\.v8-[0-9a-f]{16}\\.bin$`));
    expect(validatorKey(TEXT.replace('fast', 'quick'))).not.toBe(key);
  });

  it('GIVEN a truncated or broken cache entry WHEN loaded THEN it is compiled again and replaced, never run', () => {
    const dir = tmp('argosy-validators-');
    const cache = new ValidatorCache(dir);
    cache.load(TEXT).release();
    const file = join(dir, `${validatorKey(TEXT)}.cjs`);
    const whole = readFileSync(file, 'utf8');
    writeFileSync(file, whole.slice(0, whole.length / 2));
    expect(cache.load(TEXT).fromCache).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(whole);
    // Whole in shape, but not JavaScript.
    const lines = whole.split('\n');
    writeFileSync(file, [lines[0], 'this is not { javascript', ...lines.slice(-2)].join('\n'));
    const v = new ValidatorCache(dir).load(TEXT);
    expect(v.fromCache).toBe(false);
    expect(v.validate(VALID)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(whole);
  });

  it('GIVEN a cache directory that cannot be written WHEN validating THEN it still validates and says why nothing is cached', () => {
    const parent = tmp('argosy-validators-');
    chmodSync(parent, 0o500);
    try {
      const cache = new ValidatorCache(join(parent, 'validators'));
      const v = cache.load(TEXT);
      // root ignores permissions: then the cache simply works.
      if (cache.problems.length > 0)
        expect(cache.problems[0]).toMatch(/cannot write compiled schema validators \(got E/);
      expect(v.validate(VALID)).toBe(true);
    } finally {
      chmodSync(parent, 0o700);
    }
    const none = new ValidatorCache(undefined).load(TEXT);
    expect(none.validate({ ...VALID, extra: 1 })).toBe(false);
  });

  it('GIVEN more schemas than the cache keeps WHEN compiled THEN the least recently used are removed', () => {
    const dir = tmp('argosy-validators-');
    const cache = new ValidatorCache(dir, { maxEntries: 2 });
    const texts = ['a', 'b', 'c'].map((k) =>
      JSON.stringify({ type: 'object', properties: { [k]: { type: 'string' } } }),
    );
    for (const t of texts) cache.load(t).release();
    const keys = new Set(readdirSync(dir).map((n) => n.slice(0, 64)));
    expect(keys.size).toBe(2);
    expect(keys.has(validatorKey(texts[0] as string))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('validator cache: code caches per set of V8 flags', () => {
  it('GIVEN code caches of many sets of V8 flags WHEN a new one is saved THEN only the most recent few are kept', () => {
    const dir = tmp('argosy-validators-');
    const cache = new ValidatorCache(dir);
    cache.load(TEXT).release();
    const key = validatorKey(TEXT);
    const old = Date.now() / 1000 - 3600;
    for (const tag of ['0000000000000001', '0000000000000002', '0000000000000003', '0000000000000004']) {
      const f = join(dir, `${key}.v8-${tag}.bin`);
      writeFileSync(f, 'stale');
      utimesSync(f, old, old);
    }
    // No code cache for this process's flags: the next load makes one and saves it.
    for (const n of readdirSync(dir)) if (n.endsWith('.bin') && !n.includes('.v8-000')) rmSync(join(dir, n));
    new ValidatorCache(dir).load(TEXT).release();
    const bins = readdirSync(dir).filter((n) => n.endsWith('.bin'));
    expect(bins).toHaveLength(MAX_CODE_CACHES_PER_VALIDATOR);
    expect(bins.filter((n) => !n.includes('.v8-000'))).toHaveLength(1);
  });
});

describe('schema registry: in this thread and in worker threads', () => {
  const findings = (registry: SchemaRegistry) => registry.validateAll(OBJECTS);

  it('GIVEN broken objects WHEN validated in worker threads, cold and warm THEN the findings equal those of this thread and of a direct compile', async () => {
    const dir = schemaDir();
    const direct = new SchemaRegistry(dir, { cache: new ValidatorCache(undefined) });
    const expected = findings(direct);
    expect(expected.some((f) => (f?.length ?? 0) > 0)).toBe(true);
    const cacheDir = tmp('argosy-validators-');
    for (let run = 0; run < 3; run++) {
      const registry = new SchemaRegistry(dir, { cache: new ValidatorCache(cacheDir), workerSchemaBytes: 0 });
      expect(await registry.validateAllAsync(OBJECTS)).toEqual(expected);
    }
    // The workers stored the code, then V8's code cache.
    expect(readdirSync(cacheDir).filter((n) => n.endsWith('.cjs') || n.endsWith('.bin'))).toHaveLength(2);
    expect(findings(new SchemaRegistry(dir, { cache: new ValidatorCache(cacheDir) }))).toEqual(expected);
  });

  it('GIVEN a broken cache entry WHEN validated in a worker THEN it is compiled again', async () => {
    const dir = schemaDir();
    const cacheDir = tmp('argosy-validators-');
    const cache = new ValidatorCache(cacheDir);
    cache.load(TEXT).release();
    const file = join(cacheDir, `${validatorKey(TEXT)}.cjs`);
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [lines[0], 'module.exports = 42;', ...lines.slice(-2)].join('\n'));
    const registry = new SchemaRegistry(dir, { cache, workerSchemaBytes: 0 });
    expect(await registry.validateAllAsync([VALID, { ...VALID, extra: 1 }])).toEqual([
      [],
      [{ path: '/', message: 'unknown field "extra"' }],
    ]);
    expect(existsSync(file) && readFileSync(file, 'utf8').includes('module.exports = 42;')).toBe(false);
  });

  it('GIVEN objects of kinds without a schema or without apiVersion WHEN validated THEN they are reported as before', async () => {
    const registry = new SchemaRegistry(schemaDir(), { cache: new ValidatorCache(undefined), workerSchemaBytes: 0 });
    const objects = [{ apiVersion: 'x/v1', kind: 'Nothing' }, { kind: 'Model' }, VALID];
    const expected = [undefined, [{ path: '', message: 'object has no apiVersion/kind' }], []];
    expect(registry.validateAll(objects)).toEqual(expected);
    expect(await registry.validateAllAsync(objects)).toEqual(expected);
  });
});
