import { describe, expect, it } from 'vitest';
import { app, project, resolveProject } from '../index.ts';

describe('project(..., { platform })', () => {
  const apps = [app('a', {})];

  it('GIVEN no platform WHEN resolved THEN the IR has none (the newest versions)', () => {
    expect(resolveProject(project('p', { apps })).platform).toBeUndefined();
  });

  it('GIVEN one version WHEN resolved THEN the other defaults to the newest', () => {
    expect(resolveProject(project('p', { apps, platform: { istio: '1.21' } })).platform).toEqual({
      argoWorkflows: '4.1',
      argoRollouts: '1.8',
      kserve: '0.20',
      istio: '1.21',
    });
  });

  it('GIVEN KServe and Argo Rollouts versions WHEN resolved THEN the IR carries them', () => {
    const platform = resolveProject(project('p', { apps, platform: { kserve: '0.13', argoRollouts: '1.6' } })).platform;
    expect([platform?.kserve, platform?.argoRollouts]).toEqual(['0.13', '1.6']);
  });

  it('GIVEN an unknown KServe version WHEN declared THEN the error lists the known ones', () => {
    const platform = { kserve: '0.16' } as unknown as { kserve: '0.15' };
    expect(() => project('p', { apps, platform })).toThrow(
      'project "p" > platform > kserve: unknown version (got "0.16"). Use one of "0.13", "0.15", "0.20".',
    );
  });

  it('GIVEN a misspelt platform name WHEN declared THEN the error names it and the known ones', () => {
    const platform = { rollouts: '1.6' } as unknown as { argoRollouts: '1.6' };
    expect(() => project('p', { apps, platform })).toThrow(
      'project "p" > platform > rollouts: unknown platform (got "rollouts"). Use one of "argoWorkflows", "argoRollouts", "kserve", "istio".',
    );
  });

  it('GIVEN an unknown version from JavaScript WHEN declared THEN the error names it and the known ones', () => {
    const platform = { argoWorkflows: '3.4' } as unknown as { argoWorkflows: '3.5' };
    expect(() => project('p', { apps, platform })).toThrow(
      'project "p" > platform > argoWorkflows: unknown version (got "3.4"). Use one of "3.5", "3.6", "3.7", "4.1".',
    );
  });
});
