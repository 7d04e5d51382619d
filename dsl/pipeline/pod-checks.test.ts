import { describe, expect, it } from 'vitest';
import { pipeline } from './pipeline.ts';

describe('pipeline pod options', () => {
  const build = (opts: object) => () => pipeline('p', opts as never, () => undefined);

  it('GIVEN a bad label or toleration on a pipeline WHEN it is defined THEN the pipeline and field are named', () => {
    expect(build({ podLabels: { team: 'data science' } })).toThrow(
      'pipeline "p" > podLabels > label "team": label value must be at most 63 letters',
    );
    expect(build({ nodeSelector: { 'bad key': 'x' } })).toThrow('pipeline "p" > nodeSelector > label "bad key"');
    expect(build({ tolerations: [{ key: 'gpu', effect: 'Never' }] })).toThrow(
      'pipeline "p" > tolerations > [0] > effect: unknown taint effect (got "Never")',
    );
  });
});

describe('pipeline pod GC', () => {
  it('GIVEN an unknown podGC strategy WHEN the pipeline is defined THEN the strategies are listed', () => {
    expect(() => pipeline('p', { podGC: 'Sometimes' } as never, () => undefined)).toThrow(
      'pipeline "p" > podGC: unknown pod GC strategy (got "Sometimes"). Use one of "OnPodCompletion", "OnPodSuccess", "OnWorkflowCompletion", "OnWorkflowSuccess".',
    );
  });
});
