import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { app, canary, environment, kserve, modelDeployment, project } from '../../dsl/index.ts';
import { synthesize } from '../../synth/engine.ts';

type Json = Record<string, unknown>;
type Op = { op: 'test' | 'add' | 'replace' | 'remove'; path: string; value?: unknown };
type Template = {
  name: string;
  steps?: { name: string; template: string; when?: string }[][];
  resource?: { action: string; manifest: string; successCondition?: string };
};
type Hook = {
  kind: string;
  metadata: { generateName?: string; annotations: Record<string, string> };
  spec: { serviceAccountName: string; templates: Template[] };
};

/** RFC 6902 on plain JSON, enough for the hooks' patches: a failed `test` rejects the whole patch. */
function applyPatch(doc: Json, ops: readonly Op[]): Json | undefined {
  const out = structuredClone(doc);
  for (const o of ops) {
    const keys = o.path
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop() as string;
    let parent: Json | unknown[] | undefined = out;
    for (const k of keys) parent = (parent as Json | undefined)?.[k] as Json | undefined;
    if (parent === undefined) return undefined;
    const here = (parent as Json)[last];
    if (o.op === 'test' && JSON.stringify(here) !== JSON.stringify(o.value)) return undefined;
    if ((o.op === 'replace' || o.op === 'remove') && here === undefined) return undefined;
    if (o.op === 'add' || o.op === 'replace') (parent as Json)[last] = structuredClone(o.value);
    if (o.op === 'remove') delete (parent as Json)[last];
  }
  return out;
}

/** Argo's resource condition (label-selector syntax over JSON paths) on one object. */
function holds(doc: Json, condition: string): boolean {
  return condition.split(',').every((req) => {
    const [, path, op, want] = /^\s*(\S+)\s*(==|!=)\s*(\S+)\s*$/.exec(req) ?? [];
    const got = (path ?? '').split('.').reduce<unknown>((v, k) => (v as Json | undefined)?.[k], doc);
    return op === '==' ? String(got) === want : got === undefined || String(got) !== want;
  });
}

/** Runs the hand-over hook against a live object the way Argo would: guarded steps, failures tolerated. */
function handOver(hook: Hook, live: Json): Json {
  const templates = new Map(hook.spec.templates.map((t) => [t.name, t]));
  const status: Record<string, string> = {};
  let current = live;
  for (const [step] of templates.get('handover')?.steps ?? []) {
    if (!step) continue;
    // Argo's `when`: substituted, then compared as strings (bare words such as Succeeded are strings).
    const [left, right] = (step.when ?? '')
      .replace(/\{\{steps\.(\w+)\.status\}\}/g, (_, s: string) => status[s] ?? '')
      .split(' != ');
    if (step.when && left === right) continue;
    const t = templates.get(step.template)?.resource;
    if (t?.action === 'get') {
      status[step.name] = holds(current, t.successCondition ?? '') ? 'Succeeded' : 'Failed';
    } else {
      const next = applyPatch(current, JSON.parse(t?.manifest ?? '[]') as Op[]);
      status[step.name] = next ? 'Succeeded' : 'Failed';
      current = next ?? current;
    }
  }
  return current;
}

const churn = (version: string, uri: string, mode: 'Standard' | 'Knative' = 'Standard') =>
  kserve({
    format: 'xgboost',
    storageUri: uri,
    ...(mode === 'Standard' ? { version } : {}),
    deploymentMode: mode,
    minReplicas: 2,
  });
function synth(serving: ReturnType<typeof churn>, candidate?: { version?: string; storageUri: string }) {
  const d = modelDeployment('churn', {
    serving,
    strategy: canary({ ...(candidate ? { candidate } : {}), steps: [{ weight: 10, pause: '10m' }] }),
  });
  const docs = synthesize(
    project('p', {
      environments: [environment('production', { namespace: 'ml' })],
      apps: [app('a', { deployments: [d] })],
    }),
  ).files.flatMap((f) => f.documents as Json[]);
  const isvc = docs.find((o) => o.kind === 'InferenceService') as Json;
  const hooks = docs.filter((o) => o.kind === 'Workflow') as unknown as Hook[];
  return {
    isvc,
    handover: hooks.find((h) => h.metadata.annotations['argocd.argoproj.io/hook'] === 'Sync'),
    trigger: hooks.find((h) => h.metadata.annotations['argocd.argoproj.io/hook'] === 'PostSync'),
  };
}
const specOf = (o: Json | undefined) =>
  o?.spec as { predictor: Json; canary?: { trafficPercent: number; predictor: Json }[] };

describe('Argo CD sync hooks of KServe canaries', () => {
  const v42 = 's3://m/churn/v42';
  const v43 = 's3://m/churn/v43';
  const v44 = 's3://m/churn/v44';
  const running = synth(churn('v42', v42), { version: 'v43', storageUri: v43 });

  it('GIVEN the promoted canary is folded into serving in git WHEN the hand-over runs THEN KServe gets the predictor and an empty canary list in one update', () => {
    const live = {
      spec: {
        predictor: specOf(running.isvc).predictor,
        canary: [{ ...specOf(running.isvc).canary?.[0], trafficPercent: 100 }],
      },
    };
    const folded = synth(churn('v43', v43));
    const after = specOf(handOver(folded.handover as Hook, live));
    expect(after.canary).toBeUndefined();
    expect(after.predictor).toEqual(specOf(folded.isvc).predictor);
  });

  it('GIVEN a run in progress for the candidate git names WHEN the hand-over runs THEN the live traffic is left alone', () => {
    const live = {
      spec: {
        predictor: specOf(running.isvc).predictor,
        canary: [{ ...specOf(running.isvc).canary?.[0], trafficPercent: 30 }],
      },
    };
    expect(handOver(running.handover as Hook, live)).toEqual(live);
  });

  it('GIVEN a rolled-back candidate replaced by a new one in git WHEN the hand-over runs THEN the new candidate is staged at 0 %', () => {
    const live = {
      spec: {
        predictor: specOf(running.isvc).predictor,
        canary: [{ ...specOf(running.isvc).canary?.[0], trafficPercent: 0 }],
      },
    };
    const next = synth(churn('v42', v42), { version: 'v44', storageUri: v44 });
    const after = specOf(handOver(next.handover as Hook, live));
    expect(after.canary).toEqual(specOf(next.isvc).canary);
    expect(after.canary?.[0]?.trafficPercent).toBe(0);
  });

  it('GIVEN a candidate dropped from git WHEN the hand-over runs THEN its leftover entry is removed', () => {
    const live = {
      spec: {
        predictor: specOf(running.isvc).predictor,
        canary: [{ ...specOf(running.isvc).canary?.[0], trafficPercent: 0 }],
      },
    };
    expect(specOf(handOver(synth(churn('v42', v42)).handover as Hook, live)).canary).toBeUndefined();
  });

  it('GIVEN a Knative model promoted at 100 % WHEN git introduces the next candidate THEN the hand-over switches the model and pins it at 0 % together', () => {
    const next = synth(churn('', v42, 'Knative'), { storageUri: v43 });
    const live = {
      spec: {
        predictor: {
          ...specOf(next.isvc).predictor,
          model: { ...(specOf(next.isvc).predictor.model as Json), storageUri: v42 },
          canaryTrafficPercent: undefined,
        },
      },
    };
    const after = specOf(handOver(next.handover as Hook, JSON.parse(JSON.stringify(live)) as Json));
    expect(after.predictor).toMatchObject({ canaryTrafficPercent: 0, model: { storageUri: v43 } });
    // The same sync again (run in progress) changes nothing.
    const mid = { spec: { predictor: { ...after.predictor, canaryTrafficPercent: 20 } } };
    expect(handOver(next.handover as Hook, mid)).toEqual(mid);
  });

  it('GIVEN the hand-over WHEN synthesized THEN it runs in the sync after its account (wave -2) and before the InferenceService (wave 0)', () => {
    expect(running.handover?.metadata.annotations).toMatchObject({
      'argocd.argoproj.io/hook': 'Sync',
      'argocd.argoproj.io/sync-wave': '-1',
    });
    expect(running.handover?.spec.serviceAccountName).toBe('churn-promote');
  });

  it('GIVEN a gated canary WHEN synthesized THEN a PostSync hook only submits the promotion WorkflowTemplate, under an account that may only create Workflows', () => {
    const t = running.trigger as Hook;
    expect(t.metadata.generateName).toBe('churn-promote-trigger-');
    expect(t.metadata.annotations['argocd.argoproj.io/hook-delete-policy']).toBe('BeforeHookCreation,HookSucceeded');
    const submitted = load(t.spec.templates[0]?.resource?.manifest ?? '') as { kind: string; spec: unknown };
    expect(submitted).toMatchObject({ kind: 'Workflow', spec: { workflowTemplateRef: { name: 'churn-promote' } } });
    expect(t.spec.serviceAccountName).toBe('churn-promote-trigger');
  });
});
