import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { load, loadAll } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import referenceProject from '../../pipelines/index.ts';
import { project, type Platform, type Project } from '../../dsl/index.ts';
import { collectErrors } from '../../dsl/common/collect.ts';
import { synthesize } from '../../synth/engine.ts';
import { validateBuiltinKind } from '../../synth/validate/builtin/builtin-kinds.ts';
import { crdSchemas } from '../../synth/validate/crd-to-schema.ts';
import { SchemaRegistry } from '../../synth/validate/schema-registry.ts';
import { sharedDir } from '../shared-dir.ts';
import { COMBINATIONS, deploymentFixtures, fixtureProject } from '../fixtures/deployments.ts';

// The reference project (DSRPMart) and every deployment fixture on older platforms must be
// strict-valid against that release's own CRDs (../shared/crds/versions, see SOURCES.txt there),
// converted like `argosy schemas pull`; what a release cannot run is a DslError instead.

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

const WORKFLOW_KINDS = new Set(['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow']);
const ROLLOUTS_KINDS = new Set(['Rollout', 'AnalysisTemplate', 'ClusterAnalysisTemplate', 'AnalysisRun', 'Experiment']);

/** Which release directory prefix (`kserve@`) holds an object's CRD, if its platform is versioned. */
function platformOf(o: { apiVersion: string; kind: string }): string | undefined {
  const group = o.apiVersion.split('/')[0] as string;
  if (group === 'networking.istio.io') return 'istio@';
  if (group === 'serving.kserve.io') return 'kserve@';
  if (group !== 'argoproj.io') return undefined;
  if (WORKFLOW_KINDS.has(o.kind)) return 'argo-workflows@';
  return ROLLOUTS_KINDS.has(o.kind) ? 'argo-rollouts@' : undefined;
}

/** The release directories of a platform (the newest of each is ../shared/schemas, not listed). */
function releasesOf(p: Required<Platform>): string[] {
  const dirs: Record<string, Record<string, string>> = {
    argoWorkflows: { '3.5': 'argo-workflows@3.5.15', '3.6': 'argo-workflows@3.6.19', '3.7': 'argo-workflows@3.7.18' },
    argoRollouts: { '1.6': 'argo-rollouts@1.6.6', '1.7': 'argo-rollouts@1.7.2' },
    kserve: { '0.13': 'kserve@0.13.1', '0.15': 'kserve@0.15.2' },
    istio: { '1.21': 'istio@1.21.6' },
  };
  return Object.entries(p).flatMap(([k, v]) => (dirs[k]?.[v] ? [dirs[k][v] as string] : []));
}

type Embedded = { where: string; action: string; manifest: K8sObject };

/** Every object a project synthesizes, and the manifests its Argo resource templates create, read or patch. */
function synthesized(p: Project): { objects: { file: string; obj: K8sObject }[]; embedded: Embedded[] } {
  const { files } = synthesize(p);
  const objects = files.flatMap((f) => f.documents.map((d) => ({ file: f.path, obj: d as K8sObject })));
  const embedded = objects.flatMap(({ file, obj }) =>
    (
      (WORKFLOW_KINDS.has(obj.kind) && Array.isArray(obj.spec?.templates) ? obj.spec.templates : []) as {
        name: string;
        resource?: { action: string; manifest?: string };
      }[]
    )
      .filter((t) => t.resource?.manifest && t.resource.action !== 'patch')
      .map((t) => ({
        where: `${file} > ${t.name}`,
        action: t.resource?.action as string,
        manifest: load(t.resource?.manifest as string) as K8sObject,
      })),
  );
  return { objects, embedded };
}

/**
 * The checks of one synthesized project on one platform: objects of a pinned platform against
 * that release's CRDs (which must serve their apiVersion), everything else against the current
 * schemas; created manifests are validated, read ones must name a served kind.
 */
function checkAgainst(name: string, platform: Required<Platform>, build: () => ReturnType<typeof synthesized>): void {
  const releases = releasesOf(platform);
  const registry = versionedRegistry(name, releases);
  const pinned = (o: { apiVersion: string; kind: string }): boolean => {
    const prefix = platformOf(o);
    return prefix !== undefined && releases.some((r) => r.startsWith(prefix));
  };
  const { objects, embedded } = build();
  it.each(objects.map((o) => [o.file, o.obj] as const))('%s', (_file, obj) => {
    if (pinned(obj)) expect(registry.has(obj.apiVersion, obj.kind), `${obj.apiVersion} ${obj.kind} served`).toBe(true);
    const findings = (pinned(obj) ? registry : current).validate(obj) ?? validateBuiltinKind(obj);
    expect(findings, `no schema for ${obj.apiVersion} ${obj.kind}`).toBeDefined();
    expect(findings).toEqual([]);
  });
  const named = embedded.filter((e) => pinned(e.manifest));
  if (named.length)
    it.each(named.map((e) => [e.where, e] as const))('%s names or creates an object of that release', (_w, e) => {
      expect(registry.has(e.manifest.apiVersion, e.manifest.kind), `${e.manifest.apiVersion} ${e.manifest.kind}`).toBe(
        true,
      );
      if (e.action === 'create') expect(registry.validate(e.manifest)).toEqual([]);
    });
}

const NEWEST: Required<Platform> = { argoWorkflows: '4.1', argoRollouts: '1.8', kserve: '0.20', istio: '1.22+' };
const ROWS: Required<Platform>[] = [
  { argoWorkflows: '3.5', argoRollouts: '1.6', kserve: '0.13', istio: '1.21' },
  { argoWorkflows: '3.6', argoRollouts: '1.7', kserve: '0.15', istio: '1.22+' },
  { argoWorkflows: '3.7', argoRollouts: '1.8', kserve: '0.20', istio: '1.22+' },
];
/** DSRPMart serves search as a KServe Standard-mode canary, which needs KServe 0.20 (spec.canary[]). */
const STANDARD_CANARY_APPS = new Set(['search']);
const dsrpmartOn = (platform: Platform, skip: ReadonlySet<string> = new Set()): Project =>
  project(referenceProject.name, {
    environments: referenceProject.environments,
    apps: referenceProject.apps.filter((a) => !skip.has(a.name)),
    ...(referenceProject.argocd ? { argocd: referenceProject.argocd } : {}),
    platform,
  });
const oldKServe = (p: Platform): boolean => p.kserve !== '0.20';

describe.each(ROWS)(
  'DSRPMart on Argo Workflows $argoWorkflows, Argo Rollouts $argoRollouts, KServe $kserve, Istio $istio',
  (platform) => {
    const { argoWorkflows, istio } = platform;
    const built = synthesized(dsrpmartOn(platform, oldKServe(platform) ? STANDARD_CANARY_APPS : new Set()));
    const { objects, embedded } = built;

    it('has objects of every versioned kind DSRPMart deploys, and resource templates naming some', () => {
      const kinds = new Set(objects.filter((o) => platformOf(o.obj)).map((o) => o.obj.kind));
      for (const kind of ['WorkflowTemplate', 'CronWorkflow', 'VirtualService', 'InferenceService', 'Rollout'])
        expect(kinds).toContain(kind);
      for (const kind of ['AnalysisTemplate']) expect(kinds).toContain(kind);
      const named = new Set(embedded.map((e) => e.manifest.kind));
      for (const kind of ['Workflow', 'VirtualService', 'AnalysisRun']) expect(named).toContain(kind);
    });

    it('emits the forms of that release', () => {
      const crons = objects.filter((o) => o.obj.kind === 'CronWorkflow').map((o) => o.obj.spec ?? {});
      expect(
        crons.every((c) => (argoWorkflows === '3.5' ? typeof c.schedule === 'string' : Array.isArray(c.schedules))),
      ).toBe(true);
      const istioVersions = new Set(
        objects.filter((o) => o.obj.kind === 'VirtualService').map((o) => o.obj.apiVersion),
      );
      expect([...istioVersions]).toEqual([istio === '1.21' ? 'networking.istio.io/v1beta1' : 'networking.istio.io/v1']);
      const modes = new Set(
        objects
          .filter((o) => o.obj.kind === 'InferenceService')
          .map(
            (o) =>
              (o.obj.metadata as { annotations?: Record<string, string> }).annotations?.[
                'serving.kserve.io/deploymentMode'
              ],
          ),
      );
      expect([...modes]).toEqual([oldKServe(platform) ? 'RawDeployment' : 'Standard']);
    });

    if (oldKServe(platform))
      it('refuses the search canary (KServe Standard mode) with the alternatives', async () => {
        await expect(collectErrors(() => synthesize(dsrpmartOn(platform)))).rejects.toThrow(
          /app "search" > deployment "search-retriever" > strategy: a canary on KServe Standard \(RawDeployment\) mode runs the candidate in spec\.canary\[\], which needs KServe 0\.20 or later \(got "kserve 0\.1[35]"\)\. Target kserve 0\.20 or later in project\(\.\.\., \{ platform \}\), or use deploymentMode: "Knative" \(canaryTrafficPercent\), or serve it with server\(\) \(Argo Rollouts\)/,
        );
      });

    describe('strict-valid against that release', () =>
      checkAgainst(Object.values(platform).join('-'), platform, () => built));
  },
);

/** Standard-mode in-place strategies: the candidate lives in spec.canary[] (KServe 0.20+). */
const NEEDS_KSERVE_020 = /^kserve-(canary|blue-green)$/;

describe.each(ROWS.filter((r) => r.kserve !== NEWEST.kserve || r.argoRollouts !== NEWEST.argoRollouts))(
  'deployment fixtures on Argo Rollouts $argoRollouts, KServe $kserve',
  (row) => {
    const platform: Required<Platform> = { ...NEWEST, argoRollouts: row.argoRollouts, kserve: row.kserve };
    it('covers every serving kind x strategy', () => {
      expect(COMBINATIONS.every((k) => k in deploymentFixtures)).toBe(true);
    });
    for (const key of Object.keys(deploymentFixtures)) {
      if (NEEDS_KSERVE_020.test(key) && oldKServe(platform))
        it(`${key} is refused with the minimum version and the alternatives`, async () => {
          await expect(collectErrors(() => synthesize(fixtureProject(key, platform)))).rejects.toThrow(
            /deployment "churn" > strategy: a (canary|blue\/green) on KServe Standard \(RawDeployment\) mode .* needs KServe 0\.20 or later .*Target kserve 0\.20 or later/,
          );
        });
      else
        describe(key, () =>
          checkAgainst(`${key}-${row.argoRollouts}-${row.kserve}`, platform, () =>
            synthesized(fixtureProject(key, platform)),
          ),
        );
    }
  },
);
