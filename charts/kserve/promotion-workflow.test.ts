import { describe, expect, it } from 'vitest';
import { app, blueGreen, kserve, modelDeployment, project, shadow } from '../../dsl/index.ts';
import { synthesize } from '../../synth/engine.ts';
import { deploymentFixtures, fixtureProject } from '../../test/fixtures/deployments.ts';

type Step = { name: string; template: string; arguments?: { parameters: { name: string }[] }; when?: string };
type Template = { name: string; steps?: Step[][]; inputs?: { parameters: { name: string }[] }; resource?: { action: string; flags?: string[]; manifest: string }; suspend?: unknown };
type Obj = { kind: string; metadata: { name: string }; spec: { entrypoint: string; onExit: string; serviceAccountName: string; templates: Template[] }; rules?: { resources: string[]; resourceNames?: string[]; verbs: string[] }[] };

const kserveKeys = Object.keys(deploymentFixtures).filter((k) => k.startsWith('kserve-'));
const objectsOf = (key: string) => synthesize(fixtureProject(key)).files.flatMap((f) => f.documents as Obj[]);

describe('KServe promotion/evaluation workflows', () => {
  it.each(kserveKeys)('GIVEN %s WHEN synthesized THEN the workflow is well formed and rolls back on exit', (key) => {
    const objs = objectsOf(key);
    const wf = objs.find((o) => o.kind === 'WorkflowTemplate' && o.metadata.name.startsWith('churn-'));
    if (!wf) throw new Error('no workflow');
    const templates = new Map(wf.spec.templates.map((t) => [t.name, t]));
    expect(templates.size).toBe(wf.spec.templates.length);
    const calls = [...(templates.get(wf.spec.entrypoint)?.steps ?? []), ...(templates.get(wf.spec.onExit)?.steps ?? [])].flat();
    const mainNames = (templates.get('main')?.steps ?? []).flat().map((s) => s.name);
    expect(new Set(mainNames).size, 'step names must be unique').toBe(mainNames.length);
    for (const step of calls) {
      const t = templates.get(step.template);
      expect(t, `template ${step.template}`).toBeDefined();
      const wanted = (t?.inputs?.parameters ?? []).map((p) => p.name).sort();
      expect((step.arguments?.parameters ?? []).map((p) => p.name).sort()).toEqual(wanted);
    }
    const rollback = templates.get(wf.spec.onExit)?.steps?.flat() ?? [];
    expect(rollback).toHaveLength(1);
    expect(rollback[0]?.when).toBe('{{workflow.status}} != Succeeded');
    // The ServiceAccount, Role and RoleBinding are the workflow's own, and the Role names only what the workflow patches.
    expect(wf.spec.serviceAccountName).toBe(wf.metadata.name);
    const role = objs.find((o) => o.kind === 'Role' && o.metadata.name === wf.metadata.name);
    const patched = wf.spec.templates.filter((t) => t.resource?.action === 'patch').map((t) => t.resource?.flags?.[1]);
    const patchRules = role?.rules?.filter((r) => r.verbs.includes('patch') && !r.resources.includes('workflowtaskresults')) ?? [];
    expect(patchRules).toHaveLength(1);
    expect(patchRules[0]?.resources).toEqual([key.includes('canary') || key.includes('blue-green') ? 'inferenceservices' : 'virtualservices']);
    expect(new Set(patchRules[0]?.resourceNames)).toEqual(new Set(patched));
    expect(role?.rules?.some((r) => r.verbs.includes('delete') || r.resources.includes('*'))).toBe(false);
  });

  it('GIVEN a Standard canary WHEN synthesized THEN every step sets the weight, measures, and finally moves all traffic', () => {
    const wf = objectsOf('kserve-canary').find((o) => o.kind === 'WorkflowTemplate');
    const main = wf?.spec.templates.find((t) => t.name === 'main')?.steps?.flat() ?? [];
    expect(main.map((s) => s.name)).toEqual(['set-weight-1', 'canary-v43-step-1', 'set-weight-2', 'canary-v43-step-2', 'set-weight-3', 'canary-v43-step-3', 'promote']);
    const setTraffic = wf?.spec.templates.find((t) => t.name === 'set-traffic');
    expect(JSON.parse(setTraffic?.resource?.manifest.replace('{{inputs.parameters.percent}}', '10') ?? '[]')).toEqual([
      { op: 'test', path: '/spec/canary/0/predictor/name', value: 'v43' },
      { op: 'add', path: '/spec/canary/0/trafficPercent', value: 10 },
    ]);
  });

  it('GIVEN a Knative canary WHEN synthesized THEN promotion removes canaryTrafficPercent', () => {
    const wf = objectsOf('kserve-canary-knative').find((o) => o.kind === 'WorkflowTemplate');
    const promote = wf?.spec.templates.find((t) => t.name === 'promote');
    expect(JSON.parse(promote?.resource?.manifest ?? '[]')).toContainEqual({ op: 'remove', path: '/spec/predictor/canaryTrafficPercent' });
  });

  it('GIVEN a KServe shadow without an analysis WHEN synthesized THEN no workflow or RBAC is emitted', () => {
    const d = modelDeployment('m', { serving: kserve({ format: 'sklearn', storageUri: 's3://m/1', logger: { url: 'http://sink' } }), strategy: shadow({ challenger: { storageUri: 's3://m/2' }, mirrorPercent: 5, duration: '1h' }) });
    expect(d.ir.objects.map((o) => o.kind)).toEqual(['InferenceService', 'InferenceService', 'VirtualService']);
  });

  it('GIVEN a KServe blue/green in an environment without namespace WHEN synthesized THEN the preview Service asks for one', () => {
    const d = modelDeployment('m', { serving: kserve({ format: 'sklearn', storageUri: 's3://m/1', version: 'v1' }), strategy: blueGreen({ candidate: { version: 'v2', storageUri: 's3://m/2' } }) });
    expect(() => synthesize(project('p', { apps: [app('a', { deployments: [d] })] }))).toThrow(/deployment "m": a KServe blue\/green preview Service .* needs the namespace/);
  });
});
