import { describe, expect, it } from 'vitest';
import type { ParamPortIR } from '../../dsl/ir/index.ts';
import { encodeArgs, parseCliParams } from './args.ts';
import { ClientError } from './errors.ts';

const port = (name: string, type: ParamPortIR['type'], extra: Partial<ParamPortIR> = {}): ParamPortIR => ({
  kind: 'param',
  name,
  type,
  optional: false,
  ...extra,
});
const PARAMS: ParamPortIR[] = [
  port('snapshotDate', 'string', { description: 'Day of the snapshot.' }),
  port('learningRate', 'float', { default: 0.05 }),
  port('trees', 'int', { default: 200 }),
  port('dryRun', 'bool', { default: false }),
  port('split', 'string', { enum: ['train', 'test'], default: 'train' }),
  port('features', 'json', { jsonShape: 'list', default: [] }),
];

const failure = (fn: () => unknown): ClientError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ClientError) return e;
    throw e;
  }
  throw new Error('expected a ClientError');
};

describe('encodeArgs', () => {
  it('GIVEN typed values THEN they become Argo parameters (strings, JSON for json) and omitted ones keep their default', () => {
    expect(
      encodeArgs('training', PARAMS, { snapshotDate: '2026-12-01', trees: 10, dryRun: true, features: ['a', 'b'] }),
    ).toEqual([
      { name: 'snapshotDate', value: '2026-12-01' },
      { name: 'trees', value: '10' },
      { name: 'dryRun', value: 'true' },
      { name: 'features', value: '["a","b"]' },
    ]);
  });

  it('GIVEN a missing, an unknown and a mistyped argument THEN all are reported at once, naming each parameter', () => {
    const e = failure(() => encodeArgs('training', PARAMS, { learningRte: 0.1, trees: 1.5, split: 'validation' }));
    expect(e.reason).toBe('invalid-args');
    expect(e.message).toContain('4 problems with the arguments; nothing was submitted');
    expect(e.message).toContain(
      'learningRte: pipeline "training" has no parameter "learningRte" (got 0.1). Did you mean "learningRate"?',
    );
    expect(e.message).toContain(
      'snapshotDate: required parameter of pipeline "training" is missing (got nothing). Pass snapshotDate=<string> (Day of the snapshot)',
    );
    expect(e.message).toContain('trees: expected an int (got 1.5). Pass an int');
    expect(e.message).toContain('split: not one of the allowed values (got "validation"). Pass one of "train", "test"');
  });

  it('GIVEN a misspelt required parameter THEN it is one problem, not also a missing one', () => {
    expect(failure(() => encodeArgs('training', PARAMS, { snapshotDat: 'x' })).message).toBe(
      'snapshotDat: pipeline "training" has no parameter "snapshotDat" (got "x"). Did you mean "snapshotDate"? (nothing was submitted)',
    );
  });

  it('GIVEN a json list parameter and an object THEN the shape is checked', () => {
    expect(failure(() => encodeArgs('t', PARAMS, { snapshotDate: 'x', features: { a: 1 } })).message).toMatch(
      /^features: expected a JSON list \(got \{"a":1\}\)/,
    );
  });
});

describe('parseCliParams', () => {
  it('GIVEN -p name=value pairs THEN values are parsed by the parameter type', () => {
    expect(
      parseCliParams('training', PARAMS, [
        'snapshotDate=2026-12-01',
        'learningRate=0.1',
        'trees=7',
        'dryRun=true',
        'features=["x"]',
        'other=a=b',
      ]),
    ).toEqual({ snapshotDate: '2026-12-01', learningRate: 0.1, trees: 7, dryRun: true, features: ['x'], other: 'a=b' });
  });

  it('GIVEN values that do not parse as their type THEN each is named with what to pass', () => {
    const e = failure(() => parseCliParams('training', PARAMS, ['trees=many', 'dryRun=yes', 'novalue']));
    expect(e.message).toContain('trees: pipeline "training" takes an int here (got "many"). Pass -p trees=<int>');
    expect(e.message).toContain('dryRun: pipeline "training" takes a bool here (got "yes")');
    expect(e.message).toContain('-p novalue: expected name=value (got "novalue")');
  });

  it('GIVEN an unknown name THEN encodeArgs names it after parsing', () => {
    const values = parseCliParams('training', PARAMS, ['snapshotDate=x', 'learnRate=0.2']);
    expect(failure(() => encodeArgs('training', PARAMS, values)).message).toMatch(
      /^learnRate: pipeline "training" has no parameter "learnRate" \(got "0.2"\)/,
    );
  });
});
