import { describe, expect, it } from 'vitest';
import { policyFindings } from './policy-layer.ts';
import { imagePinProblem } from './rules.ts';
import { containersOf } from './workloads.ts';

const restricted = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};
const good = {
  name: 'main',
  image: 'ghcr.io/x/app:1.2.3',
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
  securityContext: restricted,
};
const deployment = (container: Record<string, unknown>, pod: Record<string, unknown> = {}): unknown => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd' },
  spec: { template: { spec: { containers: [container], ...pod } } },
});
const rules = (o: unknown): string[] => policyFindings(o, 'error', new Set()).map((f) => `${f.rule} ${f.path}`);

describe('policy rules', () => {
  it('GIVEN a container that follows every rule WHEN checked THEN nothing is reported', () => {
    expect(rules(deployment(good))).toEqual([]);
  });

  it.each([
    [
      'privileged',
      { ...good, securityContext: { ...restricted, privileged: true } },
      'policy/pss-restricted spec.template.spec.containers[0].securityContext.privileged',
    ],
    [
      'privilege escalation',
      { ...good, securityContext: { ...restricted, allowPrivilegeEscalation: true } },
      'policy/pss-restricted spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
    ],
    [
      'capabilities not dropped',
      { ...good, securityContext: { ...restricted, capabilities: {} } },
      'policy/pss-restricted spec.template.spec.containers[0].securityContext.capabilities.drop',
    ],
    [
      'root allowed',
      { ...good, securityContext: { ...restricted, runAsNonRoot: false } },
      'policy/pss-restricted spec.template.spec.containers[0].securityContext.runAsNonRoot',
    ],
    [
      'unconfined seccomp',
      { ...good, securityContext: { ...restricted, seccompProfile: { type: 'Unconfined' } } },
      'policy/pss-restricted spec.template.spec.containers[0].securityContext.seccompProfile.type',
    ],
    [
      'floating image',
      { ...good, image: 'python:latest' },
      'policy/pinned-image spec.template.spec.containers[0].image',
    ],
    [
      'untagged image',
      { ...good, image: 'registry:5000/team/app' },
      'policy/pinned-image spec.template.spec.containers[0].image',
    ],
    [
      'missing requests',
      { ...good, resources: { limits: { memory: '1Gi' } } },
      'policy/resources spec.template.spec.containers[0].resources',
    ],
    [
      'inline secret',
      { ...good, env: [{ name: 'DB_PASSWORD', value: 'hunter2' }] },
      'policy/inline-secret spec.template.spec.containers[0].env[0].value',
    ],
    [
      'inline credential',
      { ...good, env: [{ name: 'CONFIG', value: 'key=AKIAABCDEFGHIJKLMNOP' }] },
      'policy/inline-secret spec.template.spec.containers[0].env[0].value',
    ],
  ])('GIVEN a container with %s WHEN checked THEN exactly that rule fires', (_what, container, expected) => {
    expect(rules(deployment(container))).toEqual([expected]);
  });

  it('GIVEN pod-level problems WHEN checked THEN they are reported once per pod', () => {
    const o = deployment(good, {
      hostNetwork: true,
      volumes: [
        { name: 'h', hostPath: { path: '/' } },
        { name: 'e', emptyDir: {} },
      ],
    });
    expect(rules(o)).toEqual([
      'policy/pss-restricted spec.template.spec.hostNetwork',
      'policy/pss-restricted spec.template.spec.volumes[0]',
    ]);
  });

  it('GIVEN pod-level runAsNonRoot and seccomp WHEN a container omits them THEN the pod settings count', () => {
    const { runAsNonRoot: _n, seccompProfile: _s, ...containerOnly } = restricted;
    expect(
      rules(
        deployment(
          { ...good, securityContext: containerOnly },
          { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } },
        ),
      ),
    ).toEqual([]);
  });

  it('GIVEN secrets taken from a Secret or templated WHEN checked THEN they pass', () => {
    expect(
      rules(
        deployment({
          ...good,
          env: [
            { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
            { name: 'TOKEN', value: '{{inputs.parameters.token}}' },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('GIVEN an Argo WorkflowTemplate WHEN checked THEN templateDefaults and the workflow securityContext apply to every template', () => {
    const wft = {
      kind: 'WorkflowTemplate',
      metadata: { name: 'w' },
      spec: {
        securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
        templateDefaults: {
          container: {
            resources: good.resources,
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
          },
        },
        templates: [
          { name: 'a', container: { image: 'alpine:3.20' } },
          {
            name: 'b',
            script: {
              image: 'python:3.12',
              source: 'print(1)',
              securityContext: restricted,
              resources: good.resources,
            },
          },
        ],
      },
    };
    expect(containersOf(wft).map((s) => s.path)).toEqual(['spec.templates[0].container', 'spec.templates[1].script']);
    expect(rules(wft)).toEqual([]);
  });

  it('GIVEN an InferenceService with a canary entry WHEN checked THEN the canary predictor is checked like the stable one', () => {
    const model = (storageUri: string, extra: Record<string, unknown> = {}) => ({
      modelFormat: { name: 'xgboost' },
      storageUri,
      securityContext: restricted,
      ...extra,
    });
    const pod = { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } };
    const isvc = {
      apiVersion: 'serving.kserve.io/v1beta1',
      kind: 'InferenceService',
      metadata: { name: 'churn' },
      spec: {
        predictor: { ...pod, model: model('s3://m/v1', { resources: good.resources }) },
        canary: [{ trafficPercent: 0, predictor: { ...pod, name: 'v2', model: model('s3://m/v2') } }],
      },
    };
    expect(containersOf(isvc).map((s) => s.path)).toEqual(['spec.predictor.model', 'spec.canary[0].predictor.model']);
    expect(rules(isvc)).toEqual(['policy/resources spec.canary[0].predictor.model.resources']);
  });

  it('GIVEN image references WHEN parsed THEN tags, digests and registry ports are told apart', () => {
    expect(imagePinProblem('ghcr.io/a/b:1.0')).toBeUndefined();
    expect(imagePinProblem('localhost:5000/a/b@sha256:abc')).toBeUndefined();
    expect(imagePinProblem('localhost:5000/a/b')).toContain('no tag');
    expect(imagePinProblem('b:latest')).toContain('latest');
  });
});

describe('inline secrets in env', () => {
  const env = (name: string, value: string): string[] => rules(deployment({ ...good, env: [{ name, value }] }));

  it.each([
    ['PASSWORD_FILE', '/etc/secrets/db-password'],
    ['API_KEY_PATH', '/var/run/secrets/api/key'],
    ['TOKEN_DIR', 'tokens'],
    ['GOOGLE_APPLICATION_CREDENTIALS', '/var/secrets/google/key.json'],
  ])('GIVEN %s=%s (where a mounted secret is) WHEN checked THEN it is not an inline secret', (name, value) => {
    expect(env(name, value)).toEqual([]);
  });

  it.each([
    ['DB_PASSWORD', 'hunter2'],
    ['PASSWORD_FILE', 'AKIAABCDEFGHIJKLMNOP'],
  ])('GIVEN %s=%s WHEN checked THEN it is an inline secret', (name, value) => {
    expect(env(name, value)).toEqual(['policy/inline-secret spec.template.spec.containers[0].env[0].value']);
  });
});
