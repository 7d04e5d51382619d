import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import referenceProject from '../../pipelines/index.ts';
import { synthesize } from '../../synth/engine.ts';
import { SchemaRegistry } from '../../synth/validate/schema-registry.ts';
import { sharedDir } from '../shared-dir.ts';
import { validateCoreKind } from './core-kinds.ts';

const registry = new SchemaRegistry(resolve(sharedDir(), 'schemas'));

type K8sObject = { apiVersion: string; kind: string; metadata: { name: string }; spec?: { templates?: { name: string; resource?: { manifest?: string } }[] } };

describe('reference project conforms to the upstream CRD schemas (strict)', () => {
  const { files } = synthesize(referenceProject);
  const objects = files.flatMap((f) => f.documents.map((d) => ({ file: f.path, obj: d as K8sObject })));

  it('synthesizes at least one object per kind it targets', () => {
    const kinds = new Set(objects.map((o) => o.obj.kind));
    for (const kind of ['WorkflowTemplate', 'CronWorkflow', 'PrometheusRule', 'ServiceAccount', 'Role', 'RoleBinding']) expect(kinds).toContain(kind);
  });

  it.each(objects.map((o) => [o.file, o] as const))('%s', (_file, { obj }) => {
    const findings = registry.validate(obj) ?? validateCoreKind(obj);
    expect(findings, `no schema for ${obj.apiVersion} ${obj.kind}`).toBeDefined();
    expect(findings).toEqual([]);
  });

  // Resource templates carry their manifest as a string, which the WorkflowTemplate schema cannot
  // see into: the Workflows that p.submit() creates are validated on their own.
  const submitted = objects.flatMap(({ file, obj }) =>
    (obj.kind === 'WorkflowTemplate' ? obj.spec?.templates ?? [] : []).flatMap((t) => (t.resource?.manifest ? [[`${file} > ${t.name}`, load(t.resource.manifest) as K8sObject] as const] : [])),
  );

  it('finds the submitted Workflows of the drift pipelines', () => {
    expect(submitted.length).toBeGreaterThanOrEqual(5);
  });

  it.each(submitted)('%s creates a valid Workflow', (_where, manifest) => {
    expect(manifest.kind).toBe('Workflow');
    expect(registry.validate(manifest)).toEqual([]);
  });
});
