import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureIO as capture } from '../../test/capture-io.ts';
import { clusterKubeConfig, clusterKubeconfig, scratchDir } from '../../test/cluster/context.ts';
import { ensureNamespace, restrictedServiceAccount } from '../../test/cluster/tokens.ts';
import { deploymentObjects, promotionNodes, type FixtureObject } from '../../test/fixtures/promotion-run.ts';
import { main } from '../cli.ts';
import { createClient } from './client.ts';
import { ClientError } from './errors.ts';
import { Kube, resourcePath } from './kube.ts';

/*
 * `argosy status|promote|abort` of a KServe deployment against the real kube-apiserver of
 * `npm run test:cluster`, with the objects Argosy synthesizes for the Knative canary fixture
 * (an approval at step 4 of 10). No workflow controller, KServe controller or Argo CD runs
 * there: where one would act (the PostSync trigger creating the run, the controller writing
 * the run's node tree, a set-weight step patching the traffic, KServe writing the Ready
 * condition) the test does it itself and says so. Everything Argosy sends is checked by the
 * server: schemas, RBAC, resourceVersions, the JSON patch's `test` operation.
 */

const NS = 'kserve-test';
const WF = { group: 'argoproj.io', version: 'v1alpha1', resource: 'workflows' };
const WFT = { ...WF, resource: 'workflowtemplates' };
const ISVC = { group: 'serving.kserve.io', version: 'v1beta1', resource: 'inferenceservices' };

type Live = { metadata: { name: string; annotations?: Record<string, string> }; spec: Record<string, unknown> } & {
  status?: { nodes?: Record<string, { displayName?: string; phase?: string; finishedAt?: string; message?: string }> };
};

const objects = deploymentObjects('kserve-canary-knative');
const template = objects.find((o) => o.kind === 'WorkflowTemplate') as FixtureObject;
const isvc = objects.find((o) => o.kind === 'InferenceService') as FixtureObject;
/** The run the PostSync trigger hook creates: the manifest of its `create` step. */
const triggerRun = (): FixtureObject => {
  const hook = objects.find((o) => o.kind === 'Workflow' && o.metadata.generateName === 'churn-promote-trigger-');
  const step = (hook?.spec.templates as { resource?: { manifest: string } }[] | undefined)?.[0]?.resource;
  return load(step?.manifest ?? '') as FixtureObject;
};

let admin: Kube;
const here = <T extends FixtureObject>(o: T): T => ({ ...o, metadata: { ...o.metadata, namespace: NS } });
const get = (res: typeof WF, name: string): Promise<Live> =>
  admin.request<Live>('GET', resourcePath(res, NS, name), { verb: 'get', ...res, name });
const mergePatch = (res: typeof WF, name: string, body: unknown, sub?: string): Promise<unknown> =>
  admin.request(
    'PATCH',
    resourcePath(res, NS, name, sub),
    { verb: 'patch', ...res, name },
    body,
    'application/merge-patch+json',
  );
const cli = async (...args: string[]) => {
  const io = capture();
  const code = await main([...args, '-n', NS, '--kubeconfig', clusterKubeconfig()], io);
  return { code, out: io.lines, err: io.errs };
};

/** Starts a promotion run as the trigger hook would, at step group `group` as the controller would write it. */
async function startRun(group: number, phase: string): Promise<string> {
  const created = await admin.request<Live>(
    'POST',
    resourcePath(WF, NS),
    { verb: 'create', ...WF },
    here(triggerRun()),
  );
  const name = created.metadata.name;
  // What the workflow controller writes as the run reaches that step (no controller runs here).
  await mergePatch(WF, name, { status: { phase: 'Running', nodes: promotionNodes(name, template, group, phase) } });
  return name;
}

beforeAll(async () => {
  const kc = clusterKubeConfig();
  admin = new Kube(kc);
  await ensureNamespace(kc, NS);
  for (const [res, o] of [
    [WFT, template],
    [ISVC, isvc],
  ] as const) {
    const r = await admin.raw('POST', resourcePath(res, NS), here(o));
    if (r.status !== 201 && r.status !== 409)
      throw new Error(`create ${o.kind}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  }
  // KServe's controller would report the new revision ready (no KServe controller runs here).
  await mergePatch(
    ISVC,
    'churn',
    {
      status: {
        url: 'http://churn.kserve-test.example.com',
        conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-12-07T10:00:00Z' }],
        components: {
          predictor: {
            latestCreatedRevision: 'churn-predictor-00002',
            latestReadyRevision: 'churn-predictor-00002',
            traffic: [
              { revisionName: 'churn-predictor-00002', percent: 20, latestRevision: true },
              { revisionName: 'churn-predictor-00001', percent: 80, latestRevision: false },
            ],
          },
        },
      },
    },
    'status',
  );
});

describe('a KServe deployment and its promotion run', () => {
  it('GIVEN a run at its approval WHEN status, promote, promote again THEN the step shows, the approval node is resumed as argo resume does, and a busy run is not promoted', async () => {
    // The run's set-weight-1 step would have set 20 % (no controller runs here).
    await mergePatch(ISVC, 'churn', { spec: { predictor: { canaryTrafficPercent: 20 } } });
    const run = await startRun(3, 'Running');

    const status = await cli('status', 'churn');
    expect(status.code).toBe(0);
    expect(status.out).toEqual([
      `InferenceService churn (${NS}): Ready=True`,
      '  url: http://churn.kserve-test.example.com',
      '  canary traffic: 20%',
      '  20% -> churn-predictor-00002 (latest)',
      '  80% -> churn-predictor-00001',
      `  promotion ${run} (workflowtemplate/churn-promote): Running, step 4/10: approve-1 Running`,
      '  waiting for approval: argosy promote churn continues, argosy abort churn rolls back',
    ]);

    const promoted = await cli('promote', 'churn');
    expect(promoted.err).toEqual([]);
    expect(promoted.code).toBe(0);
    expect(promoted.out[0]).toBe(`✓ promotion run ${run} resumed at approve-1`);
    const approval = Object.values((await get(WF, run)).status?.nodes ?? {}).find((n) => n.displayName === 'approve-1');
    expect(approval).toMatchObject({ phase: 'Succeeded', message: 'Resumed by argosy promote' });
    expect(approval?.finishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    // Nothing holds the run now: promote is refused and changes nothing.
    const again = await cli('promote', 'churn');
    expect(again.code).toBe(1);
    expect(again.err).toEqual([
      `✗ promotion run "${run}": not waiting at an approval or a pause, nothing to promote (got step 4/10 approve-1 Succeeded). It moves on when the step completes; argosy abort churn stops it and rolls back.`,
    ]);
    await expect(
      createClient({ kubeconfig: clusterKubeconfig() }).deployments.promote('churn', { namespace: NS, full: true }),
    ).rejects.toThrow(/--full is for Rollouts/);
    const full = await cli('promote', 'churn', '--full');
    expect(full.code).toBe(2);
    expect(full.err[0]).toMatch(/^✗ deployment "churn": --full is for Rollouts \(got an InferenceService/);

    // The controller moves on to the analysis step; then the user aborts.
    await mergePatch(WF, run, { status: { nodes: promotionNodes(run, template, 4, 'Running') } });
    expect((await cli('promote', 'churn')).err).toEqual([
      `✗ promotion run "${run}": not waiting at an approval or a pause, nothing to promote (got step 5/10 canary-latest-step-1 Running). It moves on when the step completes; argosy abort churn stops it and rolls back.`,
    ]);
    const aborted = await cli('abort', 'churn');
    expect(aborted.err).toEqual([]);
    expect(aborted.code).toBe(0);
    expect(aborted.out[0]).toBe(
      `✓ promotion run ${run} stopped; rolled back inferenceservice.serving.kserve.io churn (its exit handler repeats it)`,
    );
    expect(aborted.out).toContain(
      `  promotion ${run} (workflowtemplate/churn-promote): Running, stopping (Stop), step 5/10: canary-latest-step-1 Running`,
    );
    expect((await get(WF, run)).spec.shutdown).toBe('Stop');
    const rolledBack = await get(ISVC, 'churn');
    expect((rolledBack.spec.predictor as { canaryTrafficPercent?: number }).canaryTrafficPercent).toBe(0);
    // The run's own rollback also records the verdict, so the next sync's run skips this candidate.
    expect(rolledBack.metadata.annotations?.['argosy.dev/decided']).toMatch(/^c-[0-9a-f]{12}$/);

    const twice = await cli('abort', 'churn');
    expect(twice.code).toBe(1);
    expect(twice.err[0]).toBe(
      `✗ deployment "churn": no promotion run in progress in namespace "${NS}" to abort (got ${run}: stopping (Stop)). A run starts after each Argo CD sync; start one by hand with argo submit --from workflowtemplate/churn-promote -n ${NS}.`,
    );
    // The controller finishes the stopped run: status shows the last run and no "waiting" line.
    await mergePatch(WF, run, {
      status: { phase: 'Failed', finishedAt: '2026-12-07T10:30:00Z', message: "Stopped with strategy 'Stop'" },
    });
    const after = await cli('status', 'churn');
    expect(after.out.slice(3)).toEqual([
      '  20% -> churn-predictor-00002 (latest)',
      '  80% -> churn-predictor-00001',
      `  promotion ${run} (workflowtemplate/churn-promote): Failed, step 5/10: canary-latest-step-1 Running - Stopped with strategy 'Stop'`,
    ]);
    expect(after.out[2]).toBe('  canary traffic: 0%');
  });

  it('GIVEN a run whose candidate is no longer on the InferenceService WHEN aborted THEN the run stops and the rollback is a no-op', async () => {
    const run = await startRun(4, 'Running');
    // A new model was synced meanwhile (what Argo CD would apply): the run's JSON patch test fails.
    await admin.request(
      'PATCH',
      resourcePath(ISVC, NS, 'churn'),
      { verb: 'patch', ...ISVC, name: 'churn' },
      [{ op: 'replace', path: '/spec/predictor/model/storageUri', value: 's3://dsrpmart-models/churn/v44' }],
      'application/json-patch+json',
    );
    const aborted = await cli('abort', 'churn');
    expect(aborted.err).toEqual([]);
    expect(aborted.code).toBe(0);
    expect(aborted.out[0]).toBe(
      `✓ promotion run ${run} stopped; inferenceservice.serving.kserve.io churn no longer lists the run's candidate: nothing to roll back`,
    );
    expect((await get(WF, run)).spec.shutdown).toBe('Stop');
    await mergePatch(WF, run, { status: { phase: 'Failed', finishedAt: '2026-12-07T11:00:00Z' } });
  });

  it('GIVEN restricted ServiceAccounts without rights on rollouts THEN status still shows the InferenceService, and promote names the refused verb and rule', async () => {
    const dir = scratchDir('kserve-test');
    // No right on rollouts: a KServe-only user is not refused for the Rollout looked up first.
    const read = [{ apiGroups: ['serving.kserve.io'], resources: ['inferenceservices'], verbs: ['get'] }];
    const isvcOnly = await restrictedServiceAccount(clusterKubeConfig(), {
      namespace: NS,
      name: 'isvc-reader',
      rules: read,
      dir,
    });
    const io = capture();
    expect(await main(['status', 'churn', '-n', NS, '--kubeconfig', isvcOnly.kubeconfig], io)).toBe(0);
    expect(io.lines.at(-1)).toBe(
      `  promotion: not readable - user "${isvcOnly.user}" may not list workflowtemplates.argoproj.io in namespace "${NS}" (got 403 Forbidden). Grant it with a Role in namespace "${NS}" holding the rule { apiGroups: ["argoproj.io"], resources: ["workflowtemplates"], verbs: ["list"] } and a RoleBinding to that user, or use a --context that has it`,
    );

    const viewer = await restrictedServiceAccount(clusterKubeConfig(), {
      namespace: NS,
      name: 'promotion-viewer',
      rules: [...read, { apiGroups: ['argoproj.io'], resources: ['workflows', 'workflowtemplates'], verbs: ['list'] }],
      dir,
    });
    const run = await startRun(3, 'Running');
    const e = await createClient({ kubeconfig: viewer.kubeconfig })
      .deployments.promote('churn', { namespace: NS })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ClientError);
    expect((e as ClientError).message).toBe(
      `user "${viewer.user}" may not patch workflows.argoproj.io in namespace "${NS}" (got 403 Forbidden). Grant it with a Role in namespace "${NS}" holding the rule { apiGroups: ["argoproj.io"], resources: ["workflows"], verbs: ["patch"] } and a RoleBinding to that user, or use a --context that has it`,
    );
    // Refused means unchanged: the approval still holds the run.
    const approval = Object.values((await get(WF, run)).status?.nodes ?? {}).find((n) => n.displayName === 'approve-1');
    expect(approval?.phase).toBe('Running');
    await mergePatch(WF, run, {
      spec: { shutdown: 'Terminate' },
      status: { phase: 'Failed', finishedAt: '2026-12-07T12:00:00Z' },
    });
  });
});
