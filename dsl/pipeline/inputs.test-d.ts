import { test } from 'vitest';
import { component, cron, kserve, param, schedule, pipeline } from '../index.ts';

/**
 * The mistakes of the DSL-inputs review that TypeScript already catches at compile time; the
 * runtime checks (DslErrors) are for JavaScript callers, casts and computed values.
 */
const base = { image: 'ghcr.io/acme/x:1.0.0', command: ['true'] } as const;

test('an env object without from does not compile', () => {
  // @ts-expect-error: an env source needs from: 'secret' | 'configMap' | 'field' (use secretKey()).
  component('a', { ...base, env: { X: { name: 'mlflow', key: 'token' } } });
});

test('a default of the wrong type does not compile, for every param kind', () => {
  // @ts-expect-error: an int port takes a number default
  param.int().default('three');
  // @ts-expect-error: a float port takes a number default
  param.float().default('0.1');
  // @ts-expect-error: a bool port takes a boolean default
  param.bool().default('true');
  // @ts-expect-error: a string port takes a string default
  param.string().default(3);
  const split = param.string().enum(['train', 'test'] as const);
  // @ts-expect-error: an enum port takes one of its values
  split.default('dev');
});

test('a weekday that is not a name does not compile', () => {
  // @ts-expect-error: day is 'sun' | 'mon' | ... | 'sat'
  cron.weekly({ day: 8, hour: 3 });
});

test('pod options outside their enums do not compile', () => {
  // @ts-expect-error: imagePullPolicy is 'Always' | 'IfNotPresent' | 'Never'
  component('a', { ...base, imagePullPolicy: 'Sometimes' });
  // @ts-expect-error: a taint effect is 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'
  component('a', { ...base, tolerations: [{ key: 'gpu', effect: 'Sometimes' }] });
  // @ts-expect-error: kserve() has no option "framework" (the format goes in format)
  kserve({ format: 'xgboost', storageUri: 's3://m/v1', framework: 'xgboost' });
});

test('a misspelt schedule option does not compile', () => {
  const p = pipeline('p', {}, (b) => void b.task('t', component('t', base)));
  // @ts-expect-error: the option is timezone
  schedule(p, { cron: '0 1 * * *', timeZone: 'UTC' });
});
