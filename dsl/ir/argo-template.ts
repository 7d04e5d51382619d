import type {
  ArgoArgumentsIR,
  ArgoArtifactIR,
  ArgoArtifactLocationWithLogs,
  ArgoInputsIR,
  ArgoOutputsIR,
} from './argo-artifacts.ts';
import type {
  KubeAffinity,
  KubeContainer,
  KubeHostAlias,
  KubeKeySelector,
  KubeLabelsAnnotations,
  KubePodResourceClaim,
  KubePodSecurityContext,
  KubeResourceRequirements,
  KubeToleration,
  KubeVolume,
  KubeVolumeMount,
} from './argo-kube.ts';
import type { JsonValue } from './values.ts';

/**
 * Argo templates as plain data with Argo's own field names (v4 API): the template kinds, steps,
 * DAG tasks and the policies a template can carry. Objects are in argo-workflow.ts.
 */

/** A sidecar or init container; `mirrorVolumeMounts` copies the main container's mounts. */
export interface ArgoUserContainer extends KubeContainer {
  readonly name: string;
  readonly mirrorVolumeMounts?: boolean;
}

export interface ArgoScript extends KubeContainer {
  readonly source: string;
}

export interface ArgoContainerNode extends KubeContainer {
  readonly name: string;
  readonly dependencies?: readonly string[];
}

export interface ArgoRetryStrategy {
  readonly limit?: number | string;
  readonly retryPolicy?: 'Always' | 'OnFailure' | 'OnError' | 'OnTransientError';
  readonly expression?: string;
  readonly backoff?: {
    readonly duration?: string;
    readonly factor?: number | string;
    readonly maxDuration?: string;
    readonly cap?: string;
  };
  readonly affinity?: { readonly nodeAntiAffinity?: Readonly<Record<string, never>> };
}

export interface ArgoContainerSet {
  readonly containers: readonly ArgoContainerNode[];
  readonly volumeMounts?: readonly KubeVolumeMount[];
  readonly retryStrategy?: { readonly retries?: number | string; readonly duration?: string };
}

export interface ArgoResourceTemplate {
  readonly action: 'get' | 'create' | 'apply' | 'delete' | 'replace' | 'patch';
  readonly manifest?: string;
  readonly manifestFrom?: { readonly artifact: ArgoArtifactIR };
  readonly mergeStrategy?: 'strategic' | 'merge' | 'json';
  readonly successCondition?: string;
  readonly failureCondition?: string;
  readonly setOwnerReference?: boolean;
  readonly flags?: readonly string[];
}

export interface ArgoHttpTemplate {
  readonly url: string;
  readonly method?: string;
  readonly headers?: readonly {
    readonly name: string;
    readonly value?: string;
    readonly valueFrom?: { readonly secretKeyRef?: KubeKeySelector };
  }[];
  readonly body?: string;
  readonly bodyFrom?: { readonly bytes?: string };
  readonly timeoutSeconds?: number;
  readonly successCondition?: string;
  readonly insecureSkipVerify?: boolean;
}

export interface ArgoDataTemplate {
  readonly source: { readonly artifactPaths?: ArgoArtifactIR };
  readonly transformation: readonly { readonly expression: string }[];
}

export interface ArgoTemplateRef {
  readonly name: string;
  readonly template: string;
  readonly clusterScope?: boolean;
}

export interface ArgoLifecycleHookIR {
  readonly template?: string;
  readonly templateRef?: ArgoTemplateRef;
  readonly arguments?: ArgoArgumentsIR;
  readonly expression?: string;
}

export interface ArgoSequence {
  readonly count?: number | string;
  readonly start?: number | string;
  readonly end?: number | string;
  readonly format?: string;
}

/** Fields shared by a steps entry and a DAG task. */
export interface ArgoStepCommonIR {
  readonly name: string;
  readonly template?: string;
  readonly templateRef?: ArgoTemplateRef;
  readonly inline?: ArgoTemplateIR;
  readonly arguments?: ArgoArgumentsIR;
  readonly when?: string;
  readonly withItems?: readonly JsonValue[];
  readonly withParam?: string;
  readonly withSequence?: ArgoSequence;
  readonly continueOn?: { readonly error?: boolean; readonly failed?: boolean };
  readonly onExit?: string;
  readonly hooks?: Readonly<Record<string, ArgoLifecycleHookIR>>;
}

export type ArgoStepIR = ArgoStepCommonIR;

export interface ArgoDagTaskIR extends ArgoStepCommonIR {
  readonly depends?: string;
  readonly dependencies?: readonly string[];
}

export interface ArgoDagIR {
  readonly tasks: readonly ArgoDagTaskIR[];
  readonly target?: string;
  readonly failFast?: boolean;
}

export interface ArgoMutex {
  readonly name: string;
  readonly namespace?: string;
  readonly database?: boolean;
}

export interface ArgoSemaphore {
  readonly configMapKeyRef?: KubeKeySelector;
  readonly database?: { readonly key: string };
  readonly namespace?: string;
}

/** Argo v4 synchronization: lists of mutexes and semaphores. */
export interface ArgoSynchronization {
  readonly mutexes?: readonly ArgoMutex[];
  readonly semaphores?: readonly ArgoSemaphore[];
}

export interface ArgoMemoize {
  readonly key: string;
  readonly maxAge?: string;
  readonly cache: { readonly configMap: { readonly name: string; readonly key?: string } };
}

export interface ArgoPrometheusMetric {
  readonly name: string;
  readonly help: string;
  readonly labels?: readonly { readonly key: string; readonly value: string }[];
  readonly when?: string;
  readonly gauge?: { readonly value: string; readonly realtime?: boolean; readonly operation?: 'Set' | 'Add' | 'Sub' };
  readonly counter?: { readonly value: string };
  readonly histogram?: { readonly value: string; readonly buckets: readonly number[] };
}

export interface ArgoMetrics {
  readonly prometheus: readonly ArgoPrometheusMetric[];
}

/** Template fields that do not depend on the template's kind. */
export interface ArgoTemplateCommon {
  readonly metadata?: KubeLabelsAnnotations;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly inputs?: ArgoInputsIR;
  readonly outputs?: ArgoOutputsIR;
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly affinity?: KubeAffinity;
  readonly tolerations?: readonly KubeToleration[];
  readonly daemon?: boolean;
  readonly volumes?: readonly KubeVolume[];
  readonly initContainers?: readonly ArgoUserContainer[];
  readonly sidecars?: readonly ArgoUserContainer[];
  readonly archiveLocation?: ArgoArtifactLocationWithLogs;
  readonly activeDeadlineSeconds?: number | string;
  readonly retryStrategy?: ArgoRetryStrategy;
  readonly parallelism?: number;
  readonly failFast?: boolean;
  readonly serviceAccountName?: string;
  readonly automountServiceAccountToken?: boolean;
  readonly executor?: { readonly serviceAccountName?: string };
  readonly securityContext?: KubePodSecurityContext;
  readonly podSpecPatch?: string;
  readonly priorityClassName?: string;
  readonly schedulerName?: string;
  readonly hostAliases?: readonly KubeHostAlias[];
  readonly timeout?: string;
  readonly pendingTimeout?: string;
  readonly synchronization?: ArgoSynchronization;
  readonly memoize?: ArgoMemoize;
  readonly metrics?: ArgoMetrics;
  readonly podResources?: KubeResourceRequirements;
  readonly resourceClaims?: readonly KubePodResourceClaim[];
}

/** One Argo template: common fields plus exactly one kind. */
export interface ArgoTemplateIR extends ArgoTemplateCommon {
  readonly name?: string;
  readonly container?: KubeContainer;
  readonly script?: ArgoScript;
  readonly containerSet?: ArgoContainerSet;
  readonly resource?: ArgoResourceTemplate;
  readonly suspend?: { readonly duration?: string };
  readonly http?: ArgoHttpTemplate;
  readonly data?: ArgoDataTemplate;
  readonly plugin?: Readonly<Record<string, JsonValue>>;
  readonly steps?: readonly (readonly ArgoStepIR[])[];
  readonly dag?: ArgoDagIR;
}
