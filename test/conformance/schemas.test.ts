import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import referenceProject from '../../pipelines/index.ts';
import { synthesize } from '../../synth/engine.ts';
import { SchemaRegistry } from '../../synth/validate/schema-registry.ts';
import { sharedDir } from '../shared-dir.ts';

const registry = new SchemaRegistry(resolve(sharedDir(), 'schemas'));

describe('reference project conforms to the upstream CRD schemas (strict)', () => {
  const { files } = synthesize(referenceProject);
  const objects = files.flatMap((f) => f.documents.map((d) => ({ file: f.path, obj: d as { apiVersion: string; kind: string } })));

  it('synthesizes at least one object per kind it targets', () => {
    expect(objects.length).toBeGreaterThan(0);
  });

  it.each(objects.map((o) => [o.file, o] as const))('%s', (_file, { obj }) => {
    const findings = registry.validate(obj);
    expect(findings, `no schema for ${obj.apiVersion} ${obj.kind}`).toBeDefined();
    expect(findings).toEqual([]);
  });
});
