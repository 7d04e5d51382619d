import { describe, expectTypeOf, it } from 'vitest';
import { steps, template, type TemplateRefCallable } from '../../dsl/argo/index.ts';
import { dataLibrary, notify, type DataLibraryTrainLevel } from '../../test/fixtures/stubs/library.ts';

describe('argosy stubs: typed references to templates you do not own', () => {
  it('GIVEN a stub WHEN its templates are called THEN required inputs, unknown inputs and misspelt outputs are tsc errors', () => {
    template('use', {
      steps: steps((s) => {
        const train = s.step('train', dataLibrary.templates.train, {
          arguments: { parameters: { dataset: 'iris' }, artifacts: { config: { raw: { data: 'x' } } } },
        });
        s.step('train-debug', dataLibrary.templates.train, {
          arguments: { parameters: { dataset: 'iris', level: 'debug' }, artifacts: { config: { raw: { data: 'x' } } } },
        });
        s.step('no-dataset', dataLibrary.templates.train, {
          // @ts-expect-error the required input "dataset" is missing
          arguments: { artifacts: { config: { raw: { data: 'x' } } } },
        });
        s.step('typo', dataLibrary.templates.train, {
          // @ts-expect-error "datset" is not an input of train
          arguments: { parameters: { datset: 'iris' }, artifacts: { config: { raw: { data: 'x' } } } },
        });
        s.step('notify', notify.templates.slack, {
          arguments: { parameters: { text: train.outputs.parameters.accuracy } },
        });
        s.step('notify-typo', notify.templates.slack, {
          // @ts-expect-error "acuracy" is not an output of train
          arguments: { parameters: { text: train.outputs.parameters.acuracy } },
        });
        // A defaulted input may be left out.
        s.step('notify-default', notify.templates.slack);
      }),
    });
  });

  it('GIVEN an enum input WHEN stubbed THEN its values are a literal union and the source is recorded', () => {
    expectTypeOf<DataLibraryTrainLevel>().toEqualTypeOf<'info' | 'debug'>();
    expectTypeOf(dataLibrary.templates.train).toExtend<TemplateRefCallable<unknown, unknown>>();
    expectTypeOf(dataLibrary.source.hash).toBeString();
    expectTypeOf(dataLibrary.entrypoint).toBeString();
  });
});
