import { describe, expect, it } from 'vitest';
import { syncOrder, syncPhase, syncWaveOf } from './apply-order.ts';

const obj = (kind: string, annotations: Record<string, string> = {}) => ({ kind, metadata: { annotations } });

describe('Argo CD sync order', () => {
  it('GIVEN objects of several waves, kinds and hooks WHEN ordered THEN phase, then wave, then kind, then input order', () => {
    const items = [
      obj('Workflow', { 'argocd.argoproj.io/hook': 'PostSync' }),
      obj('Rollout'),
      obj('WorkflowTemplate', { 'argocd.argoproj.io/sync-wave': '-1' }),
      obj('RoleBinding', { 'argocd.argoproj.io/sync-wave': '-2' }),
      obj('ServiceAccount', { 'argocd.argoproj.io/sync-wave': '-2' }),
      obj('Service'),
      obj('Job', { 'argocd.argoproj.io/hook': 'PreSync' }),
    ];
    expect(syncOrder(items, (o) => o).map((o) => o.kind)).toEqual([
      'Job',
      'ServiceAccount',
      'RoleBinding',
      'WorkflowTemplate',
      'Service',
      'Rollout',
      'Workflow',
    ]);
  });

  it('GIVEN a wave function WHEN objects carry no annotation THEN it supplies the wave', () => {
    const items = [obj('B'), obj('A')];
    expect(
      syncOrder(
        items,
        (o) => o,
        (o) => (o.kind === 'A' ? -1 : 0),
      ).map((o) => o.kind),
    ).toEqual(['A', 'B']);
  });

  it('GIVEN odd annotations THEN a bad wave counts as 0 and an unknown hook runs after the sync', () => {
    expect(syncWaveOf(obj('X', { 'argocd.argoproj.io/sync-wave': 'soon' }))).toBe(0);
    expect(syncWaveOf(obj('X', { 'argocd.argoproj.io/sync-wave': ' -3 ' }))).toBe(-3);
    expect(syncPhase(obj('X', { 'argocd.argoproj.io/hook': 'SyncFail' }))).toBe(3);
    expect(syncPhase(obj('X', { 'argocd.argoproj.io/hook': 'PostSync,PreSync' }))).toBe(0);
  });
});
