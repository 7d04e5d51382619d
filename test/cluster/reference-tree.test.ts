import { readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncWave } from '../../charts/argocd/sync-waves.ts';
import type { IgnoreDifference } from '../../charts/target.ts';
import { argoCd } from '../../dsl/index.ts';
import type { KubeObject } from '../../synth/commands/apply-server.ts';
import { synthesize } from '../../synth/engine.ts';
import { readSources, type SourceDocument } from '../../synth/validate/documents.ts';
import { fixtureProject } from '../fixtures/deployments.ts';
import { ROOT } from '../shared-dir.ts';
import { applySet, type SetResult } from './apply-set.ts';
import { clusterKubeConfig } from './context.ts';
import { appliesTo } from './drift.ts';
import { ensureNamespace } from './tokens.ts';

interface Application {
  readonly kind: string;
  readonly spec: { readonly source?: { readonly path?: string }; readonly ignoreDifferences?: IgnoreDifference[] };
}

interface ObjectSet {
  readonly name: string;
  readonly documents: readonly SourceDocument[];
  /** The ignoreDifferences of the Application that syncs the object. */
  readonly ignore: (o: KubeObject, file: string) => readonly IgnoreDifference[];
  readonly wave?: (o: KubeObject) => number;
}

const read = (path: string): SourceDocument[] => [...readSources([path], ROOT, () => '').documents];

/** dist/<env>: every object, each under the ignoreDifferences of the Application whose source.path holds it. */
function environmentSet(env: string): ObjectSet {
  const documents = read(join('dist', env));
  const byPath = new Map<string, IgnoreDifference[]>();
  for (const d of documents) {
    const a = d.object as Application;
    if (a.kind === 'Application' && a.spec.source?.path) byPath.set(a.spec.source.path, a.spec.ignoreDifferences ?? []);
  }
  return {
    name: `dist/${env}`,
    documents,
    ignore: (_o, file) => byPath.get(dirname(file)) ?? [],
  };
}

/**
 * A deployment golden, as written (no Argo CD annotations: applied in the waves the Argo CD target
 * would give each kind), under the ignoreDifferences the Argo CD target computes for the same
 * fixture when the project uses Argo CD.
 */
function goldenSet(file: string): ObjectSet {
  const key = basename(file, '.yaml');
  const withArgoCd = { ...fixtureProject(key), argocd: argoCd({ repoURL: 'https://example.invalid/ml.git' }) };
  const ignore = synthesize(withArgoCd)
    .files.flatMap((f) => f.documents as Application[])
    .filter((a) => a.kind === 'Application')
    .flatMap((a) => a.spec.ignoreDifferences ?? []);
  return {
    name: relative(ROOT, file),
    documents: read(relative(ROOT, file)),
    ignore: () => ignore,
    wave: (o) => syncWave(String(o.kind)),
  };
}

const goldenDir = join(ROOT, 'test', 'golden', 'deployments');
const sets: ObjectSet[] = [
  environmentSet('staging'),
  environmentSet('production'),
  ...readdirSync(goldenDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => goldenSet(join(goldenDir, f))),
];
const results = new Map<string, SetResult>();
const kc = clusterKubeConfig();

describe('the synthesized reference tree and every deployment golden on a real kube-apiserver', () => {
  beforeAll(async () => {
    // Argo CD creates the destination namespaces (CreateNamespace=true); here they are made first.
    const namespaces = new Set<string>(['argocd']);
    for (const s of sets)
      for (const d of s.documents) {
        const ns = (d.object as KubeObject).metadata?.namespace;
        if (typeof ns === 'string') namespaces.add(ns);
      }
    for (const ns of namespaces) await ensureNamespace(kc, ns);
  });

  it('has both environments and all deployment goldens to apply', () => {
    expect(sets.filter((s) => s.name.startsWith('dist/')).map((s) => s.documents.length > 0)).toEqual([true, true]);
    expect(sets.length).toBeGreaterThanOrEqual(2 + 10);
  });

  it.each(sets.map((s) => [s.name, s] as const))(
    '%s: dry run and server-side apply in sync-wave order accept every object, and it reads back as written',
    async (_name, set) => {
      const result = await applySet(kc, set.documents, {
        ignore: (o) => {
          const d = set.documents.find((x) => x.object === o);
          return set.ignore(o, d?.file ?? '');
        },
        ...(set.wave ? { wave: set.wave } : {}),
      });
      results.set(set.name, result);
      const rejected = result.rejected.map(
        (r) =>
          `${r.file}: ${r.kind} ${r.name}: ${r.findings.map((f) => `${f.rule} ${f.path ? `${f.path}: ` : ''}${f.message}`).join('; ')}`,
      );
      expect(rejected).toEqual([]);
      expect(result.applied).toBe(set.documents.length);
      const drift = result.drift.map(
        (x) =>
          `${x.file}: ${x.kind} ${x.name}: ${x.path}: wrote ${JSON.stringify(x.ours)}, server has ${JSON.stringify(x.live)}`,
      );
      expect(drift, 'values the server stores differently (Argo CD would show drift forever)').toEqual([]);
    },
  );

  it('covers ignoreDifferences entries that match objects of the tree (the drift check sees what Argo CD ignores)', () => {
    const production = sets[1] as ObjectSet;
    const covered = production.documents.filter((d) => {
      const o = d.object as KubeObject & { apiVersion: string; kind: string; metadata: { name: string } };
      return production
        .ignore(o, d.file)
        .some((e) => appliesTo(e, { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name }));
    });
    expect(covered.length).toBeGreaterThan(0);
  });

  afterAll(() => {
    const all = [...results.values()];
    const applied = all.reduce((n, r) => n + r.applied, 0);
    const rejected = all.reduce((n, r) => n + r.rejected.length, 0);
    const ignoredDrift = all.reduce((n, r) => n + r.ignoredDrift, 0);
    const lines = [...results].map(
      ([name, r]) =>
        `  ${name}: ${r.applied}/${r.objects} applied, ${r.rejected.length} rejected, ${r.drift.length} drifted`,
    );
    console.log(
      [
        `applied ${applied} objects, ${rejected} rejected (${results.size} sets; ${ignoredDrift} differences covered by ignoreDifferences)`,
        ...lines,
      ].join('\n'),
    );
  });
});
