import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureIO as capture } from '../../test/capture-io.ts';
import { clusterKubeConfig, clusterKubeconfig, scratchDir } from '../../test/cluster/context.ts';
import { ensureNamespace, restrictedServiceAccount } from '../../test/cluster/tokens.ts';
import { ROOT } from '../../test/shared-dir.ts';
import { main } from '../cli.ts';
import { Kube, resourcePath } from '../client/kube.ts';
import { specHash } from './stubs.ts';

/*
 * `argosy stubs --from-cluster` against the real kube-apiserver of `npm run test:cluster` (with
 * Argo's CRDs installed): templates are created there, listed back by the command, and the
 * module it writes is type-checked with a workflow that calls them. Every object carries the
 * label argosy-test=stubs, since other test files share the server (and its cluster scope).
 */

const NS = 'stubs-a';
const OTHER = 'stubs-b';
const GROUP = { group: 'argoproj.io', version: 'v1alpha1' };
const WT = { ...GROUP, resource: 'workflowtemplates' };
const CWT = { ...GROUP, resource: 'clusterworkflowtemplates' };
// Under node_modules (gitignored), so the modules resolve the project's dsl and package type.
const work = resolve(ROOT, 'node_modules', '.cache', 'argosy-stubs-cluster');

const object = (kind: string, name: string, team: string, templates: unknown[]) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind,
  metadata: { name, labels: { 'argosy-test': 'stubs', team } },
  spec: { entrypoint: (templates[0] as { name: string }).name, templates },
});

const PREP = object('WorkflowTemplate', 'data-prep', 'data', [
  {
    name: 'prep',
    inputs: {
      parameters: [{ name: 'dataset' }, { name: 'mode', default: 'fast', enum: ['fast', 'full'] }],
    },
    outputs: { parameters: [{ name: 'rows', valueFrom: { path: '/tmp/rows' } }] },
    container: { image: 'alpine:3.20', command: ['sh', '-c', 'echo 1 > /tmp/rows'] },
  },
]);
const REPORT = object('WorkflowTemplate', 'reporting', 'bi', [{ name: 'report', container: { image: 'alpine:3.20' } }]);
const ELSEWHERE = object('WorkflowTemplate', 'other-team', 'data', [
  { name: 'other', container: { image: 'alpine:3.20' } },
]);
const NOTIFY = object('ClusterWorkflowTemplate', 'stubs-notify', 'data', [
  {
    name: 'slack',
    inputs: { parameters: [{ name: 'text' }] },
    container: { image: 'alpine:3.20' },
  },
]);

let kube: Kube;

/** Creates an object; one left by an earlier run against the same server is the same and fine. */
async function create(path: string, body: unknown): Promise<void> {
  const r = await kube.raw('POST', path, body);
  if (r.status !== 201 && r.status !== 409)
    throw new Error(`create ${path}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
}

async function live(path: string): Promise<{ metadata: { resourceVersion: string }; spec: unknown }> {
  return kube.request('GET', path, { verb: 'get', ...GROUP, resource: 'any' });
}

/** tsc's first error per file of a program of `files`, with this project's compiler options. */
function typeErrors(files: readonly string[]): string[] {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (f) => ts.sys.readFile(f));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram([...files], { ...options, noEmit: true });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

async function stubs(args: string[], out: string): Promise<{ code: number; text: string; errs: string[] }> {
  const io = capture();
  const code = await main(['stubs', '--from-cluster', '--kubeconfig', clusterKubeconfig(), ...args, '--out', out], io);
  let text = '';
  try {
    text = readFileSync(out, 'utf8');
  } catch {
    // Not written: the test says what it expected.
  }
  return { code, text, errs: io.errs };
}

beforeAll(async () => {
  const kc = clusterKubeConfig();
  kube = new Kube(kc);
  for (const ns of [NS, OTHER]) await ensureNamespace(kc, ns);
  await create(resourcePath(WT, NS), PREP);
  await create(resourcePath(WT, NS), REPORT);
  await create(resourcePath(WT, OTHER), ELSEWHERE);
  await create(resourcePath(CWT, undefined), NOTIFY);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
});

describe('argosy stubs --from-cluster against a real kube-apiserver', () => {
  it('GIVEN two WorkflowTemplates and a ClusterWorkflowTemplate WHEN stubbed from the cluster THEN the module records them as the server has them and is the module their files give', async () => {
    const out = join(work, 'cluster-stubs.ts');
    const r = await stubs(['-n', NS, '-l', 'argosy-test=stubs'], out);
    expect(r.errs.at(-1)).toMatch(
      /^read 3 template object\(s\) from https:\/\/127\.0\.0\.1:\d+ \(namespace stubs-a, selector argosy-test=stubs\)$/,
    );
    expect(r.code).toBe(0);
    expect([...r.text.matchAll(/^export const (\w+)/gm)].map((m) => m[1])).toEqual([
      'stubsNotify',
      'dataPrep',
      'reporting',
    ]);
    for (const path of [resourcePath(WT, NS, 'data-prep'), resourcePath(CWT, undefined, 'stubs-notify')]) {
      const o = await live(path);
      expect(r.text).toContain(`resourceVersion: '${o.metadata.resourceVersion}'`);
      expect(r.text).toContain(`hash: '${specHash(o.spec)}'`);
    }
    expect(r.text).toContain("ref: { name: 'stubs-notify', clusterScope: true }");

    // The same objects as files (what `kubectl get -o yaml` would save) give the same module.
    const files = scratchDir('stubs-files');
    const objects = await Promise.all(
      [
        resourcePath(WT, NS, 'data-prep'),
        resourcePath(WT, NS, 'reporting'),
        resourcePath(CWT, undefined, 'stubs-notify'),
      ].map(live),
    );
    objects.forEach((o, i) => writeFileSync(join(files, `${i}.yaml`), JSON.stringify(o)));
    const fromFiles = join(work, 'file-stubs.ts');
    const io = capture();
    expect(await main(['stubs', files, '--out', fromFiles], io)).toBe(0);
    // ... but for where each stub came from: the file, for `argosy validate --stubs`.
    const fileModule = readFileSync(fromFiles, 'utf8');
    expect(fileModule.match(/^ {4}file: '.+',$/gm)).toHaveLength(3);
    expect(fileModule.replace(/\n {4}file: '.+',$/gm, '')).toBe(r.text);
  });

  it('GIVEN the stub module WHEN a workflow calls its templates THEN it type-checks, and a missing input or misspelt output does not', async () => {
    const out = join(work, 'typed-stubs.ts');
    expect((await stubs(['-n', NS, '-l', 'argosy-test=stubs'], out)).code).toBe(0);
    const use = (body: string): string => `import { steps, template } from '../../../dsl/argo/index.ts';
import { dataPrep, stubsNotify } from './typed-stubs.ts';
export const use = template('use', {
  steps: steps((s) => {
${body}
  }),
});
`;
    const good = join(work, 'good.ts');
    writeFileSync(
      good,
      use(`    const prep = s.step('prep', dataPrep.templates.prep, { arguments: { parameters: { dataset: 'iris', mode: 'full' } } });
    s.step('notify', stubsNotify.templates.slack, { arguments: { parameters: { text: prep.outputs.parameters.rows } } });`),
    );
    expect(typeErrors([good])).toEqual([]);
    const noDataset = join(work, 'no-dataset.ts');
    writeFileSync(
      noDataset,
      use(`    s.step('prep', dataPrep.templates.prep, { arguments: { parameters: { mode: 'full' } } });`),
    );
    expect(typeErrors([noDataset]).join('\n')).toContain('dataset');
    const typo = join(work, 'typo.ts');
    writeFileSync(
      typo,
      use(`    const prep = s.step('prep', dataPrep.templates.prep, { arguments: { parameters: { dataset: 'iris' } } });
    s.step('notify', stubsNotify.templates.slack, { arguments: { parameters: { text: prep.outputs.parameters.rowz } } });`),
    );
    expect(typeErrors([typo]).join('\n')).toContain('rowz');
  });

  it('GIVEN a label selector across all namespaces WHEN stubbed THEN only the matching templates of every namespace are', async () => {
    const r = await stubs(['-A', '-l', 'argosy-test=stubs,team=data'], join(work, 'all-ns.ts'));
    expect(r.code).toBe(0);
    expect([...r.text.matchAll(/^export const (\w+)/gm)].map((m) => m[1])).toEqual([
      'stubsNotify',
      'dataPrep',
      'otherTeam',
    ]);
    expect(r.errs.at(-1)).toMatch(/\(all namespaces, selector argosy-test=stubs,team=data\)$/);
  });

  it('GIVEN a namespace without templates WHEN stubbed THEN only the ClusterWorkflowTemplates are, exit 0', async () => {
    const r = await stubs(['-n', 'default', '-l', 'argosy-test=stubs'], join(work, 'default-ns.ts'));
    expect(r.code).toBe(0);
    expect([...r.text.matchAll(/^export const (\w+)/gm)].map((m) => m[1])).toEqual(['stubsNotify']);
  });

  it('GIVEN a ServiceAccount that may not list WorkflowTemplates WHEN it stubs from the cluster THEN exit 1 names the verb, resource and namespace, and nothing is written', async () => {
    const dir = scratchDir('stubs-sa');
    const sa = await restrictedServiceAccount(clusterKubeConfig(), {
      namespace: NS,
      name: 'stubs-reader-without-rights',
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['list'] }],
      dir,
    });
    const out = join(dir, 'stubs.ts');
    const io = capture();
    const code = await main(['stubs', '--from-cluster', '--kubeconfig', sa.kubeconfig, '-n', NS, '--out', out], io);
    expect(code).toBe(1);
    expect(io.errs.at(-1)).toBe(
      `✗ user "system:serviceaccount:${NS}:stubs-reader-without-rights" may not list workflowtemplates.argoproj.io in namespace "${NS}" (got 403 Forbidden). Grant it with a Role in namespace "${NS}" holding the rule { apiGroups: ["argoproj.io"], resources: ["workflowtemplates"], verbs: ["list"] } and a RoleBinding to that user, or use a --context that has it.`,
    );
    expect(() => readFileSync(out)).toThrow();
  });

  it("GIVEN a selector the server cannot parse WHEN stubbed THEN exit 2 shows the server's reason", async () => {
    const r = await stubs(['-n', NS, '-l', 'team in (data'], join(work, 'bad-selector.ts'));
    expect(r.code).toBe(2);
    expect(r.errs.at(-1)).toMatch(
      /^✗ --selector team in \(data: the API server cannot parse it \(got .+\)\. Pass a label selector/,
    );
  });
});
