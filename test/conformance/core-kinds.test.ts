import { describe, expect, it } from 'vitest';
import { validateCoreKind } from './core-kinds.ts';

const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'x', namespace: 'ml' }, rules: [{ apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['create'] }] };

describe('core kind validation', () => {
  it('GIVEN a valid Role WHEN validated THEN there are no findings', () => {
    expect(validateCoreKind(role)).toEqual([]);
  });

  it('GIVEN a misspelt field WHEN validated THEN it is reported where it is', () => {
    const misspelt = { ...role, rules: [{ ...role.rules[0], verb: ['get'] }] };
    const findings = validateCoreKind(misspelt);
    expect(findings?.map((f) => f.path)).toContain('/rules/0');
  });

  it('GIVEN a ServiceAccount subject without namespace WHEN validated THEN the binding is rejected', () => {
    const binding = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'x' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'x' }, subjects: [{ kind: 'ServiceAccount', name: 'x' }] };
    expect(validateCoreKind(binding as { apiVersion: string; kind: string })).toEqual([{ path: '/subjects', message: 'ServiceAccount subjects need a namespace' }]);
  });

  it('GIVEN Services WHEN validated THEN a port list is required except for ExternalName, and unknown fields are reported', () => {
    const svc = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ranker', namespace: 'ml' }, spec });
    expect(validateCoreKind(svc({ type: 'ClusterIP', selector: { app: 'r' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] }))).toEqual([]);
    expect(validateCoreKind(svc({ type: 'ExternalName', externalName: 'r-v2-predictor.ml.svc.cluster.local' }))).toEqual([]);
    expect(validateCoreKind(svc({ type: 'ClusterIP', selector: { app: 'r' } }))?.map((f) => f.message)).toEqual(['ExternalName Services need externalName; other Services need ports']);
    expect(validateCoreKind(svc({ ports: [{ port: 80, targetPrt: 8080 }] }))?.map((f) => f.path)).toEqual(['/spec/ports/0']);
  });

  it('GIVEN a kind it does not know WHEN validated THEN it says so with undefined', () => {
    expect(validateCoreKind({ apiVersion: 'v1', kind: 'ConfigMap' })).toBeUndefined();
  });
});
