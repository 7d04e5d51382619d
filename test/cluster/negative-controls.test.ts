import { describe, expect, it } from 'vitest';
import { applySet } from './apply-set.ts';
import { clusterKubeConfig } from './context.ts';
import { ensureNamespace } from './tokens.ts';
import type { SourceDocument } from '../../synth/validate/documents.ts';

const kc = clusterKubeConfig();
const NS = 'negative-controls';

const doc = (object: unknown): SourceDocument[] => [{ file: 'control.yaml', index: 0, object }];

/** Deliberately broken objects, one per check the server makes: the apply test cannot pass vacuously. */
const CONTROLS: readonly (readonly [string, unknown, string, RegExp])[] = [
  [
    'a WorkflowTemplate whose templates is not a list (CRD structural schema)',
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'WorkflowTemplate',
      metadata: { name: 'bad-templates', namespace: NS },
      spec: { templates: 'train' },
    },
    'apiserver/invalid',
    /^spec\.templates: expected list, got/,
  ],
  [
    "a DAG task with both depends and dependencies (the CRD's CEL rule)",
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'WorkflowTemplate',
      metadata: { name: 'bad-dag', namespace: NS },
      spec: {
        entrypoint: 'main',
        templates: [
          {
            name: 'main',
            dag: { tasks: [{ name: 'b', template: 'main', depends: 'a', dependencies: ['a'] }] },
          },
        ],
      },
    },
    'apiserver/invalid',
    /cannot use both 'depends' and 'dependencies'/,
  ],
  [
    'a Rollout whose replicas is a word',
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: 'bad-replicas', namespace: NS },
      spec: { replicas: 'three' },
    },
    'apiserver/invalid',
    /spec\.replicas|must be of type integer/,
  ],
  [
    'a Service with a misspelt field (strict field validation)',
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'bad-field', namespace: NS },
      spec: { portz: [{ port: 80 }], ports: [{ port: 80 }] },
    },
    'apiserver/unknown-field',
    /does not know this field/,
  ],
  [
    'an InferenceService in a namespace that does not exist',
    {
      apiVersion: 'serving.kserve.io/v1beta1',
      kind: 'InferenceService',
      metadata: { name: 'nowhere', namespace: 'no-such-namespace' },
      spec: { predictor: { model: { modelFormat: { name: 'sklearn' }, storageUri: 's3://m/1' } } },
    },
    'apiserver/namespace-not-found',
    /namespace "no-such-namespace" does not exist/,
  ],
  [
    'a kind no CRD defines',
    { apiVersion: 'example.invalid/v1', kind: 'Model', metadata: { name: 'x', namespace: NS } },
    'apiserver/unknown-kind',
    /does not serve Model in example\.invalid\/v1/,
  ],
  [
    'a Role rule without verbs (built-in validation)',
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'no-verbs', namespace: NS },
      rules: [{ apiGroups: [''], resources: ['pods'] }],
    },
    'apiserver/invalid',
    /^rules\[0\]\.verbs: Required value/,
  ],
];

describe('negative controls: the API server rejects broken objects, and the apply test would see it', () => {
  it.each(CONTROLS)('GIVEN %s WHEN dry-run applied THEN it is rejected', async (_name, object, rule, message) => {
    await ensureNamespace(kc, NS);
    const result = await applySet(kc, doc(object));
    expect(result.applied).toBe(0);
    expect(result.rejected).toHaveLength(1);
    const findings = result.rejected[0]?.findings ?? [];
    expect(findings.map((f) => f.rule)).toContain(rule);
    expect(findings.map((f) => `${f.path}: ${f.message}`).join('\n')).toMatch(message);
  });

  it('GIVEN one broken object among good ones WHEN the set is applied THEN nothing is applied', async () => {
    await ensureNamespace(kc, NS);
    const good = {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'good-but-not-applied', namespace: NS },
    };
    const result = await applySet(kc, [...doc(good), ...doc(CONTROLS[0]?.[1])]);
    expect(result.rejected).toHaveLength(1);
    expect(result.applied).toBe(0);
  });

  it('GIVEN a value the server normalizes WHEN applied THEN the read-back shows it as drift', async () => {
    await ensureNamespace(kc, NS);
    const result = await applySet(
      kc,
      doc({
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'normalized', namespace: NS },
        spec: { hard: { cpu: '0.5', memory: '1024Mi' } },
      }),
    );
    expect(result.rejected).toEqual([]);
    expect(result.drift.map((d) => [d.path, d.ours, d.live])).toEqual([
      ['spec.hard.cpu', '0.5', '500m'],
      ['spec.hard.memory', '1024Mi', '1Gi'],
    ]);
  });
});
