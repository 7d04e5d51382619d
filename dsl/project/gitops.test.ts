import { describe, expect, it } from 'vitest';
import { environment } from './project.ts';
import { argoCd, resolveArgoCd } from './gitops.ts';

describe('argoCd()', () => {
  it('GIVEN only a repository WHEN resolved THEN the defaults apply', () => {
    expect(resolveArgoCd(argoCd({ repoURL: 'git@github.com:acme/ml.git' }))).toEqual({
      repoURL: 'git@github.com:acme/ml.git',
      targetRevision: 'HEAD',
      path: 'dist',
      project: 'default',
      namespace: 'argocd',
      destination: { server: 'https://kubernetes.default.svc' },
      syncOptions: [],
      cascadeDelete: true,
    });
  });

  it('GIVEN environment overrides WHEN resolved THEN they win over the project', () => {
    const cd = resolveArgoCd(argoCd({ repoURL: 'https://g/r.git', automated: true }), {
      automated: false,
      targetRevision: 'release',
    });
    expect(cd.automated).toBeUndefined();
    expect(cd.targetRevision).toBe('release');
  });

  it.each([
    [{ repoURL: 'not a url' }, /argoCd > repoURL: repoURL is not a git URL \(got "not a url"\)/],
    [{ repoURL: 'https://g/r.git', path: '../dist' }, /path must be relative/],
    [
      { repoURL: 'https://g/r.git', project: 'ML Platform' },
      /argoCd > project: Argo CD project is not a valid DNS-1123 label/,
    ],
    [
      { repoURL: 'https://g/r.git', destination: { server: 'https://x', name: 'y' } },
      /destination needs exactly one of server or name/,
    ],
    [{ repoURL: 'https://g/r.git', retry: { limit: -2 } }, /retry limit must be an integer >= -1/],
    [
      { repoURL: 'https://g/r.git', retry: { limit: 3, backoff: { duration: '5 seconds', maxDuration: '1m' } } },
      /backoff durations/,
    ],
  ])('GIVEN bad settings %j WHEN declared THEN a DslError names the field', (spec, message) => {
    expect(() => argoCd(spec as never)).toThrow(message);
  });

  it('GIVEN bad environment overrides WHEN the environment is declared THEN the error names the environment', () => {
    expect(() => environment('prod', { argocd: { targetRevision: ' ' } })).toThrow(
      /environment "prod" > argocd > targetRevision/,
    );
  });
});
