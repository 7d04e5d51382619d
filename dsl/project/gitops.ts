import { DslError, type PathSegment } from '../errors.ts';
import type { ArgoCdIR, SyncOptionIR } from '../ir/gitops.ts';
import { assertDnsLabel } from '../common/names.ts';

/**
 * Argo CD sync options, e.g. `'CreateNamespace=true'` or `'ServerSideApply=true'`.
 *
 * @example
 * ```ts
 * const options: SyncOption[] = ['CreateNamespace=true', 'ApplyOutOfSyncOnly=true'];
 * ```
 */
export type SyncOption = SyncOptionIR;

/**
 * Argo CD settings: where the synthesized tree is in git and how Argo CD syncs it. Set them on
 * the project; an environment may override any of them (e.g. automated sync only in staging).
 *
 * @example
 * ```ts
 * argoCd({
 *   repoURL: 'https://github.com/acme/ml-platform.git',
 *   targetRevision: 'main',
 *   project: 'ml-platform',
 *   automated: { prune: true, selfHeal: true },
 * })
 * ```
 */
export interface ArgoCdSpec {
  readonly repoURL: string;
  /** Branch, tag or commit Argo CD follows. Default `HEAD`. */
  readonly targetRevision?: string;
  /** Where `argosy synth` writes, relative to the repository root. Default `dist`. */
  readonly path?: string;
  /** Argo CD AppProject. Default `default`. */
  readonly project?: string;
  /** Namespace of the Application objects. Default `argocd`. */
  readonly namespace?: string;
  /** Target cluster by API server URL or by its name in Argo CD. Default the cluster Argo CD runs in. */
  readonly destination?: { readonly server: string } | { readonly name: string };
  /** `true` for automated sync without prune/self-heal, or choose them. Default manual sync. */
  readonly automated?: boolean | { readonly prune?: boolean; readonly selfHeal?: boolean };
  readonly syncOptions?: readonly SyncOption[];
  readonly retry?: {
    readonly limit: number;
    readonly backoff?: { readonly duration: string; readonly factor?: number; readonly maxDuration: string };
  };
  /** Delete what an app deployed when its Application is deleted. Default true. */
  readonly cascadeDelete?: boolean;
}

/**
 * Per-environment changes to the project's Argo CD settings.
 *
 * @example
 * ```ts
 * environment('production', { namespace: 'ml-prod', argocd: { targetRevision: 'release', automated: false } });
 * ```
 */
export type ArgoCdOverrides = Partial<ArgoCdSpec>;

/**
 * Validated Argo CD settings, ready to be merged per environment; made by {@link argoCd}.
 *
 * @example
 * ```ts
 * const delivery: ArgoCd = argoCd({ repoURL: 'https://github.com/acme/ml.git' });
 * ```
 */
export interface ArgoCd {
  readonly kind: 'argocd';
  readonly spec: ArgoCdSpec;
}

const GIT_URL = /^(https?:\/\/|ssh:\/\/|git@[^:]+:|file:\/\/)\S+$/;
const DURATION = /^\d+(\.\d+)?(ms|s|m|h)$/;

function fail(path: readonly PathSegment[], problem: string, got: unknown, fix: string): never {
  throw new DslError({ path, problem, got, fix });
}

function checkSpec(s: Partial<ArgoCdSpec>, path: readonly PathSegment[]): void {
  if (s.repoURL !== undefined && (typeof s.repoURL !== 'string' || !GIT_URL.test(s.repoURL)))
    fail(
      [...path, 'repoURL'],
      'repoURL is not a git URL',
      s.repoURL,
      'Use https://host/org/repo.git, ssh://... or git@host:org/repo.git',
    );
  if (s.targetRevision !== undefined && (typeof s.targetRevision !== 'string' || s.targetRevision.trim() === ''))
    fail(
      [...path, 'targetRevision'],
      'targetRevision must be a branch, tag or commit',
      s.targetRevision,
      'Use e.g. "main" or "HEAD"',
    );
  if (
    s.path !== undefined &&
    (typeof s.path !== 'string' || s.path === '' || s.path.startsWith('/') || s.path.split('/').includes('..'))
  )
    fail([...path, 'path'], 'path must be relative to the repository root', s.path, 'Use e.g. "dist" or "ml/dist"');
  if (s.project !== undefined) assertDnsLabel(s.project, [...path, 'project'], 'Argo CD project');
  if (s.namespace !== undefined) assertDnsLabel(s.namespace, [...path, 'namespace'], 'namespace');
  const d = s.destination as { server?: unknown; name?: unknown } | undefined;
  if (
    d !== undefined &&
    ('server' in d === 'name' in d || (typeof d.server !== 'string' && typeof d.name !== 'string'))
  )
    fail(
      [...path, 'destination'],
      'destination needs exactly one of server or name',
      d,
      'Pass { server: "https://kubernetes.default.svc" } or { name: "prod-cluster" }',
    );
  if (s.retry !== undefined) {
    if (!Number.isInteger(s.retry.limit) || s.retry.limit < -1)
      fail(
        [...path, 'retry', 'limit'],
        'retry limit must be an integer >= -1 (-1 retries forever)',
        s.retry.limit,
        'Use e.g. 5',
      );
    const b = s.retry.backoff;
    if (b && (!DURATION.test(b.duration) || !DURATION.test(b.maxDuration)))
      fail(
        [...path, 'retry', 'backoff'],
        'backoff durations must look like "5s", "3m" or "1h"',
        b,
        'Use e.g. { duration: "5s", maxDuration: "3m" }',
      );
  }
}

/**
 * Declares Argo CD delivery for the project: `argosy synth` then writes one Application per
 * environment and app to `dist/<environment>/argocd/`, and sync waves on every object.
 *
 * @example
 * ```ts
 * project('dsrpmart', {
 *   environments: [staging, production],
 *   apps: [recommendedCategories],
 *   argocd: argoCd({ repoURL: 'https://github.com/dsrpmart/ml-platform.git', project: 'ml-platform' }),
 * });
 * ```
 */
export function argoCd(spec: ArgoCdSpec): ArgoCd {
  const path = ['argoCd'];
  if (typeof spec?.repoURL !== 'string')
    fail(
      [...path, 'repoURL'],
      'repoURL is required',
      spec?.repoURL,
      'Pass the git URL Argo CD reads the synthesized tree from',
    );
  checkSpec(spec, path);
  return { kind: 'argocd', spec };
}

/** Checks an environment's overrides (the same rules as argoCd()). */
export function checkArgoCdOverrides(o: ArgoCdOverrides, path: readonly PathSegment[]): void {
  checkSpec(o, path);
}

/** The settings in force in one environment: defaults, then the project's, then the environment's. */
export function resolveArgoCd(project: ArgoCd, overrides: ArgoCdOverrides = {}): ArgoCdIR {
  const s: ArgoCdSpec = { ...project.spec, ...overrides };
  const automated =
    s.automated === true
      ? { prune: false, selfHeal: false }
      : s.automated
        ? { prune: s.automated.prune ?? false, selfHeal: s.automated.selfHeal ?? false }
        : undefined;
  return {
    repoURL: s.repoURL,
    targetRevision: s.targetRevision ?? 'HEAD',
    path: s.path ?? 'dist',
    project: s.project ?? 'default',
    namespace: s.namespace ?? 'argocd',
    destination: s.destination ?? { server: 'https://kubernetes.default.svc' },
    ...(automated ? { automated } : {}),
    syncOptions: [...new Set(s.syncOptions ?? [])],
    ...(s.retry
      ? {
          retry: {
            limit: s.retry.limit,
            ...(s.retry.backoff
              ? {
                  backoff: {
                    duration: s.retry.backoff.duration,
                    factor: s.retry.backoff.factor ?? 2,
                    maxDuration: s.retry.backoff.maxDuration,
                  },
                }
              : {}),
          },
        }
      : {}),
    cascadeDelete: s.cascadeDelete ?? true,
  };
}
