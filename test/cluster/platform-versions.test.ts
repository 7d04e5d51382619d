import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { dump, loadAll } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IgnoreDifference } from '../../charts/target.ts';
import { project, type Platform, type Project } from '../../dsl/index.ts';
import type { KubeObject } from '../../synth/commands/apply-server.ts';
import { synthesize } from '../../synth/engine.ts';
import type { SourceDocument } from '../../synth/validate/documents.ts';
import referenceProject from '../../pipelines/index.ts';
import { fixtureProject } from '../fixtures/deployments.ts';
import { applySet } from './apply-set.ts';
import { installCrds } from './crds.ts';
import { sharedCrdsDir, startCluster, type TestCluster } from './harness.ts';
import { ensureNamespace } from './tokens.ts';

/**
 * The reference project synthesized for older platforms, applied to a real kube-apiserver that
 * has that release's CRDs installed (../shared/crds/versions): its own server, since one server
 * holds one version of each CRD (Argo Workflows' in the minimal form it installs, see
 * minimalArgoCrds). First the oldest row (Argo Workflows 3.5, Argo Rollouts 1.6,
 * KServe 0.13, Istio 1.21); then the Rollouts and KServe CRDs are replaced by 1.7 and 0.15 (small
 * CRDs, quick to swap; the 2.7 MB Argo Workflows CRDs stay) and the project applied again.
 * Argo CD and Prometheus Operator CRDs are the current ones (their versions are not pinned).
 */

const OLDEST: Required<Platform> = { argoWorkflows: '3.5', argoRollouts: '1.6', kserve: '0.13', istio: '1.21' };
const SECOND: Required<Platform> = { ...OLDEST, argoRollouts: '1.7', kserve: '0.15' };

/** The CRD files of `releases` as versions/SOURCES.txt lists them. */
function releaseFiles(releases: readonly string[]): string[] {
  const dir = sharedCrdsDir();
  const files = readFileSync(join(dir, 'versions', 'SOURCES.txt'), 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[0] as string)
    .filter((f) => releases.some((r) => f.startsWith(`versions/${r}/`)))
    .map((f) => join(dir, f));
  expect(files.length).toBeGreaterThanOrEqual(releases.length);
  return files;
}
const scratch = mkdtempSync(join(tmpdir(), 'argosy-platform-crds-'));

/**
 * Argo Workflows installs its "minimal" CRDs (spec and status kept as written) and publishes the
 * "full" ones for validators; the 3.5 full CRDs are not even structural for a current API server
 * (a DAG task's `inline` has no type, `steps` no items). So a 3.5 cluster's API server checks no
 * Argo field: these are the 3.5 CRDs in that minimal form (names, versions and scope as
 * released), written to a scratch directory. Their fields were checked with ajv in conformance.
 */
function minimalArgoCrds(files: readonly string[]): string[] {
  const open = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  return files.map((file) => {
    const crds = loadAll(readFileSync(file, 'utf8')) as {
      spec: { versions: { schema?: { openAPIV3Schema: unknown } }[] };
    }[];
    for (const crd of crds.filter(Boolean))
      for (const v of crd.spec.versions)
        v.schema = {
          openAPIV3Schema: {
            // Root open too: a WorkflowTaskResult keeps its fields beside metadata, not in spec.
            ...open,
            properties: {
              apiVersion: { type: 'string' },
              kind: { type: 'string' },
              metadata: { type: 'object' },
              spec: open,
              status: open,
            },
          },
        };
    const out = join(scratch, `minimal-${basename(file)}`);
    writeFileSync(out, crds.map((c) => dump(c)).join('---\n'));
    return out;
  });
}

const unversioned = (): string[] =>
  readdirSync(sharedCrdsDir())
    .filter((f) => /^(argo-cd|prometheus-operator)\..*\.yaml$/.test(f))
    .map((f) => join(sharedCrdsDir(), f));

/** DSRPMart serves search as a KServe Standard-mode canary (spec.canary[], KServe 0.20+): refused, so left out. */
const dsrpmart = (platform: Platform): Project =>
  project(referenceProject.name, {
    environments: referenceProject.environments,
    apps: referenceProject.apps.filter((a) => a.name !== 'search'),
    ...(referenceProject.argocd ? { argocd: referenceProject.argocd } : {}),
    platform,
  });
/** Fixtures that exercise what differs by KServe release (Knative canary) and the Rollouts kinds. */
const FIXTURES = ['kserve-canary-knative', 'kserve-ab-test', 'server-ab-test-weighted', 'server-canary-subsets'];

interface Set {
  readonly name: string;
  readonly documents: SourceDocument[];
  readonly ignore: readonly IgnoreDifference[];
}
function setOf(name: string, p: Project): Set {
  const files = synthesize(p).files;
  const documents = files.flatMap((f) => f.documents.map((object, index) => ({ file: f.path, index, object })));
  const ignore = documents
    .map((d) => d.object as { kind?: string; spec?: { ignoreDifferences?: IgnoreDifference[] } })
    .filter((o) => o.kind === 'Application')
    .flatMap((o) => o.spec?.ignoreDifferences ?? []);
  return { name, documents, ignore };
}

async function applied(cluster: TestCluster, set: Set): Promise<void> {
  const kc = cluster.kubeConfig();
  for (const d of set.documents) {
    const ns = (d.object as KubeObject).metadata?.namespace;
    if (typeof ns === 'string') await ensureNamespace(kc, ns);
  }
  const result = await applySet(kc, set.documents, { ignore: () => set.ignore, namespace: 'fixtures' });
  const rejected = result.rejected.map(
    (r) =>
      `${r.file}: ${r.kind} ${r.name}: ${r.findings.map((f) => `${f.path ? `${f.path}: ` : ''}${f.message}`).join('; ')}`,
  );
  expect(rejected).toEqual([]);
  expect(result.applied).toBe(set.documents.length);
  const drift = result.drift.map(
    (x) =>
      `${x.file}: ${x.kind} ${x.name}: ${x.path}: wrote ${JSON.stringify(x.ours)}, server has ${JSON.stringify(x.live)}`,
  );
  expect(drift, 'values the older release stores differently (pruned or rewritten)').toEqual([]);
  console.log(`${set.name}: ${result.applied}/${result.objects} applied`);
}

const rows = (platform: Platform): [string, () => Project][] => [
  ['DSRPMart', () => dsrpmart(platform)],
  ...FIXTURES.map((k): [string, () => Project] => [k, () => fixtureProject(k, platform)]),
];

let cluster: TestCluster | undefined;

describe("older platforms on a kube-apiserver with that release's CRDs", () => {
  beforeAll(async () => {
    cluster = await startCluster({
      crds: [
        ...minimalArgoCrds(releaseFiles(['argo-workflows@3.5.15'])),
        ...releaseFiles(['argo-rollouts@1.6.6', 'kserve@0.13.1', 'istio@1.21.6']),
        ...unversioned(),
      ],
    });
    await ensureNamespace(cluster.kubeConfig(), 'fixtures');
    await ensureNamespace(cluster.kubeConfig(), 'argocd');
    await ensureNamespace(cluster.kubeConfig(), 'ml-prod');
  });
  afterAll(async () => {
    await cluster?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('GIVEN the KServe 0.13 CRD WHEN a newest-KServe Standard canary is applied THEN spec.canary is rejected (a negative control)', async () => {
    const isvc = setOf('probe', fixtureProject('kserve-canary')).documents.find(
      (d) => (d.object as KubeObject).kind === 'InferenceService',
    ) as SourceDocument;
    const result = await applySet((cluster as TestCluster).kubeConfig(), [isvc], { namespace: 'fixtures' });
    // A newest-KServe canary on 0.13: strict field validation rejects the fields that release lacks
    // (a negative control). The server names one or both of them (spec.canary, and the Standard-mode
    // spec.predictor.name) from run to run, so the test accepts either, never none.
    const findings = result.rejected.flatMap((r) => r.findings.map((f) => `${f.rule} ${f.path}`));
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings)
      expect(finding).toMatch(/^apiserver\/unknown-field spec\.(canary|predictor\.name)$/);
  });

  describe('Argo Workflows 3.5, Argo Rollouts 1.6, KServe 0.13, Istio 1.21', () => {
    it.each(rows(OLDEST))('%s applies and reads back as written', async (name, p) => {
      await applied(cluster as TestCluster, setOf(`${name} (oldest)`, p()));
    });
  });

  describe('Argo Rollouts 1.7 and KServe 0.15 (their CRDs replaced)', () => {
    beforeAll(async () => {
      await installCrds((cluster as TestCluster).kubeConfig(), releaseFiles(['argo-rollouts@1.7.2', 'kserve@0.15.2']));
    });
    it.each(rows(SECOND))('%s applies and reads back as written', async (name, p) => {
      await applied(cluster as TestCluster, setOf(`${name} (1.7/0.15)`, p()));
    });
  });
});
