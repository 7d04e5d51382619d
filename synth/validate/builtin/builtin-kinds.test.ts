import { describe, expect, it } from 'vitest';
import { validateBuiltinKind } from './builtin-kinds.ts';

const role = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'Role',
  metadata: { name: 'x', namespace: 'ml' },
  rules: [{ apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['create'] }],
};
const deployment = (container: Record<string, unknown>, pod: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd', namespace: 'ml', labels: { app: 'd' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'd' } },
    template: { metadata: { labels: { app: 'd' } }, spec: { containers: [container], ...pod } },
  },
});
const container = {
  name: 'main',
  image: 'ghcr.io/x/app:1.2.3',
  ports: [{ containerPort: 8080, name: 'http' }],
  env: [{ name: 'A', value: '1' }],
  resources: { requests: { cpu: 1, memory: '1Gi' } },
};
const messages = (o: unknown): string[] | undefined =>
  validateBuiltinKind(o as { apiVersion: string })?.map((f) => `${f.path} ${f.message}`);

describe('built-in kind validation', () => {
  it('GIVEN a valid Role WHEN validated THEN there are no findings', () => {
    expect(validateBuiltinKind(role)).toEqual([]);
  });

  it('GIVEN a misspelt field WHEN validated THEN it is reported where it is', () => {
    expect(messages({ ...role, rules: [{ apiGroups: [''], resources: ['pods'], verb: ['get'] }] })).toEqual([
      "/rules/0 must have required property 'verbs'",
      '/rules/0 unknown field "verb"',
    ]);
  });

  it('GIVEN a ServiceAccount subject without namespace WHEN validated THEN the binding is rejected', () => {
    const binding = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'x' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'x' },
      subjects: [{ kind: 'ServiceAccount', name: 'x' }],
    };
    expect(validateBuiltinKind(binding)).toEqual([
      { path: '/subjects', message: 'ServiceAccount subjects need a namespace' },
    ]);
    expect(
      validateBuiltinKind({ ...binding, subjects: [{ kind: 'ServiceAccount', name: 'x', namespace: 'ml' }] }),
    ).toEqual([]);
  });

  it('GIVEN Services WHEN validated THEN a port list is required except for ExternalName, and unknown fields are reported', () => {
    const svc = (spec: Record<string, unknown>) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'ranker', namespace: 'ml' },
      spec,
    });
    expect(
      validateBuiltinKind(
        svc({ type: 'ClusterIP', selector: { app: 'r' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] }),
      ),
    ).toEqual([]);
    expect(
      validateBuiltinKind(svc({ type: 'ExternalName', externalName: 'r-v2-predictor.ml.svc.cluster.local' })),
    ).toEqual([]);
    expect(messages(svc({ type: 'ClusterIP', selector: { app: 'r' } }))).toEqual([
      '/spec ExternalName Services need externalName; other Services need ports',
    ]);
    expect(messages(svc({ ports: [{ port: 80, targetPrt: 8080 }] }))).toEqual([
      '/spec/ports/0 unknown field "targetPrt"',
    ]);
    expect(messages(svc({ type: 'Cluster', ports: [{ port: 80 }] }))?.[0]).toMatch(/^\/spec\/type Invalid option/);
  });

  it('GIVEN a valid Deployment WHEN validated THEN it passes, with quantities written as numbers', () => {
    expect(validateBuiltinKind(deployment(container))).toEqual([]);
  });

  it.each([
    [
      'an unknown container field',
      { ...container, imagePullPolicyy: 'Always' },
      '/spec/template/spec/containers/0 unknown field "imagePullPolicyy"',
    ],
    [
      'an env value that is a number',
      { ...container, env: [{ name: 'A', value: 1 }] },
      '/spec/template/spec/containers/0/env/0/value must be string (got number)',
    ],
    [
      'a fractional port',
      { ...container, ports: [{ containerPort: 80.5 }] },
      '/spec/template/spec/containers/0/ports/0/containerPort must be integer (got 80.5)',
    ],
    [
      'a container without image',
      { name: 'main' },
      '/spec/template/spec/containers/0/image a container needs an image',
    ],
    [
      'a container without name',
      { image: 'a:1' },
      "/spec/template/spec/containers/0 must have required property 'name'",
    ],
  ])('GIVEN a Deployment with %s WHEN validated THEN it is reported', (_what, c, expected) => {
    expect(messages(deployment(c))).toContain(expected);
  });

  it('GIVEN a Deployment without selector WHEN validated THEN the required field is named', () => {
    const { selector: _s, ...spec } = deployment(container).spec;
    expect(messages({ ...deployment(container), spec })).toEqual(["/spec must have required property 'selector'"]);
  });

  it('GIVEN a Job whose pod restarts Always WHEN validated THEN it is rejected; Never passes', () => {
    const job = (restartPolicy?: string) => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: { template: { spec: { containers: [container], ...(restartPolicy ? { restartPolicy } : {}) } } },
    });
    expect(validateBuiltinKind(job('Never'))).toEqual([]);
    expect(messages(job())).toEqual([
      '/spec/template/spec/restartPolicy a Job pod needs restartPolicy OnFailure or Never',
    ]);
  });

  it('GIVEN a ConfigMap WHEN its data holds a non-string THEN it is reported; strings pass', () => {
    const cm = (data: unknown) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data });
    expect(validateBuiltinKind(cm({ a: 'b' }))).toEqual([]);
    expect(messages(cm({ port: 8080 }))).toEqual(['/data/port must be string (got number)']);
  });

  it('GIVEN kubectl output with null timestamps and status WHEN validated THEN it passes', () => {
    expect(
      validateBuiltinKind({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 's', creationTimestamp: null, uid: 'x' },
      }),
    ).toEqual([]);
  });

  it('GIVEN a kind it does not know WHEN validated THEN it says so with undefined', () => {
    expect(validateBuiltinKind({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow' })).toBeUndefined();
    expect(validateBuiltinKind({ apiVersion: 'v1', kind: 'NoSuchKind' })).toBeUndefined();
  });
});
