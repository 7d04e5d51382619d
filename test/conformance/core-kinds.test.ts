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

  it('GIVEN a kind it does not know WHEN validated THEN it says so with undefined', () => {
    expect(validateCoreKind({ apiVersion: 'v1', kind: 'ConfigMap' })).toBeUndefined();
  });
});
