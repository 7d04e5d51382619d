import type { ArgoArgumentsIR, ArgoArtifactGC } from './argo-artifacts.ts';
import type {
  KubeAffinity,
  KubeContainer,
  KubeHostAlias,
  KubeLabelSelector,
  KubeLabelsAnnotations,
  KubeLocalObjectReference,
  KubeObjectMeta,
  KubePersistentVolumeClaim,
  KubePodDisruptionBudgetSpec,
  KubePodDnsConfig,
  KubePodResourceClaim,
  KubePodSecurityContext,
  KubeResourceRequirements,
  KubeToleration,
  KubeVolume,
} from './argo-kube.ts';
import type {
  ArgoLifecycleHookIR,
  ArgoMetrics,
  ArgoRetryStrategy,
  ArgoSynchronization,
  ArgoTemplateIR,
} from './argo-template.ts';

/**
 * Argo Workflows objects as plain data with Argo's own field names (v4 API). Produced by the
 * Argo-native DSL (dsl/argo) and rendered by charts/argo-workflows/argo-native.ts.
 */

export interface ArgoPodGC {
  readonly strategy?: 'OnPodCompletion' | 'OnPodSuccess' | 'OnWorkflowCompletion' | 'OnWorkflowSuccess';
  readonly labelSelector?: KubeLabelSelector;
  readonly deleteDelayDuration?: string;
}

export interface ArgoTtlStrategy {
  readonly secondsAfterCompletion?: number;
  readonly secondsAfterSuccess?: number;
  readonly secondsAfterFailure?: number;
}

export interface ArgoExecutorPlugin {
  readonly metadata: KubeObjectMeta;
  readonly spec: {
    readonly sidecar: {
      readonly container: KubeContainer & { readonly name: string };
      readonly automountServiceAccountToken?: boolean;
    };
  };
}

/** The spec of a Workflow, WorkflowTemplate or ClusterWorkflowTemplate. */
export interface ArgoWorkflowSpecIR {
  readonly entrypoint?: string;
  readonly arguments?: ArgoArgumentsIR;
  readonly templates?: readonly ArgoTemplateIR[];
  readonly workflowTemplateRef?: { readonly name: string; readonly clusterScope?: boolean };
  readonly onExit?: string;
  readonly hooks?: Readonly<Record<string, ArgoLifecycleHookIR>>;
  readonly serviceAccountName?: string;
  readonly automountServiceAccountToken?: boolean;
  readonly executor?: { readonly serviceAccountName?: string };
  readonly volumes?: readonly KubeVolume[];
  readonly volumeClaimTemplates?: readonly KubePersistentVolumeClaim[];
  readonly volumeClaimGC?: { readonly strategy?: 'OnWorkflowCompletion' | 'OnWorkflowSuccess' };
  readonly parallelism?: number;
  readonly activeDeadlineSeconds?: number;
  readonly priority?: number;
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly affinity?: KubeAffinity;
  readonly tolerations?: readonly KubeToleration[];
  readonly imagePullSecrets?: readonly KubeLocalObjectReference[];
  readonly hostNetwork?: boolean;
  readonly dnsPolicy?: string;
  readonly dnsConfig?: KubePodDnsConfig;
  readonly hostAliases?: readonly KubeHostAlias[];
  readonly securityContext?: KubePodSecurityContext;
  readonly schedulerName?: string;
  readonly podPriorityClassName?: string;
  readonly podSpecPatch?: string;
  readonly podMetadata?: KubeLabelsAnnotations;
  readonly podGC?: ArgoPodGC;
  readonly podDisruptionBudget?: KubePodDisruptionBudgetSpec;
  readonly podResources?: KubeResourceRequirements;
  readonly resourceClaims?: readonly KubePodResourceClaim[];
  readonly ttlStrategy?: ArgoTtlStrategy;
  readonly artifactGC?: ArgoArtifactGC & { readonly podSpecPatch?: string; readonly forceFinalizerRemoval?: boolean };
  readonly artifactRepositoryRef?: { readonly configMap?: string; readonly key?: string };
  readonly archiveLogs?: boolean;
  readonly retryStrategy?: ArgoRetryStrategy;
  readonly synchronization?: ArgoSynchronization;
  readonly metrics?: ArgoMetrics;
  readonly templateDefaults?: ArgoTemplateIR;
  readonly workflowMetadata?: KubeLabelsAnnotations & {
    readonly labelsFrom?: Readonly<Record<string, { readonly expression: string }>>;
  };
  readonly executorPlugins?: readonly ArgoExecutorPlugin[];
  readonly suspend?: boolean;
  readonly shutdown?: 'Terminate' | 'Stop';
}

export interface ArgoCronWorkflowSpecIR {
  readonly schedules: readonly string[];
  readonly timezone?: string;
  readonly concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  readonly startingDeadlineSeconds?: number;
  readonly successfulJobsHistoryLimit?: number;
  readonly failedJobsHistoryLimit?: number;
  readonly suspend?: boolean;
  readonly when?: string;
  readonly stopStrategy?: { readonly expression: string };
  readonly workflowMetadata?: KubeObjectMeta;
  readonly workflowSpec: ArgoWorkflowSpecIR;
}

export interface ArgoWorkflowEventBindingSpecIR {
  readonly event: { readonly selector: string };
  readonly submit?: {
    readonly workflowTemplateRef: { readonly name: string; readonly clusterScope?: boolean };
    readonly metadata?: KubeObjectMeta;
    readonly arguments?: ArgoArgumentsIR;
  };
}

/** Every Argo object the Argo-native DSL produces, tagged by kind. */
export type ArgoObjectIR =
  | { readonly kind: 'Workflow'; readonly metadata: KubeObjectMeta; readonly spec: ArgoWorkflowSpecIR }
  | { readonly kind: 'WorkflowTemplate'; readonly metadata: KubeObjectMeta; readonly spec: ArgoWorkflowSpecIR }
  | { readonly kind: 'ClusterWorkflowTemplate'; readonly metadata: KubeObjectMeta; readonly spec: ArgoWorkflowSpecIR }
  | { readonly kind: 'CronWorkflow'; readonly metadata: KubeObjectMeta; readonly spec: ArgoCronWorkflowSpecIR }
  | {
      readonly kind: 'WorkflowEventBinding';
      readonly metadata: KubeObjectMeta;
      readonly spec: ArgoWorkflowEventBindingSpecIR;
    };

export type ArgoObjectKind = ArgoObjectIR['kind'];
