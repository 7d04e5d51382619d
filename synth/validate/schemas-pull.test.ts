import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crdSchemas } from './crd-to-schema.ts';
import { SchemaRegistry } from './schema-registry.ts';
import { pullSchemas } from './schemas-pull.ts';
import { ValidatorCache } from './validator-cache.ts';

/** A small CRD exercising every conversion rule. */
const CRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'models.ml.example.com' },
  spec: {
    group: 'ml.example.com',
    names: { kind: 'Model', plural: 'models' },
    scope: 'Namespaced',
    versions: [
      { name: 'v1alpha1', served: false, storage: false, schema: { openAPIV3Schema: { type: 'object' } } },
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            description: 'A model.',
            properties: {
              spec: {
                type: 'object',
                required: ['uri'],
                properties: {
                  uri: { type: 'string', description: 'Where the model is.' },
                  replicas: { 'x-kubernetes-int-or-string': true },
                  note: { type: 'string', nullable: true },
                  mode: { type: 'string', pattern: '^(?i)(fast|slow)$' },
                  config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                  none: { type: 'object' },
                  labels: { type: 'object', additionalProperties: { type: 'string' } },
                  either: {
                    anyOf: [{ properties: { a: { type: 'string' } } }, { properties: { b: { type: 'string' } } }],
                  },
                },
              },
            },
          },
        },
      },
    ],
  },
};

describe('CRD schema conversion', () => {
  const [path, schema] = [...crdSchemas(CRD)][0] as [string, Record<string, unknown>];
  const dir = mkdtempSync(join(tmpdir(), 'argosy-crd-'));
  mkdirSync(join(dir, 'ml.example.com'));
  writeFileSync(join(dir, path), JSON.stringify(schema));
  const registry = new SchemaRegistry(dir);
  const validate = (obj: unknown): string[] =>
    (registry.validate(obj as { apiVersion: string; kind: string }) ?? [{ path: '', message: 'no schema' }]).map(
      (f) => `${f.path} ${f.message}`,
    );
  const model = (spec: Record<string, unknown>): unknown => ({
    apiVersion: 'ml.example.com/v1',
    kind: 'Model',
    metadata: { name: 'm' },
    spec: { uri: 's3://m', ...spec },
  });

  it('GIVEN a CRD WHEN converted THEN only served versions are written, in the shared layout', () => {
    expect([...crdSchemas(CRD).keys()]).toEqual(['ml.example.com/model_v1.json']);
    expect(path).toBe('ml.example.com/model_v1.json');
    expect(JSON.stringify(schema)).not.toContain('description');
  });

  it('GIVEN a valid object WHEN validated THEN it passes, including int-or-string, nullable, (?i) patterns and preserved fields', () => {
    expect(
      validate(
        model({
          replicas: '50%',
          note: null,
          mode: 'FAST',
          config: { anything: { goes: 1 } },
          none: {},
          labels: { a: 'b' },
          either: { a: 'x' },
        }),
      ),
    ).toEqual([]);
    expect(validate(model({ replicas: 3 }))).toEqual([]);
  });

  it('GIVEN unknown fields WHEN validated THEN they are errors, also in bare objects and at the root', () => {
    expect(validate(model({ urii: 'x' }))).toEqual(['/spec unknown field "urii"']);
    expect(validate(model({ none: { x: 1 } }))).toEqual(['/spec/none unknown field "x"']);
    expect(validate({ ...(model({}) as object), extra: 1 })).toEqual(['/ unknown field "extra"']);
  });

  it('GIVEN a wrong apiVersion or kind WHEN validated THEN it is rejected', () => {
    expect(validate({ ...(model({}) as object), apiVersion: 'ml.example.com/v2' })).not.toEqual([]);
  });
});

describe('argosy schemas pull against a fake API server on loopback', () => {
  let server: Server;
  let kubeconfig: string;
  const requests: string[] = [];
  let served: unknown[] = [CRD];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      if (req.url?.startsWith('/apis/apiextensions.k8s.io/v1/customresourcedefinitions')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            apiVersion: 'apiextensions.k8s.io/v1',
            kind: 'CustomResourceDefinitionList',
            metadata: {},
            items: served,
          }),
        );
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    const dir = mkdtempSync(join(tmpdir(), 'argosy-kube-'));
    kubeconfig = join(dir, 'config');
    writeFileSync(
      kubeconfig,
      `apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster: {server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true}\nusers:\n- name: me\n  user: {token: test}\ncontexts:\n- name: fake\n  context: {cluster: fake, user: me}\ncurrent-context: fake\n`,
    );
  });

  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('GIVEN a cluster with a CRD WHEN pulled THEN its schema and validator are cached and validation works offline from them', async () => {
    const out = mkdtempSync(join(tmpdir(), 'argosy-schemas-'));
    const validators = new ValidatorCache(mkdtempSync(join(tmpdir(), 'argosy-validators-')));
    const compiling: string[] = [];
    const r = await pullSchemas({ out, kubeconfig, validators, onCompile: (path) => compiling.push(path) });
    expect(requests).toEqual(['GET /apis/apiextensions.k8s.io/v1/customresourcedefinitions']);
    expect(r).toMatchObject({ crds: 1, files: ['ml.example.com/model_v1.json'], compiled: 1, uncompiled: [] });
    expect(compiling).toEqual(['ml.example.com/model_v1.json']);
    expect(JSON.parse(readFileSync(join(out, 'ml.example.com/model_v1.json'), 'utf8')).properties.kind).toEqual({
      type: 'string',
      enum: ['Model'],
    });
    // A second pull finds the validator compiled already.
    expect((await pullSchemas({ out, kubeconfig, validators })).compiled).toBe(0);
    const schemaText = readFileSync(join(out, 'ml.example.com/model_v1.json'), 'utf8');
    expect(validators.lookup(schemaText).fromCache).toBe(true);
    const registry = new SchemaRegistry(out, { cache: validators });
    const model = (spec: object): { apiVersion: string; kind: string } =>
      ({ apiVersion: 'ml.example.com/v1', kind: 'Model', metadata: { name: 'm' }, spec }) as {
        apiVersion: string;
        kind: string;
      };
    expect(registry.validate(model({ uri: 'x' }))).toEqual([]);
    expect(registry.validate(model({ uri: 'x', typo: 1 }))).toEqual([
      { path: '/spec', message: 'unknown field "typo"' },
    ]);
  });

  it('GIVEN a CRD removed from the cluster WHEN pulled again THEN only the schema the last pull wrote for it is removed', async () => {
    const out = mkdtempSync(join(tmpdir(), 'argosy-schemas-'));
    const other = {
      ...CRD,
      metadata: { name: 'datasets.data.example.com' },
      spec: { ...CRD.spec, group: 'data.example.com', names: { kind: 'Dataset', plural: 'datasets' } },
    };
    served = [CRD, other];
    expect((await pullSchemas({ out, kubeconfig })).files).toEqual([
      'data.example.com/dataset_v1.json',
      'ml.example.com/model_v1.json',
    ]);
    // A schema put there by hand, beside the pulled ones.
    writeFileSync(join(out, 'ml.example.com', 'handmade_v1.json'), '{}');
    served = [CRD];
    const again = await pullSchemas({ out, kubeconfig });
    served = [CRD];
    expect(again.pruned).toEqual(['data.example.com/dataset_v1.json']);
    expect(existsSync(join(out, 'data.example.com'))).toBe(false);
    expect(existsSync(join(out, 'ml.example.com', 'model_v1.json'))).toBe(true);
    expect(existsSync(join(out, 'ml.example.com', 'handmade_v1.json'))).toBe(true);
    expect((await pullSchemas({ out, kubeconfig })).pruned).toEqual([]);
  });

  it('GIVEN no reachable cluster WHEN pulled THEN it fails with an error, not a hang', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'argosy-kube-'));
    const bad = join(dir, 'config');
    writeFileSync(bad, readFileSync(kubeconfig, 'utf8').replace(/127\.0\.0\.1:\d+/, '127.0.0.1:1'));
    await expect(pullSchemas({ out: dir, kubeconfig: bad })).rejects.toThrow();
  });
});
