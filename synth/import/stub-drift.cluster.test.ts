import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureIO } from '../../test/capture-io.ts';
import { clusterKubeConfig, clusterKubeconfig, scratchDir } from '../../test/cluster/context.ts';
import { ensureNamespace } from '../../test/cluster/tokens.ts';
import { main } from '../cli.ts';
import { Kube, resourcePath } from '../client/kube.ts';
import type { DocumentReport } from '../validate/finding.ts';

/*
 * `argosy validate --stubs --cluster` against the real kube-apiserver of `npm run test:cluster`
 * (with Argo's CRDs): a stub is generated from the cluster, then the template is changed there
 * in ways that are and are not drift. Its objects carry the label argosy-test=stub-drift, apart
 * from the ones stubs.cluster.test.ts lists.
 */

const NS = 'stub-drift';
const WT = { group: 'argoproj.io', version: 'v1alpha1', resource: 'workflowtemplates' };
const TARGET = resourcePath(WT, NS, 'drift-target');
const spec = (mode: string) => ({
  entrypoint: 'prep',
  templates: [
    {
      name: 'prep',
      inputs: { parameters: [{ name: 'mode', default: mode }] },
      container: { image: 'alpine:3.20' },
    },
  ],
});

let kube: Kube;
let dir: string;
const layers = 'schema,argo,policy,metadata,size';

/** `argosy validate <a ConfigMap> --stubs <module> --cluster`: exit code, drift reports, stderr. */
async function validate(
  module: string,
  extra: string[] = [],
): Promise<{ code: number; drift: DocumentReport[]; errs: string[] }> {
  const io = captureIO();
  const code = await main(
    ['validate', join(dir, 'cm.yaml'), '--skip', layers, '--format', 'json', '--stubs', module, '--cluster']
      .concat(['--kubeconfig', clusterKubeconfig()])
      .concat(extra),
    io,
  );
  const reports = io.lines.length ? (JSON.parse(io.lines.join('\n')) as { reports: DocumentReport[] }).reports : [];
  return { code, drift: reports.filter((r) => r.findings.some((f) => f.rule === 'stubs/drift')), errs: io.errs };
}

beforeAll(async () => {
  kube = new Kube(clusterKubeConfig());
  await ensureNamespace(clusterKubeConfig(), NS);
  // A fresh template even when an earlier run against the same server left one.
  await kube.raw('DELETE', TARGET);
  const created = await kube.raw('POST', resourcePath(WT, NS), {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'WorkflowTemplate',
    metadata: { name: 'drift-target', labels: { 'argosy-test': 'stub-drift' } },
    spec: spec('fast'),
  });
  expect(created.status).toBe(201);
  dir = scratchDir('stub-drift');
  writeFileSync(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
});

describe('argosy validate --stubs --cluster against a real kube-apiserver', () => {
  it('GIVEN a stub from the cluster WHEN the template changes there THEN only a spec change is drift (a metadata-only update is not), and a deleted template is reported', async () => {
    const module = join(dir, 'stubs.ts');
    const io = captureIO();
    expect(
      await main(
        ['stubs', '--from-cluster', '--kubeconfig', clusterKubeconfig(), '-n', NS]
          .concat(['-l', 'argosy-test=stub-drift', '--out', module])
          .concat(['--dsl', 'argosy/argo']),
        io,
      ),
    ).toBe(0);
    // Outside this project prettier's defaults apply: double quotes, which validate reads as well.
    expect(readFileSync(module, 'utf8')).toContain(`namespace: "${NS}"`);

    // WHEN nothing changed THEN no drift, and the summary says what was compared with what
    let r = await validate(module);
    expect(r.code).toBe(0);
    expect(r.drift).toEqual([]);
    expect(r.errs.at(-1)).toMatch(
      /^ {2}stubs: 1 in 1 module\(s\); 0 compared with their YAML files, 1 with https:\/\//,
    );

    // WHEN only a label changes (a new resourceVersion, the same spec) THEN still no drift
    const merge = 'application/merge-patch+json';
    const relabelled = await kube.raw('PATCH', TARGET, { metadata: { labels: { touched: 'yes' } } }, merge);
    expect(relabelled.status).toBe(200);
    expect(readFileSync(module, 'utf8')).not.toContain(
      `resourceVersion: "${(relabelled.body as { metadata: { resourceVersion: string } }).metadata.resourceVersion}'`,
    );
    expect((await validate(module)).drift).toEqual([]);

    // WHEN the spec changes THEN a warning names both hashes and resourceVersions; exit stays 0
    const changed = await kube.raw('PATCH', TARGET, { spec: spec('full') }, merge);
    expect(changed.status).toBe(200);
    const rv = (changed.body as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
    r = await validate(module);
    expect(r.code).toBe(0);
    expect(r.drift).toHaveLength(1);
    expect(r.drift[0]).toMatchObject({ kind: 'WorkflowTemplate', name: 'drift-target' });
    expect(r.drift[0]!.findings[0]).toMatchObject({ severity: 'warning', path: 'source.hash' });
    expect(r.drift[0]!.findings[0]!.message).toMatch(
      new RegExp(
        `^WorkflowTemplate drift-target in namespace ${NS} of https://[^ ]+ differs from the stub \\(got sha256:[0-9a-f]{12}… at resourceVersion ${rv}, the stub has sha256:[0-9a-f]{12}… from resourceVersion \\d+\\)\\. Regenerate the stub`,
      ),
    );

    // WHEN the template is deleted THEN the warning says it is not there
    expect((await kube.raw('DELETE', TARGET)).status).toBe(200);
    r = await validate(module);
    expect(r.drift[0]!.findings[0]!.message).toMatch(
      new RegExp(`^WorkflowTemplate drift-target is not in namespace ${NS} of https://[^ ]+ \\(got 404 NotFound\\)\\.`),
    );
  });

  it('GIVEN an unknown --context WHEN validated with --cluster THEN exit 2 before anything is compared', async () => {
    const module = join(dir, 'stubs.ts');
    const r = await validate(module, ['--context', 'nope']);
    expect(r.code).toBe(2);
    expect(r.errs.at(-1)).toMatch(/^✗ .*nope/);
  });
});
