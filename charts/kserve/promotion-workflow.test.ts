import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  analysis,
  app,
  blueGreen,
  canary,
  environment,
  equals,
  istio,
  kserve,
  metric,
  modelDeployment,
  project,
  secretKey,
  server,
  shadow,
} from '../../dsl/index.ts';
import { synthesize } from '../../synth/engine.ts';
import { deploymentFixtures, fixtureProject } from '../../test/fixtures/deployments.ts';

type Step = {
  name: string;
  template: string;
  arguments?: { parameters: { name: string; value: string }[] };
  when?: string;
  continueOn?: unknown;
};
type Template = {
  name: string;
  steps?: Step[][];
  inputs?: { parameters: { name: string }[] };
  outputs?: { parameters: { name: string; valueFrom: { jsonPath: string } }[] };
  resource?: {
    action: string;
    flags?: string[];
    manifest: string;
    successCondition?: string;
    setOwnerReference?: boolean;
  };
  suspend?: unknown;
};
type Obj = {
  kind: string;
  metadata: { name: string; generateName?: string; annotations?: Record<string, string> };
  spec: {
    entrypoint: string;
    onExit: string;
    serviceAccountName: string;
    templates: Template[];
    activeDeadlineSeconds?: number;
    synchronization?: { mutexes: { name: string }[] };
  };
  rules?: { resources: string[]; resourceNames?: string[]; verbs: string[] }[];
};

const kserveKeys = Object.keys(deploymentFixtures).filter((k) => k.startsWith('kserve-'));
const objectsOf = (key: string) => synthesize(fixtureProject(key)).files.flatMap((f) => f.documents as Obj[]);
const workflowOf = (key: string) => {
  const wf = objectsOf(key).find((o) => o.kind === 'WorkflowTemplate');
  if (!wf) throw new Error('no workflow');
  return {
    wf,
    templates: new Map(wf.spec.templates.map((t) => [t.name, t])),
    run: wf.spec.templates.find((t) => t.name === 'run')?.steps?.flat() ?? [],
  };
};
const patchOps = (t: Template | undefined) =>
  JSON.parse(t?.resource?.manifest.replace('{{inputs.parameters.percent}}', '10') ?? '[]') as {
    op: string;
    path: string;
    value?: unknown;
  }[];

describe('KServe promotion/evaluation workflows', () => {
  it.each(kserveKeys)(
    'GIVEN %s WHEN synthesized THEN the workflow is well formed, bounded, exclusive and rolls back on exit',
    (key) => {
      const objs = objectsOf(key);
      const { wf, templates, run } = workflowOf(key);
      expect(templates.size).toBe(wf.spec.templates.length);
      const calls = [
        ...(templates.get(wf.spec.entrypoint)?.steps ?? []),
        ...run.map((s) => [s]),
        ...(templates.get(wf.spec.onExit)?.steps ?? []),
      ].flat();
      expect(new Set(run.map((s) => s.name)).size, 'step names must be unique').toBe(run.length);
      for (const step of calls) {
        const t = templates.get(step.template);
        expect(t, `template ${step.template}`).toBeDefined();
        expect((step.arguments?.parameters ?? []).map((p) => p.name).sort()).toEqual(
          (t?.inputs?.parameters ?? []).map((p) => p.name).sort(),
        );
      }
      const rollback = templates.get(wf.spec.onExit)?.steps?.flat() ?? [];
      expect(rollback).toHaveLength(1);
      expect(rollback[0]?.when).toBe('{{workflow.status}} != Succeeded');
      expect(wf.spec.synchronization?.mutexes).toEqual([{ name: wf.metadata.name }]);
      expect(wf.spec.activeDeadlineSeconds).toBeGreaterThan(3600);
      // Every AnalysisRun is owned by its workflow, so stopping the workflow garbage-collects it.
      for (const t of wf.spec.templates.filter((x) => x.resource?.action === 'create'))
        expect(t.resource?.setOwnerReference).toBe(true);
      // The ServiceAccount, Role and RoleBinding are the workflow's own, and the Role names only what the workflow patches.
      expect(wf.spec.serviceAccountName).toBe(wf.metadata.name);
      const role = objs.find((o) => o.kind === 'Role' && o.metadata.name === wf.metadata.name);
      const patched = wf.spec.templates
        .filter((t) => t.resource?.action === 'patch')
        .map((t) => t.resource?.flags?.[1]);
      const patchRules =
        role?.rules?.filter((r) => r.verbs.includes('patch') && !r.resources.includes('workflowtaskresults')) ?? [];
      expect(patchRules).toHaveLength(1);
      expect(patchRules[0]?.resources).toEqual([
        key.includes('canary') || key.includes('blue-green') ? 'inferenceservices' : 'virtualservices',
      ]);
      expect(new Set(patchRules[0]?.resourceNames)).toEqual(new Set(patched));
      expect(
        role?.rules?.some(
          (r) =>
            r.verbs.includes('delete') ||
            r.verbs.includes('list') ||
            r.verbs.includes('watch') ||
            r.resources.includes('*'),
        ),
      ).toBe(false);
    },
  );

  it('GIVEN a Standard canary WHEN synthesized THEN every step sets the weight, waits for the candidate pods, measures, and finally moves all traffic and records the verdict', () => {
    const { templates, run } = workflowOf('kserve-canary');
    expect(run.map((s) => s.name)).toEqual([
      'set-weight-1',
      'ready-1',
      'canary-v43-step-1',
      'set-weight-2',
      'ready-2',
      'canary-v43-step-2',
      'set-weight-3',
      'ready-3',
      'canary-v43-step-3',
      'promote',
    ]);
    expect(patchOps(templates.get('set-traffic'))).toEqual([
      { op: 'test', path: '/spec/canary/0/predictor/name', value: 'v43' },
      { op: 'add', path: '/spec/canary/0/trafficPercent', value: 10 },
    ]);
    expect(templates.get('wait-canary-ready')?.resource?.successCondition).toBe(
      'status.canaryStatuses.0.name == v43, status.canaryStatuses.0.ready == true',
    );
    const promote = patchOps(templates.get('promote'));
    expect(promote).toContainEqual({ op: 'add', path: '/spec/canary/0/trafficPercent', value: 100 });
    expect(promote.find((o) => o.path === '/metadata/annotations/argosy.dev~1decided')?.value).toMatch(
      /^c-[0-9a-f]{12}$/,
    );
    expect(patchOps(templates.get('rollback')).map((o) => o.path)).toEqual([
      '/spec/canary/0/predictor/name',
      '/spec/canary/0/trafficPercent',
      '/metadata/annotations/argosy.dev~1decided',
    ]);
  });

  it('GIVEN any KServe workflow WHEN it starts THEN it skips a candidate the object was already decided on', () => {
    const { wf, templates } = workflowOf('kserve-canary');
    const main = templates.get(wf.spec.entrypoint)?.steps ?? [];
    const id = patchOps(templates.get('promote')).find((o) => o.path.endsWith('decided'))?.value;
    expect(main.map((g) => g.map((s) => s.name))).toEqual([['check'], ['run']]);
    expect(main[1]?.[0]?.when).toBe(`'{{steps.check.outputs.parameters.decided}}' != '${id}'`);
    expect(templates.get('read-verdict')?.outputs?.parameters[0]?.valueFrom.jsonPath).toBe(
      '{.metadata.annotations.argosy\\.dev/decided}',
    );
  });

  it('GIVEN a Knative canary WHEN synthesized THEN the gate measures the latest revision read at the start, after it is ready', () => {
    const { templates, run } = workflowOf('kserve-canary-knative');
    expect(run[0]).toMatchObject({ name: 'revision', template: 'read-revision' });
    expect(templates.get('read-revision')?.outputs?.parameters).toEqual([
      {
        name: 'revision',
        valueFrom: { jsonPath: '{.status.components.predictor.latestCreatedRevision}', default: '' },
      },
    ]);
    const ready = run.find((s) => s.name === 'ready-1');
    expect(ready?.arguments?.parameters).toEqual([
      { name: 'revision', value: '{{steps.revision.outputs.parameters.revision}}' },
    ]);
    expect(templates.get('wait-revision-ready')?.resource?.successCondition).toBe(
      'status.components.predictor.latestReadyRevision == {{inputs.parameters.revision}}',
    );
    const analysis = run.find((s) => s.name.startsWith('canary-latest'));
    const runManifest = load(templates.get(analysis?.template ?? '')?.resource?.manifest ?? '') as {
      spec: { metrics: { provider: { prometheus: { query: string } } }[] };
    };
    const query = runManifest.spec.metrics[0]?.provider.prometheus.query ?? '';
    expect(query).toContain('destination_workload="{{inputs.parameters.revision}}-deployment"');
    expect(query).not.toContain('churn-predictor');
    expect(patchOps(templates.get('promote'))).toContainEqual({
      op: 'remove',
      path: '/spec/predictor/canaryTrafficPercent',
    });
  });

  it('GIVEN a KServe shadow without an analysis WHEN synthesized THEN no workflow, hook or RBAC is emitted', () => {
    const d = modelDeployment('m', {
      serving: kserve({ format: 'sklearn', storageUri: 's3://m/1', logger: { url: 'http://sink' } }),
      mesh: istio({ gateways: ['mesh'] }),
      strategy: shadow({ challenger: { storageUri: 's3://m/2' }, mirrorPercent: 5, duration: '1h' }),
    });
    expect(d.ir.objects.map((o) => o.kind)).toEqual(['InferenceService', 'InferenceService', 'VirtualService']);
  });

  it('GIVEN a KServe blue/green in an environment without namespace WHEN synthesized THEN the preview Service asks for one', () => {
    const d = modelDeployment('m', {
      serving: kserve({ format: 'sklearn', storageUri: 's3://m/1', version: 'v1' }),
      strategy: blueGreen({ candidate: { version: 'v2', storageUri: 's3://m/2' } }),
    });
    expect(() => synthesize(project('p', { apps: [app('a', { deployments: [d] })] }))).toThrow(
      /deployment "m": a KServe blue\/green preview Service .* needs the namespace/,
    );
  });

  it('GIVEN compound Go durations (a 1h30m pause, a 1m30s metric delay) WHEN synthesized THEN the deadline counts them whole', () => {
    const deadline = (strategy: ReturnType<typeof canary>): number | undefined => {
      const d = modelDeployment('churn', {
        serving: kserve({ format: 'sklearn', storageUri: 's3://m/1', version: 'v1' }),
        strategy,
      });
      const docs = synthesize(
        project('p', {
          environments: [environment('production', { namespace: 'ml' })],
          apps: [app('a', { deployments: [d] })],
        }),
      ).files.flatMap((f) => f.documents as Obj[]);
      return docs.find((o) => o.kind === 'WorkflowTemplate')?.spec.activeDeadlineSeconds;
    };
    const candidate = { version: 'v2', storageUri: 's3://m/2' };
    // The candidate's pods may take 1800 s to serve; the margin is 3600 s.
    expect(deadline(canary({ candidate, steps: [{ weight: 50, pause: '1h30m' }] }))).toBe(1800 + 5400 + 3600);
    const check = analysis({
      metrics: [
        metric.web('ready', {
          url: 'http://m/ready',
          jsonPath: '{$.ok}',
          success: equals('true'),
          initialDelay: '1m30s',
        }),
      ],
    });
    expect(deadline(canary({ candidate, steps: [{ weight: 50, pause: '1h30m' }], analysis: check }))).toBe(
      1800 + 90 + 3600,
    );
  });

  it('GIVEN a KServe canary that records its promotion WHEN it passed THEN the recorder runs after the switch, restricted, told what was promoted, and its failure does not roll back', () => {
    const d = modelDeployment('churn', {
      serving: kserve({ format: 'sklearn', storageUri: 's3://m/1', version: 'v1' }),
      strategy: canary({
        candidate: { version: 'v2', storageUri: 's3://m/2' },
        steps: [{ weight: 50 }],
        recordPromotion: {
          image: 'ghcr.io/acme/gitops-bot:1',
          command: ['fold'],
          env: { TOKEN: secretKey('gitops', 'token') },
        },
      }),
    });
    const docs = synthesize(
      project('p', {
        environments: [environment('production', { namespace: 'ml' })],
        apps: [app('a', { deployments: [d] })],
      }),
    ).files.flatMap((f) => f.documents as Obj[]);
    const wf = docs.find((o) => o.kind === 'WorkflowTemplate');
    const run = wf?.spec.templates.find((t) => t.name === 'run')?.steps?.flat() ?? [];
    expect(run.map((s) => s.name).slice(-2)).toEqual(['promote', 'record-promotion']);
    expect(run.at(-1)?.continueOn).toEqual({ failed: true });
    const c = (
      wf?.spec.templates.find((t) => t.name === 'record-promotion') as unknown as {
        container: { env: { name: string; value?: string }[]; securityContext: { runAsNonRoot: boolean } };
      }
    ).container;
    expect(c.env.map((e) => `${e.name}=${e.value ?? 'secret'}`)).toEqual([
      'ARGOSY_DEPLOYMENT=churn',
      'ARGOSY_CANDIDATE_VERSION=v2',
      'ARGOSY_CANDIDATE_STORAGE_URI=s3://m/2',
      'ARGOSY_NAMESPACE={{workflow.namespace}}',
      'TOKEN=secret',
    ]);
    expect(c.securityContext.runAsNonRoot).toBe(true);
    expect(() =>
      modelDeployment('r', {
        serving: server({ image: 'r:1', port: 80 }),
        strategy: canary({ steps: [{ weight: 50 }], recordPromotion: { image: 'x:1', command: ['x'] } }),
      }),
    ).toThrow(/recordPromotion: a plain server is promoted by its Rollout/);
  });
});
