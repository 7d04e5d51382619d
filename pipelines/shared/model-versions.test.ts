import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { environment } from 'argosy';
import { modelVersions, parseVersions, servingVersion, VERSIONS_FILE } from './model-versions.ts';

const text = readFileSync(VERSIONS_FILE, 'utf8');
const entry = (version: string) => ({
  version,
  storageUri: `s3://b/${version}/model`,
  registryUri: `models:/m/${version}`,
  run: 'r',
});
/** What promote.py's render() writes: sorted keys, two-space indent, trailing newline. */
const canonical = (v: unknown): string =>
  `${JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x), 2)}\n`;

describe('pipelines/model-versions.json', () => {
  it('GIVEN the committed file THEN it parses and is in the canonical form promote.py writes (so promotions diff one entry)', () => {
    expect(text).toBe(canonical(parseVersions(text)));
  });

  it.each(['staging', 'production'])(
    'GIVEN %s THEN every deployed or batch-scored model has a serving version',
    (name) => {
      const env = environment(name);
      for (const model of [
        'ctr-categories',
        'discount-optimizer',
        'notification-selection',
        'product-ranker',
        'search-index',
      ]) {
        expect(modelVersions(env, model).serving.version, model).toMatch(/^[0-9]+$/);
      }
    },
  );

  it('GIVEN a model without an entry WHEN read THEN the error says how a version gets recorded', () => {
    expect(() => modelVersions(environment('production'), 'churn', {})).toThrow(
      /pipelines\/model-versions.json > production > churn: no version of the model is recorded for this environment \(got \[\]\)\. Run the model's training pipeline in production/,
    );
  });

  it('GIVEN a champion lookup before the first promotion THEN it is empty, so the gate only asks for the floor score', () => {
    expect(servingVersion(environment('production'), 'churn', {})).toBe('');
    expect(servingVersion(environment('production'), 'churn', { production: { churn: { serving: entry('3') } } })).toBe(
      '3',
    );
  });

  it.each([
    ['{', /pipelines\/model-versions.json: not valid JSON/],
    [
      '{"production": {"m": {"serving": {"version": "v3", "storageUri": "s3://b/m", "registryUri": "models:/m/3", "run": "r"}}}}',
      /production > m > serving > version: an MLflow model version number/,
    ],
    [
      '{"production": {"m": {"serving": {"version": "3", "storageUri": "/local/m", "registryUri": "models:/m/3", "run": "r"}}}}',
      /production > m > serving > storageUri: an object-store URI/,
    ],
    [
      '{"production": {"m": {"serving": {"version": "3", "storageUri": "s3://b/m", "registryUri": "models:/m/3", "run": "r"}, "canddate": {}}}}',
      /production > m: .*canddate/,
    ],
  ])('GIVEN a broken file %# WHEN parsed THEN the DslError names the place', (broken, message) => {
    expect(() => parseVersions(broken)).toThrow(message);
  });
});
