import { describe, expect, it } from 'vitest';
import { kserve as kserveSpec } from './serving-kserve.ts';
import { orThrow } from './deferred.ts';
import { KSERVE_BUILT_IN_FORMATS } from './kserve-formats.ts';

const kserve = ((opts: never) => orThrow(kserveSpec(opts))) as typeof kserveSpec;
const uri = { storageUri: 's3://models/m/v1' } as const;

describe('kserve() model formats', () => {
  it.each(KSERVE_BUILT_IN_FORMATS.map((f) => [f]))(
    'GIVEN the built-in format %s WHEN built THEN it reaches the IR',
    (format) => {
      expect(kserve({ ...uri, format }).ir.format).toEqual({ name: format });
    },
  );

  it('GIVEN an unknown format and no runtime WHEN built THEN a DslError lists the formats and the runtime option', () => {
    expect(() => kserve({ ...uri, format: 'pickle' })).toThrow(
      'kserve() > format: no built-in KServe serving runtime supports this model format (got "pickle"). Use one of autogluon, catboost, huggingface, lightgbm, mlflow, onnx, paddle, pmml, pytorch, sklearn, tensorflow, tensorrt, triton, xgboost, or name the ServingRuntime that serves it with runtime: "<name>".',
    );
  });

  it.each([
    ['sklean', 'sklearn'],
    ['XGBoost', 'xgboost'],
    ['{ name: "tensorflw" }', 'tensorflow'],
  ])('GIVEN the slip %s WHEN built THEN the intended format is suggested', (slip, meant) => {
    const format = slip.startsWith('{') ? { name: slip.slice(10, -3) } : slip;
    expect(() => kserve({ ...uri, format })).toThrow(`Did you mean "${meant}"?`);
  });

  it('GIVEN a custom format served by a named runtime WHEN built THEN it is accepted as that runtime declares it', () => {
    const k = kserve({ ...uri, format: 'ivf-index', runtime: 'retriever' }).ir;
    expect([k.format, k.runtime]).toEqual([{ name: 'ivf-index' }, 'retriever']);
  });
});
