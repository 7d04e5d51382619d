import { describe, expect, it } from 'vitest';
import { component } from './component.ts';
import { days } from '../common/duration.ts';

const withPolicy = (opts: object) => () =>
  component('app', { image: 'ghcr.io/acme/x:1.0.0', command: ['true'], ...(opts as object) });

describe('retry and cache given the wrong shape', () => {
  it.each([
    [
      'retry: null',
      { retry: null },
      'component "app" > retry: retry must be a number of retries or an object (got null)',
    ],
    [
      'retry as a string',
      { retry: '3' },
      'component "app" > retry: retry must be a number of retries or an object (got "3")',
    ],
    [
      'a backoff that is a number',
      { retry: { limit: 2, backoff: 30 } },
      'component "app" > retry > backoff: backoff must be an object (got 30)',
    ],
    [
      'cache as a string',
      { cache: 'yes' },
      'component "app" > cache: cache must be true, false or an object (got "yes")',
    ],
    ['cache: null', { cache: null }, 'component "app" > cache: cache must be true, false or an object (got null)'],
    [
      'a cache key that is a list',
      { cache: { key: ['date'] } },
      'component "app" > cache > key: cache key must be a function of the io placeholders (got ["date"])',
    ],
  ])('GIVEN %s WHEN the component builds THEN a DslError, not a crash or a silent default', (_name, opts, message) => {
    expect(withPolicy(opts)).toThrow(message);
  });

  it('GIVEN the documented shapes WHEN the component builds THEN they reach the IR', () => {
    const c = withPolicy({ retry: { limit: 2, backoff: { duration: 30, factor: 2 } }, cache: { maxAge: days(1) } })();
    expect(c.ir.retry).toEqual({ limit: 2, policy: 'OnFailure', backoff: { duration: '30s', factor: 2 } });
    expect(c.ir.cache).toEqual({ enabled: true, maxAge: '24h', keyParts: [] });
  });
});
