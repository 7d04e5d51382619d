import { describe, expect, it } from 'vitest';
import { component } from './component.ts';
import { eq } from './conditions.ts';
import { pipeline } from './pipeline.ts';
import { artifact, param } from './ports.ts';

const extract = component('extract', {
  image: 'ghcr.io/acme/extract:1.0.0',
  inputs: { date: param.string() },
  outputs: { table: artifact('Dataset'), rowCount: param.int() },
  command: (io) => ['extract', io.inputs.date, io.outputs.table.path, io.outputs.rowCount.path],
});
const train = component('train', {
  image: 'ghcr.io/acme/train:1.0.0',
  inputs: { dataset: artifact('Dataset'), note: param.string().default('') },
  command: (io) => ['train', io.inputs.dataset.path, io.inputs.note],
});

/** What a JavaScript caller (or a cast) reads for a name the types would reject. */
const loose = (refs: object): Record<string, never> => refs as Record<string, never>;

describe('a misspelt output or parameter name', () => {
  it('GIVEN a misspelt output used as an argument WHEN bound THEN it is reported as a misspelt output with the name meant, not as a missing input', () => {
    expect(() =>
      pipeline('p', {}, (p) => {
        const e = p.task('extract', extract, { date: 'x' });
        p.task('train', train, { dataset: loose(e.outputs).tabel as never });
      }),
    ).toThrow(
      'pipeline "p" > task "train" > input "dataset": task "extract" has no output "tabel" (got extract.outputs.tabel). Did you mean "table"?',
    );
  });

  it('GIVEN a name close to none of the outputs THEN the outputs are listed', () => {
    expect(() =>
      pipeline('p', {}, (p) => {
        const e = p.task('extract', extract, { date: 'x' });
        p.task('train', train, { dataset: loose(e.outputs).model as never });
      }),
    ).toThrow(/task "extract" has no output "model" \(got extract\.outputs\.model\)\. Use one of: table, rowCount\./);
  });

  it('GIVEN a misspelt pipeline parameter THEN it is named with the parameter meant', () => {
    expect(() =>
      pipeline('p', { params: { snapshotDate: param.string() } }, (p, params) => {
        p.task('extract', extract, { date: loose(params).snapshotDat as never });
      }),
    ).toThrow(
      'pipeline "p" > task "extract" > input "date": pipeline "p" has no parameter "snapshotDat" (got params.snapshotDat). Did you mean "snapshotDate"?',
    );
  });

  it('GIVEN a misspelt output in a condition or a template string THEN it is named there too', () => {
    expect(() =>
      pipeline('p', {}, (p) => {
        const e = p.task('extract', extract, { date: 'x' });
        p.when(eq(loose(e.outputs).rowcount as never, 0), () => undefined);
      }),
    ).toThrow(/^condition: task "extract" has no output "rowcount" .*Did you mean "rowCount"\?/);
    expect(() =>
      pipeline('p', {}, (p) => {
        const e = p.task('extract', extract, { date: 'x' });
        p.task('train', train, { dataset: e.outputs.table, note: `rows: ${loose(e.outputs).rowCont}` });
      }),
    ).toThrow(
      /task "extract" > extract\.outputs\.rowCont: task "extract" has no output "rowCont".*Did you mean "rowCount"\?/,
    );
  });

  it('GIVEN the outputs of a task THEN they still behave as a plain object of references', () => {
    pipeline('p', {}, (p) => {
      const e = p.task('extract', extract, { date: 'x' });
      expect(Object.keys(e.outputs)).toEqual(['table', 'rowCount']);
      expect('tabel' in e.outputs).toBe(false);
      expect((e.outputs as unknown as { then?: unknown }).then).toBeUndefined();
    });
  });
});
