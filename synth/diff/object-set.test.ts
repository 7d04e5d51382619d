import { describe, expect, it } from 'vitest';
import { objectSet } from './object-set.ts';
import { diffTrees } from './tree-diff.ts';

// KFP pipeline specs have no kind and no metadata.name.
const spec = (pipeline: string, image: string): unknown => ({
  pipelineInfo: { name: pipeline },
  deploymentSpec: { executors: { exec: { container: { image } } } },
});

describe('object identity across trees', () => {
  it('GIVEN unnamed documents WHEN a file is added before them THEN no other document shows a false change', () => {
    const before = objectSet([{ file: 'staging/app/pipelinespec.ranking.yaml', object: spec('ranking', 'r:1') }]);
    const after = objectSet([
      { file: 'staging/app/pipelinespec.churn.yaml', object: spec('churn', 'c:1') },
      { file: 'staging/app/pipelinespec.ranking.yaml', object: spec('ranking', 'r:1') },
    ]);
    const d = diffTrees(before, after);
    expect(d.changed).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.added.map((o) => `${o.location}: ${o.kind} ${o.name}`)).toEqual([
      'staging/app: PipelineSpec pipelinespec.churn.yaml',
    ]);
  });

  it('GIVEN an unnamed document that changed WHEN diffed THEN it is matched by file and shown by file name', () => {
    const d = diffTrees(
      objectSet([{ file: 'staging/app/pipelinespec.ranking.yaml', object: spec('ranking', 'r:1') }]),
      objectSet([{ file: 'staging/app/pipelinespec.ranking.yaml', object: spec('ranking', 'r:2') }]),
    );
    expect(d.changed.map((c) => [c.after.name, c.changes.map((x) => x.path)])).toEqual([
      ['pipelinespec.ranking.yaml', ['deploymentSpec.executors.exec.container.image']],
    ]);
  });

  it('GIVEN several unnamed documents in one file WHEN indexed THEN each is keyed by its position in that file', () => {
    const set = objectSet([
      { file: 'a.yaml', index: 0, object: { x: 1 } },
      { file: 'a.yaml', index: 1, object: { x: 2 } },
    ]);
    expect([...set.values()].map((o) => o.name)).toEqual(['a.yaml', 'a.yaml #2']);
  });

  it('GIVEN the KFP documents of a pipeline and its schedule WHEN indexed THEN each is shown by what it is', () => {
    const set = objectSet([
      { file: 'staging/app/pipelinespec.ranking.yaml', index: 0, object: spec('ranking', 'r:1') },
      { file: 'staging/app/pipelinespec.ranking.yaml', index: 1, object: { platforms: { kubernetes: {} } } },
      {
        file: 'staging/app/recurringrun.nightly.yaml',
        index: 0,
        object: { displayName: 'nightly', trigger: {}, pipelineSpec: {} },
      },
      { file: 'staging/app/notes.yaml', index: 0, object: { x: 1 } },
    ]);
    expect([...set.values()].map((o) => `${o.kind} ${o.name}`)).toEqual([
      'PipelineSpec pipelinespec.ranking.yaml',
      'PlatformSpec pipelinespec.ranking.yaml #2',
      'RecurringRun recurringrun.nightly.yaml',
      'document notes.yaml',
    ]);
  });

  it('GIVEN named objects WHEN their file moves within a directory THEN they are still the same object', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ml' }, data: { a: 'b' } };
    const d = diffTrees(
      objectSet([{ file: 'staging/app/configmap.c.yaml', object: cm }]),
      objectSet([{ file: 'staging/app/cm.yaml', object: cm }]),
    );
    expect([d.added.length, d.removed.length, d.changed.length]).toEqual([0, 0, 0]);
  });
});
