import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { load, loadAll } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import referenceProject from '../../pipelines/index.ts';
import { project } from '../../dsl/index.ts';
import { synthesize } from '../../synth/engine.ts';
import { validateBuiltinKind } from '../../synth/validate/builtin/builtin-kinds.ts';
import { crdSchemas } from '../../synth/validate/crd-to-schema.ts';
import { SchemaRegistry } from '../../synth/validate/schema-registry.ts';
import { sharedDir } from '../shared-dir.ts';

// The reference project (DSRPMart) on older platforms must be strict-valid against that release's
// own CRDs (../shared/crds/versions, see SOURCES.txt there), converted like `argosy schemas pull`.

type K8sObject = { apiVersion: string; kind: string; metadata: { name: string }; spec?: Record<string, unknown> };

const scratch = mkdtempSync(join(tmpdir(), 'argosy-platform-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A schema registry holding only the CRDs of the given `../shared/crds/versions/<release>` directories. */
function versionedRegistry(name: string, releases: readonly string[]): SchemaRegistry {
  const root = join(scratch, name);
  for (const release of releases) {
    const dir = resolve(sharedDir(), 'crds', 'versions', release);
    const files = readFileSync(resolve(sharedDir(), 'crds', 'versions', 'SOURCES.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith(`versions/${release}/`))
      .map((l) => join(dir, (l.split(' ')[0] as string).slice(`versions/${release}/`.length)));
    expect(files.length, `${release} in SOURCES.txt`).toBeGreaterThan(0);
    for (const file of files)
      for (const crd of loadAll(readFileSync(file, 'utf8')))
        for (const [path, schema] of crdSchemas(crd)) {
          mkdirSync(dirname(join(root, path)), { recursive: true });
          writeFileSync(join(root, path), JSON.stringify(schema));
        }
  }
  return new SchemaRegistry(root);
}

const current = new SchemaRegistry(resolve(sharedDir(), 'schemas'));
const VERSIONED_GROUPS = new Set([
  'argoproj.io/Workflow',
  'argoproj.io/WorkflowTemplate',
  'argoproj.io/CronWorkflow',
  'networking.istio.io',
]);
const versionedKind = (o: K8sObject): boolean => {
  const group = o.apiVersion.split('/')[0] as string;
  return VERSIONED_GROUPS.has(group) || VERSIONED_GROUPS.has(`${group}/${o.kind}`);
};

describe.each([
  { argoWorkflows: '3.5', istio: '1.21', releases: ['argo-workflows@3.5.15', 'istio@1.21.6'] },
  { argoWorkflows: '3.6', istio: '1.22+', releases: ['argo-workflows@3.6.19'] },
  { argoWorkflows: '3.7', istio: '1.22+', releases: ['argo-workflows@3.7.18'] },
] as const)('DSRPMart on Argo Workflows $argoWorkflows, Istio $istio', ({ argoWorkflows, istio, releases }) => {
  const registry = versionedRegistry(`${argoWorkflows}-${istio}`, releases);
  const pinned = project(referenceProject.name, {
    environments: referenceProject.environments,
    apps: referenceProject.apps,
    ...(referenceProject.argocd ? { argocd: referenceProject.argocd } : {}),
    platform: { argoWorkflows, istio },
  });
  const { files } = synthesize(pinned);
  const objects = files.flatMap((f) => f.documents.map((d) => ({ file: f.path, obj: d as K8sObject })));
  // What Argo resource templates create or name (submitted Workflows, the VirtualService a
  // promotion workflow reads and patches) must be valid on that release too.
  const embedded = objects.flatMap(({ file, obj }) =>
    (
      ((obj.kind === 'WorkflowTemplate' ? obj.spec?.templates : undefined) as
        { name: string; resource?: { action: string; manifest?: string } }[] | undefined) ?? []
    )
      .filter((t) => t.resource?.manifest && t.resource.action !== 'patch')
      .map((t) => ({ where: `${file} > ${t.name}`, manifest: load(t.resource?.manifest as string) as K8sObject })),
  );

  it('has objects of every versioned kind DSRPMart deploys, and resource templates naming some', () => {
    const kinds = new Set(objects.filter((o) => versionedKind(o.obj)).map((o) => o.obj.kind));
    for (const kind of ['WorkflowTemplate', 'CronWorkflow', 'VirtualService']) expect(kinds).toContain(kind);
    const named = new Set(embedded.map((e) => e.manifest.kind));
    for (const kind of ['Workflow', 'VirtualService']) expect(named).toContain(kind);
  });

  it('emits the forms of that release', () => {
    const crons = objects.filter((o) => o.obj.kind === 'CronWorkflow').map((o) => o.obj.spec ?? {});
    expect(
      crons.every((c) => (argoWorkflows === '3.5' ? typeof c.schedule === 'string' : Array.isArray(c.schedules))),
    ).toBe(true);
    const istioVersions = new Set(objects.filter((o) => o.obj.kind === 'VirtualService').map((o) => o.obj.apiVersion));
    expect([...istioVersions]).toEqual([istio === '1.21' ? 'networking.istio.io/v1beta1' : 'networking.istio.io/v1']);
  });

  // Argo and Istio objects of a pinned release are checked against that release's CRDs (which
  // must serve their apiVersion); everything else against the current schemas.
  const pinnedHere = (o: K8sObject): boolean =>
    versionedKind(o) &&
    releases.some((r) => r.startsWith(o.apiVersion.startsWith('networking.istio.io') ? 'istio@' : 'argo-workflows@'));

  it.each(objects.map((o) => [o.file, o.obj] as const))('%s', (_file, obj) => {
    if (pinnedHere(obj))
      expect(registry.has(obj.apiVersion, obj.kind), `${obj.apiVersion} ${obj.kind} served`).toBe(true);
    const findings = (pinnedHere(obj) ? registry : current).validate(obj) ?? validateBuiltinKind(obj);
    expect(findings, `no schema for ${obj.apiVersion} ${obj.kind}`).toBeDefined();
    expect(findings).toEqual([]);
  });

  it.each(embedded.filter((e) => pinnedHere(e.manifest)).map((e) => [e.where, e.manifest] as const))(
    '%s names or creates an object of that release',
    (_where, manifest) => {
      expect(registry.has(manifest.apiVersion, manifest.kind), `${manifest.apiVersion} ${manifest.kind}`).toBe(true);
      if (manifest.kind === 'Workflow') expect(registry.validate(manifest)).toEqual([]);
    },
  );
});
