import { describe, expect, it } from 'vitest';
import { days, hours, minutes, seconds, toSeconds } from './duration.ts';
import { formatDslError } from '../errors.ts';
import { quantity } from './quantity.ts';

describe('quantities', () => {
  it.each([
    [0.5, 'cpu', '500m'],
    [2, 'cpu', '2'],
    ['250m', 'cpu', '250m'],
    ['16Gi', 'bytes', '16Gi'],
    ['1e3', 'bytes', '1e3'],
    [1024, 'bytes', '1024'],
  ] as const)('GIVEN %j (%s) THEN it is the string %j', (input, unit, expected) =>
    expect(quantity(input, [], unit)).toBe(expected),
  );
  it.each([['-1'], ['1.5.2'], ['2GB'], [''], [Number.NaN], [0.0001]])('GIVEN %j THEN it is rejected', (input) => {
    expect(() => quantity(input, ['resources', 'cpu'], 'cpu')).toThrow(/resources > cpu: /);
  });
});

describe('durations', () => {
  it('GIVEN the helpers THEN they are Go durations', () => {
    expect([seconds(30), minutes(10), hours(2), days(7)]).toEqual(['30s', '10m', '2h', '168h']);
  });
  it.each([
    ['1h30m', 5400],
    ['90s', 90],
    [600, 600],
    ['500ms', 1],
  ] as const)('GIVEN %j THEN it is %d seconds', (d, s) => expect(toSeconds(d, [])).toBe(s));
  it.each([['1d'], ['soon'], [0], [-5], ['']])('GIVEN %j THEN it is rejected', (d) =>
    expect(() => toSeconds(d, ['timeout'])).toThrow(/timeout: /),
  );
});

describe('error format', () => {
  it('GIVEN parts THEN renders <path>: <problem> (got <value>). <fix>.', () => {
    expect(formatDslError({ path: ['pipeline "a"', 'task "b"'], problem: 'bad', got: 3, fix: 'Do better' })).toBe(
      'pipeline "a" > task "b": bad (got 3). Do better.',
    );
    expect(formatDslError({ path: [], problem: 'bad' })).toBe('(project): bad.');
  });
});
