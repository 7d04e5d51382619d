import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureIO as capture } from '../../test/capture-io.ts';
import { clusterKubeConfig, clusterKubeconfig, scratchDir } from '../../test/cluster/context.ts';
import { ensureNamespace, restrictedServiceAccount } from '../../test/cluster/tokens.ts';
import { ROOT } from '../../test/shared-dir.ts';
import { main } from '../cli.ts';
import { readObject, Discovery } from './apply-server.ts';

const NS = 'apply-cli';
const TEMPLATE = (name: string, extra = ''): string => `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: ${name}
spec:
  entrypoint: main
  templates:
  - name: main
    container:
      image: alpine:3.20${extra}
`;

function tree(files: Record<string, string>): string {
  const dir = scratchDir('apply');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const kc = clusterKubeConfig();

describe('argosy apply against a real kube-apiserver', () => {
  beforeAll(async () => {
    for (const ns of [NS, 'ml-production', 'argocd']) await ensureNamespace(kc, ns);
  });

  it('GIVEN the synthesized production tree WHEN dry-run applied THEN every object is accepted and nothing is stored', async () => {
    const io = capture();
    const code = await main(
      ['apply', '--dry-run=server', '--kubeconfig', clusterKubeconfig(), join(ROOT, 'dist', 'production')],
      io,
    );
    expect(io.lines.join('\n')).toMatch(
      /^✓ server-side dry run against https:\/\/127\.0\.0\.1:\d+: \d+ accepted, 0 rejected$/m,
    );
    expect(code).toBe(0);
    const stored = await readObject(
      kc,
      new Discovery(kc),
      'argoproj.io/v1alpha1',
      'WorkflowTemplate',
      'search-drift',
      'ml-production',
    );
    // The reference-tree test may have applied it for real; this run must not have created it.
    if (stored)
      expect(
        (stored.metadata as { managedFields?: { manager: string }[] }).managedFields?.map((m) => m.manager),
      ).not.toContain('argosy');
  });

  it('GIVEN an object the CRD schema rejects WHEN dry-run applied THEN exit 1 with the finding in validate format', async () => {
    const io = capture();
    const dir = tree({
      'workflowtemplate.bad.yaml': TEMPLATE('bad').replace('templates:', 'templates: {}\n  x-templates:'),
    });
    const code = await main(['apply', '--dry-run=server', '--kubeconfig', clusterKubeconfig(), '-n', NS, dir], io);
    expect(code).toBe(1);
    const out = io.lines.join('\n');
    expect(out).toContain('workflowtemplate.bad.yaml');
    expect(out).toContain('  WorkflowTemplate bad');
    expect(out).toMatch(/ {4}error {3}apiserver\/(invalid|unknown-field) spec\./);
    expect(io.lines.at(-1)).toMatch(/^✗ server-side dry run against .*: 0 accepted, 1 rejected$/);
  });

  it('GIVEN a restricted ServiceAccount token WHEN it dry-run applies a WorkflowTemplate THEN 403 names verb, resource and namespace', async () => {
    const dir = scratchDir('sa');
    const sa = await restrictedServiceAccount(kc, {
      namespace: NS,
      name: 'read-configmaps',
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }],
      dir,
    });
    const io = capture();
    const code = await main(
      ['apply', '--dry-run=server', '--kubeconfig', sa.kubeconfig, '-n', NS, tree({ 'wt.yaml': TEMPLATE('hello') })],
      io,
    );
    expect(code).toBe(1);
    const out = io.lines.join('\n');
    expect(out).toContain('error   apiserver/forbidden');
    expect(out).toContain(
      `user "system:serviceaccount:${NS}:read-configmaps" may not patch workflowtemplates.argoproj.io in namespace "${NS}" (got 403 Forbidden:`,
    );
    expect(out).toContain(
      `Grant "patch" on workflowtemplates.argoproj.io in namespace "${NS}" with a Role and RoleBinding`,
    );
  });

  it('GIVEN a ServiceAccount allowed to create and patch WorkflowTemplates WHEN it dry-run applies one THEN it is accepted', async () => {
    const sa = await restrictedServiceAccount(kc, {
      namespace: NS,
      name: 'template-editor',
      // Server-side apply of an object that does not exist yet is also authorized as a create.
      rules: [{ apiGroups: ['argoproj.io'], resources: ['workflowtemplates'], verbs: ['patch', 'create', 'get'] }],
      dir: scratchDir('sa'),
    });
    const io = capture();
    const code = await main(
      ['apply', '--dry-run=server', '--kubeconfig', sa.kubeconfig, '-n', NS, tree({ 'wt.yaml': TEMPLATE('hello') })],
      io,
    );
    expect(io.lines.at(-1)).toMatch(/1 accepted, 0 rejected$/);
    expect(code).toBe(0);
  });

  it('GIVEN valid objects WHEN applied for real THEN they are stored, in the namespace of --namespace', async () => {
    const io = capture();
    const dir = tree({
      'a.yaml': TEMPLATE('applied-for-real'),
      'b.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: runner\n',
    });
    const code = await main(['apply', '--kubeconfig', clusterKubeconfig(), '--namespace', NS, dir], io);
    expect(io.lines.at(-1)).toMatch(/^✓ applied 2 objects to https:\/\/127\.0\.0\.1:\d+ \(field manager argosy\)$/);
    expect(code).toBe(0);
    const live = await readObject(
      kc,
      new Discovery(kc),
      'argoproj.io/v1alpha1',
      'WorkflowTemplate',
      'applied-for-real',
      NS,
    );
    expect((live?.spec as { entrypoint?: string })?.entrypoint).toBe('main');
  });

  it('GIVEN one rejected object among valid ones WHEN applied for real THEN nothing is applied', async () => {
    const io = capture();
    const dir = tree({
      'a.yaml': TEMPLATE('never-applied'),
      'b.yaml': TEMPLATE('broken').replace('templates:', 'templates: 3\n  x:'),
    });
    const code = await main(['apply', '--kubeconfig', clusterKubeconfig(), '--namespace', NS, dir], io);
    expect(code).toBe(1);
    expect(io.lines.at(-1)).toBe(`✗ 1 object rejected by ${kc.getCurrentCluster()?.server}; nothing was applied`);
    expect(
      await readObject(kc, new Discovery(kc), 'argoproj.io/v1alpha1', 'WorkflowTemplate', 'never-applied', NS),
    ).toBeUndefined();
  });

  it('GIVEN a context the kubeconfig does not have WHEN applied THEN a usage error lists the contexts', async () => {
    const io = capture();
    const code = await main(
      ['apply', '--dry-run=server', '--kubeconfig', clusterKubeconfig(), '--context', 'prod', join(ROOT, 'dist')],
      io,
    );
    expect(code).toBe(2);
    expect(io.errs.join('\n')).toContain(
      '--context prod: no such context in the kubeconfig (got prod). Pass one of argosy-test',
    );
  });
});
