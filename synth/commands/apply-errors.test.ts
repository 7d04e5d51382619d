import { describe, expect, it } from 'vitest';
import { explainRejection, type Rejection } from './apply-errors.ts';

const base: Omit<Rejection, 'status' | 'body'> = {
  verb: 'patch',
  resource: 'workflowtemplates.argoproj.io',
  namespace: 'ml',
  server: 'https://k8s.example:6443',
};

describe("the API server's rejections as findings", () => {
  it('GIVEN a 422 with causes THEN one finding per cause, at its field', () => {
    const body = {
      reason: 'Invalid',
      message: 'WorkflowTemplate.argoproj.io "x" is invalid: [...]',
      details: {
        kind: 'WorkflowTemplate',
        causes: [
          { field: 'spec.templates', message: 'Invalid value: "string": spec.templates in body must be of type array' },
          { field: '.spec.x', reason: 'FieldValueRequired' },
        ],
      },
    };
    expect(explainRejection({ ...base, status: 422, body })).toEqual([
      {
        rule: 'invalid',
        path: 'spec.templates',
        message:
          'Invalid value: "string": spec.templates in body must be of type array (got 422 Invalid from the API server). Change it to what the WorkflowTemplate schema allows',
      },
      {
        rule: 'invalid',
        path: 'spec.x',
        message:
          'FieldValueRequired (got 422 Invalid from the API server). Change it to what the WorkflowTemplate schema allows',
      },
    ]);
  });

  it('GIVEN a 403 THEN the finding names the user, verb, resource and namespace, and the fix', () => {
    const message =
      'workflowtemplates.argoproj.io "hello" is forbidden: User "system:serviceaccount:ml:ci" cannot patch resource "workflowtemplates" in API group "argoproj.io" in the namespace "ml"';
    const [f] = explainRejection({ ...base, status: 403, body: { reason: 'Forbidden', message } });
    expect(f?.rule).toBe('forbidden');
    expect(f?.message).toBe(
      `user "system:serviceaccount:ml:ci" may not patch workflowtemplates.argoproj.io in namespace "ml" (got 403 Forbidden: ${message}). Grant "patch" on workflowtemplates.argoproj.io in namespace "ml" with a Role and RoleBinding, or use a context with those rights`,
    );
  });

  it('GIVEN strict field validation errors THEN the unknown field is the path', () => {
    for (const message of [
      '.spec.portz: field not declared in schema',
      'failed to create typed patch object (ml/x; /v1, Kind=Service): .spec.portz: field not declared in schema',
      'strict decoding error: unknown field "spec.portz"',
    ])
      expect(explainRejection({ ...base, status: 400, body: { message } })[0]?.path).toBe('spec.portz');
  });

  it('GIVEN a missing namespace, a conflict, or an unexpected answer THEN each says what to do', () => {
    const ns = explainRejection({
      ...base,
      status: 404,
      body: { message: 'namespaces "ml" not found', details: { kind: 'namespaces', name: 'ml' } },
    });
    expect(ns[0]?.message).toMatch(
      /^namespace "ml" does not exist on https:\/\/k8s\.example:6443 \(got 404 NotFound\)\. Create it first/,
    );
    expect(
      explainRejection({ ...base, status: 409, body: { message: 'Apply failed with 1 conflict' } })[0]?.message,
    ).toMatch(/Pass --force-conflicts/);
    expect(explainRejection({ ...base, status: 503, body: '<html>bad gateway</html>' })[0]).toEqual({
      rule: 'rejected',
      path: '',
      message: "<html>bad gateway</html> (got HTTP 503). Check the object and the server's logs",
    });
  });
});

describe('server-side apply type errors (reported by the server as HTTP 500)', () => {
  it('GIVEN one or several typed-patch problems THEN one finding each, at its path', () => {
    const one =
      'failed to create typed patch object (x/r; argoproj.io/v1alpha1, Kind=Rollout): .spec.replicas: expected numeric (int or float), got string';
    expect(explainRejection({ ...base, status: 500, body: { message: one } })).toEqual([
      {
        rule: 'invalid',
        path: 'spec.replicas',
        message:
          "expected numeric (int or float), got string (got the API server's schema check). Change it to the type the schema declares",
      },
    ]);
    const several =
      'failed to create typed patch object (x/bad; argoproj.io/v1alpha1, Kind=WorkflowTemplate): errors:\n  .spec.templates: expected list, got &{map[]}\n  .spec.x-templates: field not declared in schema';
    expect(explainRejection({ ...base, status: 500, body: { message: several } }).map((f) => [f.rule, f.path])).toEqual(
      [
        ['invalid', 'spec.templates'],
        ['unknown-field', 'spec.x-templates'],
      ],
    );
  });

  it('GIVEN any other 500 THEN it is reported as it came', () => {
    expect(
      explainRejection({ ...base, status: 500, body: { message: 'etcdserver: request timed out' } })[0]?.rule,
    ).toBe('rejected');
  });
});
