import { describe, expect, it } from 'vitest';
import { component } from './component.ts';
import { configMapKey, fieldRef, secretKey, type EnvValue } from './pod-spec.ts';

const withEnv = (env: Record<string, unknown>) =>
  component('app', { image: 'ghcr.io/acme/x:1.0.0', command: ['true'], env: env as Record<string, EnvValue> });

describe('environment variables from a source', () => {
  it('GIVEN the helpers with valid names WHEN the component builds THEN the references reach the IR', () => {
    const c = withEnv({
      TOKEN: secretKey('mlflow.credentials', 'token'),
      URL: configMapKey('warehouse', 'api_url.v2', { optional: true }),
      POD: fieldRef('metadata.name'),
      RUN: fieldRef("metadata.annotations['pipelines.kubeflow.org/run_name']"),
    });
    expect(c.ir.pod.env).toEqual([
      { name: 'TOKEN', secretKeyRef: { name: 'mlflow.credentials', key: 'token' } },
      { name: 'URL', configMapKeyRef: { name: 'warehouse', key: 'api_url.v2', optional: true } },
      { name: 'POD', fieldRef: { fieldPath: 'metadata.name' } },
      { name: 'RUN', fieldRef: { fieldPath: "metadata.annotations['pipelines.kubeflow.org/run_name']" } },
    ]);
  });

  it.each([
    [
      'an object without from',
      { name: 'mlflow', key: 'token' },
      'component "app" > env "X": an environment variable needs a value, or a source with from: "secret", "configMap" or "field" (got {"name":"mlflow","key":"token"})',
    ],
    [
      'an unknown from',
      { from: 'vault', name: 'mlflow', key: 'token' },
      'component "app" > env "X": an environment variable needs a value, or a source with from:',
    ],
    ['an empty object', {}, '(got {})'],
    ['null', null, '(got null)'],
    ['undefined', undefined, '(got undefined)'],
    [
      'secretKey with an empty name',
      secretKey('', 'token'),
      'component "app" > env "X" > name: Secret name must be a non-empty string (got "")',
    ],
    [
      'secretKey with an empty key',
      secretKey('mlflow', ''),
      'component "app" > env "X" > key: not a valid Secret key (got "")',
    ],
    [
      'secretKey with a capitalised name',
      secretKey('MLflow', 'token'),
      'component "app" > env "X" > name: Secret name is not a valid DNS-1123 subdomain (got "MLflow")',
    ],
    [
      'secretKey with a slash in the key',
      secretKey('mlflow', 'a/b'),
      'component "app" > env "X" > key: not a valid Secret key (got "a/b")',
    ],
    [
      'configMapKey with an empty name',
      configMapKey('', 'url'),
      'component "app" > env "X" > name: ConfigMap name must be a non-empty string (got "")',
    ],
    [
      'configMapKey with a key of ".."',
      configMapKey('cfg', '..'),
      'component "app" > env "X" > key: not a valid ConfigMap key (got "..")',
    ],
    [
      'optional that is not a boolean',
      { ...secretKey('s', 'k'), optional: 'yes' },
      'component "app" > env "X" > optional: optional must be true or false (got "yes")',
    ],
    [
      'fieldRef to an unknown field',
      fieldRef('metadata.labels'),
      'component "app" > env "X" > fieldPath: not a pod field an environment variable can read (got "metadata.labels")',
    ],
    [
      'fieldRef with an empty path',
      fieldRef(''),
      '> fieldPath: not a pod field an environment variable can read (got "")',
    ],
  ])('GIVEN %s WHEN the component builds THEN a DslError names the variable and field', (_name, value, message) => {
    expect(() => withEnv({ X: value })).toThrow(message);
  });
});
