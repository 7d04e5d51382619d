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
      istio: '1.21',
    });
  });

  it('GIVEN an unknown version from JavaScript WHEN declared THEN the error names it and the known ones', () => {
    const platform = { argoWorkflows: '3.4' } as unknown as { argoWorkflows: '3.5' };
    expect(() => project('p', { apps, platform })).toThrow(
      'project "p" > platform > argoWorkflows: unknown version (got "3.4"). Use one of "3.5", "3.6", "3.7", "4.1".',
    );
  });
});
