import type { ArgoCdIR } from '../../dsl/ir/index.ts';
import type { Application, ApplicationSpec } from '../imports/argo-cd.ts';

/** What an app's Application and an environment's root Application set differently. */
export interface ApplicationShape {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Directory of the repository the Application syncs. */
  readonly path: string;
  /** Glob of files in `path` that are not to be synced. */
  readonly exclude?: string;
  readonly destination: Readonly<Record<string, string>>;
  readonly syncOptions?: readonly string[];
  /** Further `spec` fields (ignoreDifferences, info). */
  readonly spec: Pick<ApplicationSpec, 'ignoreDifferences' | 'info'>;
}

/**
 * An Argo CD Application with the project's delivery settings (AppProject, repository, revision,
 * automation, retries, cascading delete), so every Application Argosy writes follows them alike.
 */
export function applicationObject(cd: ArgoCdIR, shape: ApplicationShape): Application {
  const syncOptions = shape.syncOptions ?? [];
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: shape.name,
      namespace: cd.namespace,
      labels: { ...shape.labels },
      ...(cd.cascadeDelete ? { finalizers: ['resources-finalizer.argocd.argoproj.io'] } : {}),
    },
    spec: {
      project: cd.project,
      source: {
        repoURL: cd.repoURL,
        targetRevision: cd.targetRevision,
        path: shape.path,
        ...(shape.exclude ? { directory: { exclude: shape.exclude } } : {}),
      },
      destination: { ...shape.destination },
      syncPolicy: {
        ...(cd.automated ? { automated: { prune: cd.automated.prune, selfHeal: cd.automated.selfHeal } } : {}),
        ...(syncOptions.length ? { syncOptions: [...syncOptions] } : {}),
        ...(cd.retry
          ? {
              retry: {
                limit: cd.retry.limit,
                ...(cd.retry.backoff
                  ? {
                      backoff: {
                        duration: cd.retry.backoff.duration,
                        factor: cd.retry.backoff.factor,
                        maxDuration: cd.retry.backoff.maxDuration,
                      },
                    }
                  : {}),
              },
            }
          : {}),
      },
      ...shape.spec,
    },
  };
}
