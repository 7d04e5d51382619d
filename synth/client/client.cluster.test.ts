import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureIO as capture } from '../../test/capture-io.ts';
import { clusterKubeConfig, clusterKubeconfig, scratchDir } from '../../test/cluster/context.ts';
import { ensureNamespace, restrictedServiceAccount } from '../../test/cluster/tokens.ts';
import testProject, { nightly, training, unapplied } from '../../test/fixtures/client-app.ts';
import { main } from '../cli.ts';
import { synthesize } from '../engine.ts';
import { createClient, type ArgosyClient } from './client.ts';
import { ClientError } from './errors.ts';
import { Kube, resourcePath } from './kube.ts';
import type { RunEvent } from './run.ts';
import type { ArgoObject } from './workflow-objects.ts';

/*
 * Runs against the real kube-apiserver of `npm run test:cluster`. No workflow controller or
 * Rollouts controller runs there (and no kubelet): where a controller would act, the test writes
 * the status the way the controller does (a merge patch of `status` on the Workflow, the status
 * subresource of the Rollout) and says so. Everything Argosy itself sends is checked by the
 * server: schemas, RBAC, watches, resourceVersions.
 */

const NS = 'client-test';
const WF = { group: 'argoproj.io', version: 'v1alpha1', resource: 'workflows' };

let admin: Kube;
let client: ArgosyClient;

/** What the workflow controller writes into a Workflow as it runs (no controller runs here). */
async function writeStatusAsController(name: string, status: Record<string, unknown>): Promise<void> {
  await admin.request(
    'PATCH',
    resourcePath(WF, NS, name),
    { verb: 'patch', ...WF, namespace: NS, name },
    { status },
    'application/merge-patch+json',
  );
}

const node = (run: string, task: string, phase: string, extra: Record<string, unknown> = {}) => ({
  [`${run}-${task}`]: {
    id: `${run}-${task}`,
    name: `${run}.${task}`,
    displayName: task,
    type: 'Pod',
    phase,
    templateName: 'fit',
    startedAt: '2026-12-07T10:00:00Z',
    ...extra,
  },
});
const root = (run: string, phase: string, children: string[]) => ({
  [run]: { id: run, name: run, displayName: run, type: 'DAG', phase, children, startedAt: '2026-12-07T10:00:00Z' },
});

/** Creates an object as admin; one left by an earlier run against the same server is fine. */
async function create(res: { group: string; version: string; resource: string }, body: unknown): Promise<void> {
  const r = await admin.raw('POST', resourcePath(res, NS), body);
  if (r.status !== 201 && r.status !== 409)
    throw new Error(`create ${res.resource}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
}

/** The ClientError a call is refused with (fails the test when it is not refused). */
async function refusal(call: Promise<unknown>): Promise<ClientError> {
  const e = await call.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof ClientError)) throw new Error(`expected a ClientError, got ${String(e)}`);
  return e;
}

beforeAll(async () => {
  const kc = clusterKubeConfig();
  admin = new Kube(kc);
  await ensureNamespace(kc, NS);
  client = createClient({ kubeconfig: clusterKubeconfig(), project: testProject });
  // Apply the synthesized template and schedule of `client-training` (not `client-unapplied`).
  const objects = synthesize(testProject).files.flatMap((f) => f.documents) as ArgoObject[];
  for (const o of objects.filter((x) => x.metadata.name?.startsWith('client-training'))) {
    const resource = `${o.kind.toLowerCase()}s`;
    await create({ ...WF, resource }, o);
  }
});

describe('submitting runs', () => {
  it('GIVEN an applied WorkflowTemplate WHEN submitted with typed args THEN the server stores a workflowTemplateRef run with string parameters', async () => {
    const run = await client.submit(training, { environment: 'dev', args: { snapshotDate: '2026-12-01', trees: 20 } });
    expect(run.namespace).toBe(NS);
    const stored = await admin.request<ArgoObject>('GET', resourcePath(WF, NS, run.name), { verb: 'get', ...WF });
    expect(stored.metadata.name).toMatch(/^client-training-[a-z0-9]{5}$/);
    expect(stored.spec).toEqual({
      workflowTemplateRef: { name: 'client-training' },
      arguments: {
        parameters: [
          { name: 'snapshotDate', value: '2026-12-01' },
          { name: 'trees', value: '20' },
        ],
      },
    });
    expect(stored.metadata.labels).toMatchObject({
      'argosy.dev/pipeline': 'client-training',
      'argosy.dev/environment': 'dev',
      'example.com/env': 'dev',
      'workflows.argoproj.io/workflow-template': 'client-training',
    });
    expect((await run.status()).phase).toBe('Pending');
  });

  it('GIVEN a WorkflowTemplate not applied WHEN submitted THEN the error suggests --inline or argosy apply, and inline stores the whole workflow', async () => {
    const e = await refusal(client.submit(unapplied, { environment: 'dev', args: { day: 'x' } }));
    expect(e.message).toBe(
      `pipeline "client-unapplied": its WorkflowTemplate is not applied in namespace "${NS}" on ${admin.server} (got 404 NotFound). Apply it first (argosy apply dist/<environment>/<app>), or submit the whole workflow with --inline (inline: true)`,
    );
    const run = await client.submit(unapplied, { environment: 'dev', args: { day: '2026-12-02' }, inline: true });
    const stored = await admin.request<ArgoObject>('GET', resourcePath(WF, NS, run.name), { verb: 'get', ...WF });
    expect(stored.spec.workflowTemplateRef).toBeUndefined();
    expect(stored.spec.entrypoint).toBe('client-unapplied');
    expect(stored.spec.arguments).toEqual({ parameters: [{ name: 'day', value: '2026-12-02' }] });
    expect((stored.spec.templates as unknown[]).length).toBeGreaterThan(1);
  });

  it('GIVEN wrong args from JavaScript (a cast) THEN nothing is sent and every problem is named', async () => {
    const before = (await client.runs.list({ namespace: NS, limit: 1000 })).length;
    const e = await refusal(client.submit(training, { args: { snapshotDate: 7, learnRate: 1 } as never }));
    expect(e.message).toMatch(/^2 problems with the arguments; nothing was submitted:/);
    expect(e.message).toContain('snapshotDate: expected a string (got 7). Pass a string');
    expect((await client.runs.list({ namespace: NS, limit: 1000 })).length).toBe(before);
  });
});

describe('watching a run while the test writes status as the workflow controller would', () => {
  it('GIVEN watch streams the server ends every second THEN the watch resumes from its resourceVersion and sees each change once', async () => {
    const run = await client.submit(training, { environment: 'dev', args: { snapshotDate: '2026-12-03' } });
    const events: RunEvent[] = [];
    const versions: string[] = [];
    let step = 0;
    for await (const e of run.watch({ streamSeconds: 1 })) {
      events.push(e);
      if (e.type !== 'RESUMED') versions.push(e.status.resourceVersion);
      // Each update is written only after the stream was ended by the server and resumed.
      if (e.type === 'RESUMED' && step === 0) {
        step = 1;
        await writeStatusAsController(run.name, {
          phase: 'Running',
          startedAt: '2026-12-07T10:00:00Z',
          nodes: { ...root(run.name, 'Running', [`${run.name}-fit`]), ...node(run.name, 'fit', 'Running') },
        });
      } else if (e.type === 'RESUMED' && step === 1 && events.some((x) => x.type === 'MODIFIED')) {
        step = 2;
        await writeStatusAsController(run.name, {
          phase: 'Succeeded',
          finishedAt: '2026-12-07T10:03:05Z',
          outputs: { parameters: [{ name: 'auc', value: '0.81' }] },
          nodes: {
            ...root(run.name, 'Succeeded', [`${run.name}-fit`]),
            ...node(run.name, 'fit', 'Succeeded', { finishedAt: '2026-12-07T10:03:05Z' }),
          },
        });
      }
    }
    const phases = events.flatMap((e) => (e.type === 'RESUMED' ? [] : [e.status.phase]));
    expect(phases).toEqual(['Pending', 'Running', 'Succeeded']);
    expect(new Set(versions).size).toBe(versions.length);
    const resumed = events.filter((e) => e.type === 'RESUMED');
    expect(resumed.length).toBeGreaterThanOrEqual(2);
    const final = await run.wait({ timeout: 60_000 });
    expect(final.phase).toBe('Succeeded');
    expect(final.outputs).toEqual({ auc: '0.81' });
    expect(final.nodes.map((n) => `${n.displayName}:${n.type}:${n.phase}`)).toEqual([
      `${run.name}:DAG:Succeeded`,
      'fit:Pod:Succeeded',
    ]);

    // THEN the CLI shows the tree and exits 0 for Succeeded, and `runs list` filters by phase
    const io = capture();
    expect(await main(['runs', 'get', run.name, '-n', NS, '--kubeconfig', clusterKubeconfig()], io)).toBe(0);
    expect(io.lines).toEqual([
      `✓ ${run.name}  Succeeded  3m05s`,
      '  └─ ✓ fit  Succeeded  3m05s',
      '  outputs: auc=0.81',
    ]);
    const succeeded = await client.runs.list({ namespace: NS, phase: 'Succeeded', pipeline: 'client-training' });
    expect(succeeded.map((r) => r.name)).toContain(run.name);
    expect(new Set(succeeded.map((r) => `${r.pipeline}:${r.phase}`))).toEqual(new Set(['client-training:Succeeded']));
    const all = await client.runs.list({ namespace: NS });
    expect(all.length).toBeGreaterThan(succeeded.length);
  });

  it('GIVEN a failed run THEN runs get exits 1, retry starts a new run with the same arguments, stop sets spec.shutdown', async () => {
    const run = await client.submit(training, { environment: 'dev', args: { snapshotDate: '2026-12-04' } });
    await expect(run.retry()).rejects.toThrow(/still Pending \(got phase Pending\)\. Stop it first/);
    await run.stop();
    const stopped = await admin.request<ArgoObject>('GET', resourcePath(WF, NS, run.name), { verb: 'get', ...WF });
    expect(stopped.spec.shutdown).toBe('Stop');
    await writeStatusAsController(run.name, {
      phase: 'Failed',
      message: "Stopped with strategy 'Stop'",
      nodes: { ...root(run.name, 'Failed', []) },
    });
    const io = capture();
    expect(await main(['runs', 'get', run.name, '-n', NS, '--kubeconfig', clusterKubeconfig()], io)).toBe(1);
    const again = await run.retry();
    const copy = await admin.request<ArgoObject>('GET', resourcePath(WF, NS, again.name), { verb: 'get', ...WF });
    expect(copy.spec.shutdown).toBeUndefined();
    expect(copy.spec.arguments).toEqual({ parameters: [{ name: 'snapshotDate', value: '2026-12-04' }] });
    expect(copy.metadata.labels?.['argosy.dev/retry-of']).toBe(run.name);
  });

  it('GIVEN a run WHEN deleted THEN get says it does not exist, and the CLI exits 1 with that message', async () => {
    const run = await client.submit(training, { environment: 'dev', args: { snapshotDate: '2026-12-05' } });
    await client.runs.delete(run.name, NS);
    await expect(client.runs.get(run.name, NS)).rejects.toThrow(
      `workflows.argoproj.io "${run.name}": not found in namespace "${NS}" on ${admin.server} (got 404 NotFound). Check the name and namespace (\`argosy runs list\` shows the runs)`,
    );
    const io = capture();
    expect(await main(['runs', 'delete', run.name, '-n', NS, '--kubeconfig', clusterKubeconfig()], io)).toBe(1);
    expect(io.errs[0]).toMatch(/^✗ workflows\.argoproj\.io ".*": not found in namespace "client-test"/);
  });
});

describe('schedules, permissions and logs', () => {
  it('GIVEN an applied CronWorkflow WHEN triggered THEN the run is its workflow, owned by it, with the scheduled time', async () => {
    const run = await client.trigger(nightly, { namespace: NS });
    const wf = await admin.request<ArgoObject>('GET', resourcePath(WF, NS, run.name), { verb: 'get', ...WF });
    const cron = await admin.request<ArgoObject>(
      'GET',
      resourcePath({ ...WF, resource: 'cronworkflows' }, NS, 'client-training-nightly'),
      { verb: 'get', ...WF },
    );
    expect(wf.metadata.name).toMatch(/^client-training-nightly-/);
    expect(wf.metadata.labels?.['workflows.argoproj.io/cron-workflow']).toBe('client-training-nightly');
    expect(wf.metadata.annotations?.['workflows.argoproj.io/scheduled-time']).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
    expect(wf.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'CronWorkflow',
        name: 'client-training-nightly',
        uid: cron.metadata.uid,
        controller: true,
      },
    ]);
    expect(wf.spec.workflowTemplateRef).toEqual({ name: 'client-training' });
  });

  it('GIVEN a ServiceAccount that may only read runs WHEN it submits THEN 403 names user, verb, resource, namespace and the rule', async () => {
    const sa = await restrictedServiceAccount(clusterKubeConfig(), {
      namespace: NS,
      name: 'run-reader',
      rules: [{ apiGroups: ['argoproj.io'], resources: ['workflows', 'workflowtemplates'], verbs: ['get', 'list'] }],
      dir: scratchDir('client'),
    });
    const reader = createClient({ kubeconfig: sa.kubeconfig, namespace: NS });
    expect((await reader.runs.list({ limit: 1 })).length).toBe(1);
    const e = await refusal(reader.submit(training, { args: { snapshotDate: 'x' } }));
    expect(e.reason).toBe('forbidden');
    expect(e.message).toBe(
      `user "${sa.user}" may not create workflows.argoproj.io in namespace "${NS}" (got 403 Forbidden). Grant it with a Role in namespace "${NS}" holding the rule { apiGroups: ["argoproj.io"], resources: ["workflows"], verbs: ["create"] } and a RoleBinding to that user, or use a --context that has it`,
    );
    const io = capture();
    expect(await main(['promote', 'product-ranker', '-n', NS, '--kubeconfig', sa.kubeconfig], io)).toBe(1);
    expect(io.errs[0]).toContain(`may not get rollouts.argoproj.io in namespace "${NS}"`);
  });

  it('GIVEN a run whose pod the controller created THEN logs finds the pod, and the server (no kubelet) answers no log (204), which is a clear error', async () => {
    const run = await client.submit(training, { environment: 'dev', args: { snapshotDate: '2026-12-06' } });
    await writeStatusAsController(run.name, {
      phase: 'Running',
      nodes: { ...root(run.name, 'Running', [`${run.name}-fit`]), ...node(run.name, 'fit', 'Running') },
    });
    // The namespace's default ServiceAccount, as its controller would create it (admission needs it).
    await create({ group: '', version: 'v1', resource: 'serviceaccounts' }, { metadata: { name: 'default' } });
    // The pod as the workflow controller creates it: its label and node annotations (it never gets scheduled here).
    await admin.request(
      'POST',
      resourcePath({ group: '', version: 'v1', resource: 'pods' }, NS),
      { verb: 'create', group: '', resource: 'pods', namespace: NS },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `${run.name}-fit-1234`,
          labels: { 'workflows.argoproj.io/workflow': run.name },
          annotations: {
            'workflows.argoproj.io/node-name': `${run.name}.fit`,
            'workflows.argoproj.io/node-id': `${run.name}-fit`,
          },
        },
        spec: { containers: [{ name: 'main', image: 'python:3.12-slim' }] },
      },
    );
    const { runPods } = await import('./logs.ts');
    expect(await runPods(admin, await run.status(), 'fit')).toEqual([
      { name: `${run.name}-fit-1234`, task: 'fit', phase: 'Pending' },
    ]);
    await expect(run.logText({ task: 'train' })).rejects.toThrow(
      `--task train: run "${run.name}" has no task of that name (got fit). Pass one of its tasks`,
    );
    const io = capture();
    expect(await main(['logs', run.name, '--task', 'fit', '-n', NS, '--kubeconfig', clusterKubeconfig()], io)).toBe(1);
    expect(io.errs[0]).toMatch(
      new RegExp(
        `^✗ task "fit" \\(pod ${run.name}-fit-1234\\): no logs yet, the pod has not been scheduled to a node \\(got 204 No Content from the API server\\)\\. Wait until it runs`,
      ),
    );
  });
});

describe('deployments: a Rollout from the reference tree, its status written as the Rollouts controller would', () => {
  it('GIVEN a Rollout paused at a canary step WHEN promoted, then aborted THEN the fields change as kubectl argo rollouts does it', async () => {
    const { readFileSync } = await import('node:fs');
    const { load } = await import('js-yaml');
    const ro = load(
      readFileSync(
        join(import.meta.dirname, '../../dist/production/product-recommendations/rollout.product-ranker.yaml'),
        'utf8',
      ),
    ) as ArgoObject;
    ro.metadata.namespace = NS;
    const ROLL = { group: 'argoproj.io', version: 'v1alpha1', resource: 'rollouts' };
    await create(ROLL, ro);
    // What the Rollouts controller writes when it reaches step 7 (pause 15m) at weight 10.
    await admin.request(
      'PATCH',
      resourcePath(ROLL, NS, 'product-ranker', 'status'),
      { verb: 'patch', ...ROLL, resource: 'rollouts/status', namespace: NS },
      {
        status: {
          phase: 'Paused',
          abort: null,
          currentStepIndex: 6,
          pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2026-12-07T10:00:00Z' }],
          canary: {
            weights: { canary: { weight: 10, podTemplateHash: 'b' }, stable: { weight: 90, podTemplateHash: 'a' } },
          },
        },
      },
      'application/merge-patch+json',
    );
    const ar = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AnalysisRun',
      metadata: {
        name: 'product-ranker-shadow-1',
        ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'product-ranker', uid: 'x' }],
      },
      spec: { metrics: [{ name: 'error-rate', provider: { prometheus: { query: 'up' } } }] },
    };
    const AR = { ...ROLL, resource: 'analysisruns' };
    await create(AR, ar);

    const io = capture();
    expect(await main(['status', 'product-ranker', '-n', NS, '--kubeconfig', clusterKubeconfig()], io)).toBe(0);
    expect(io.lines).toEqual([
      `Rollout product-ranker (${NS}): Paused`,
      '  strategy: canary',
      '  step 7/11: pause 15m',
      '  weights: canary 10%, stable 90%',
      '  paused: CanaryPauseStep (argosy promote product-ranker continues)',
      '  analysis product-ranker-shadow-1: Pending',
    ]);

    const promoted = capture();
    expect(await main(['promote', 'product-ranker', '-n', NS, '--kubeconfig', clusterKubeconfig()], promoted)).toBe(0);
    const after = await admin.request<ArgoObject & { status?: Record<string, unknown> }>(
      'GET',
      resourcePath(ROLL, NS, 'product-ranker'),
      { verb: 'get', ...ROLL },
    );
    expect(after.status?.pauseConditions).toBeUndefined();
    expect(after.status?.currentStepIndex).toBe(6);

    expect(await main(['abort', 'product-ranker', '-n', NS, '--kubeconfig', clusterKubeconfig()], capture())).toBe(0);
    const aborted = await admin.request<ArgoObject & { status?: Record<string, unknown> }>(
      'GET',
      resourcePath(ROLL, NS, 'product-ranker'),
      { verb: 'get', ...ROLL },
    );
    expect(aborted.status?.abort).toBe(true);
    expect((await client.deployments.status('product-ranker', NS)).kind).toBe('Rollout');
    await expect(client.deployments.promote('no-such-model', { namespace: NS })).rejects.toThrow(
      /deployment "no-such-model": no Rollout or InferenceService of that name in namespace "client-test"/,
    );
  });
});

describe('the CLI against the server', () => {
  it('GIVEN an app module WHEN argosy submit -p ... --watch (plain output) THEN parameters are typed, the run is followed and the exit code is its phase', async () => {
    const entry = 'test/fixtures/client-app.ts';
    const bad = capture();
    expect(
      await main(
        ['submit', 'client-training', '--app', entry, '-p', 'trees=many', '--kubeconfig', clusterKubeconfig()],
        bad,
      ),
    ).toBe(2);
    expect(bad.errs[0]).toBe(
      '✗ trees: pipeline "client-training" takes an int here (got "many"). Pass -p trees=<int> (nothing was submitted).',
    );
    const io = capture();
    const exit = main(
      [
        'submit',
        'client-training',
        '--app',
        entry,
        '-p',
        'snapshotDate=2026-12-07',
        '--watch',
        '--kubeconfig',
        clusterKubeconfig(),
      ],
      io,
    );
    // Fail the run the controller would run, once the CLI has submitted it.
    // Waits (polling what the CLI printed) until it submitted and shows the run as Pending.
    let name: string | undefined;
    while (!name || !io.lines.includes(`run ${name}: Pending`)) {
      await new Promise((r) => setTimeout(r, 100));
      name = /submitted (\S+)/.exec(io.lines[0] ?? '')?.[1];
    }
    await writeStatusAsController(name, {
      phase: 'Failed',
      message: 'child failed',
      nodes: {
        ...root(name, 'Failed', [`${name}-fit`]),
        ...node(name, 'fit', 'Failed', { finishedAt: '2026-12-07T10:00:42Z', message: 'exit code 1' }),
      },
    });
    expect(await exit).toBe(1);
    expect(io.lines.slice(1)).toEqual([
      `run ${name}: Pending`,
      'fit: Failed (42s) - exit code 1',
      `run ${name}: Failed - child failed`,
    ]);
  });
});
