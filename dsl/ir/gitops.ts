/** Argo CD sync options Argosy knows (`spec.syncPolicy.syncOptions`). */
export type SyncOptionIR =
  | 'CreateNamespace=true'
  | 'PruneLast=true'
  | 'ApplyOutOfSyncOnly=true'
  | 'RespectIgnoreDifferences=true'
  | 'ServerSideApply=true'
  | 'SkipDryRunOnMissingResource=true'
  | 'Replace=true'
  | 'Validate=false'
  | 'FailOnSharedResource=true'
  | 'PrunePropagationPolicy=foreground'
  | 'PrunePropagationPolicy=background'
  | 'PrunePropagationPolicy=orphan';

/** How one environment's apps are delivered by Argo CD (project settings merged with the environment's). */
export interface ArgoCdIR {
  /** Git repository Argo CD reads the synthesized tree from. */
  readonly repoURL: string;
  readonly targetRevision: string;
  /** Repository path of the output directory (`dist`); apps live at `<path>/<environment>/<app>`. */
  readonly path: string;
  /** Argo CD AppProject the Applications belong to. */
  readonly project: string;
  /** Namespace the Application objects live in (where Argo CD runs). */
  readonly namespace: string;
  readonly destination: { readonly server: string } | { readonly name: string };
  /** Automated sync; absent means manual sync. */
  readonly automated?: { readonly prune: boolean; readonly selfHeal: boolean };
  readonly syncOptions: readonly SyncOptionIR[];
  readonly retry?: {
    readonly limit: number;
    readonly backoff?: { readonly duration: string; readonly factor: number; readonly maxDuration: string };
  };
  /** Delete the app's resources when the Application is deleted (cascading finalizer). */
  readonly cascadeDelete: boolean;
}
