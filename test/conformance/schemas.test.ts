import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import referenceProject from '../../pipelines/index.ts';
import { synthesize } from '../../synth/engine.ts';
import { validateBuiltinKind } from '../../synth/validate/builtin/builtin-kinds.ts';
import { SchemaRegistry } from '../../synth/validate/schema-registry.ts';
import { sharedDir } from '../shared-dir.ts';

const registry = new SchemaRegistry(resolve(sharedDir(), 'schemas'));

type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec?: { templates?: { name: string; resource?: { manifest?: string } }[] };
};

describe('reference project conforms to the upstream CRD schemas (strict)', () => {
  const { files } = synthesize(referenceProject);
  const objects = files.flatMap((f) => f.documents.map((d) => ({ file: f.path, obj: d as K8sObject })));

  it('synthesizes at least one object per kind it targets', () => {
    const kinds = new Set(objects.map((o) => o.obj.kind));
    for (const kind of [
      'WorkflowTemplate',
      'CronWorkflow',
      'PrometheusRule',
      'ServiceAccount',
      'Role',
      'RoleBinding',
      'Service',
      'Rollout',
      'AnalysisTemplate',
      'InferenceService',
      'VirtualService',
      'Application',
    ])
      expect(kinds).toContain(kind);
  });

  it.each(objects.map((o) => [o.file, o] as const))('%s', (_file, { obj }) => {
    const findings = registry.validate(obj) ?? validateBuiltinKind(obj);
    expect(findings, `no schema for ${obj.apiVersion} ${obj.kind}`).toBeDefined();
    expect(findings).toEqual([]);
  });

  // Resource templates carry their manifest as a string, which the WorkflowTemplate schema cannot
  // see into: the Workflows that p.submit() creates and the AnalysisRuns of the KServe promotion
  // workflows are validated on their own; the workflows' patches must be JSON patches.
  type ResourceTemplate = { name: string; resource?: { action: string; manifest?: string } };
  const resources = objects.flatMap(({ file, obj }) =>
    (obj.kind === 'WorkflowTemplate' ? ((obj.spec?.templates ?? []) as ResourceTemplate[]) : []).flatMap((t) =>
      t.resource?.manifest
        ? [{ where: `${file} > ${t.name}`, action: t.resource.action, manifest: t.resource.manifest }]
        : [],
    ),
  );
  const created = resources
    .filter((r) => r.action === 'create')
    .map((r) => [r.where, load(r.manifest) as K8sObject & { spec: unknown }] as const);
  const submitted = created.filter(([, m]) => m.kind === 'Workflow');

  it('finds the submitted Workflows of the drift pipelines and the AnalysisRuns of the KServe workflows', () => {
    expect(submitted.length).toBeGreaterThanOrEqual(5);
    expect(created.filter(([, m]) => m.kind === 'AnalysisRun').length).toBeGreaterThan(0);
    expect(created.every(([, m]) => m.kind === 'Workflow' || m.kind === 'AnalysisRun')).toBe(true);
  });

  it.each(submitted)('%s creates a valid Workflow', (_where, manifest) => {
    expect(registry.validate(manifest)).toEqual([]);
  });

  it.each(created.filter(([, m]) => m.kind === 'AnalysisRun'))(
    '%s creates an AnalysisRun whose spec is a valid AnalysisTemplate spec',
    (_where, run) => {
      const asTemplate: K8sObject & { spec: unknown } = {
        apiVersion: run.apiVersion,
        kind: 'AnalysisTemplate',
        metadata: { name: 'bound' },
        spec: run.spec,
      };
      expect(registry.validate(asTemplate)).toEqual([]);
    },
  );

  it.each(resources.filter((r) => r.action === 'patch').map((r) => [r.where, r.manifest] as const))(
    '%s patches with a JSON patch',
    (_where, manifest) => {
      const ops = JSON.parse(manifest.replace('{{inputs.parameters.percent}}', '10')) as { op: string; path: string }[];
      expect(ops.length).toBeGreaterThan(0);
      for (const op of ops) expect(['test', 'add', 'replace', 'remove']).toContain(op.op);
    },
  );
});
