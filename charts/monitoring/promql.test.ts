import { describe, expect, it } from 'vitest';
import { alertPrefix, promDuration, promNumber, selector } from './promql.ts';

describe('PromQL helpers', () => {
  it('GIVEN seconds WHEN formatted THEN the largest units come first and zero units are left out', () => {
    expect(promDuration(7 * 86_400 + 3600)).toBe('7d1h');
    expect(promDuration(90)).toBe('1m30s');
    expect(promDuration(300)).toBe('5m');
    expect(promDuration(0)).toBe('0s');
  });

  it('GIVEN label values with quotes WHEN a selector is built THEN they are escaped', () => {
    expect(selector({ name: 'a"b', code: ['=~', '5..'] })).toBe('{name="a\\"b",code=~"5.."}');
  });

  it('GIVEN a kebab-case name WHEN turned into an alert prefix THEN it is CamelCase', () => {
    expect(alertPrefix('ctr-categories')).toBe('CtrCategories');
  });

  it('GIVEN float noise WHEN a number is rendered THEN it is trimmed', () => {
    expect(promNumber(0.1 + 0.2)).toBe('0.3');
    expect(promNumber(250)).toBe('250');
  });
});
