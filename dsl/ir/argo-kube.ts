import type { NodeSelectorRequirementIR, TolerationIR } from './component.ts';

/**
 * Plain Kubernetes sub-objects used inside Argo objects (containers, volumes, probes, scheduling).
 * They follow the core/v1 field names exactly, so a Kubernetes user recognises every key; they
 * cover the fields Argo workflows use, not every alpha field of the Kubernetes API.
 */

/** A resource quantity (`100m`, `1Gi`, `2`); Kubernetes accepts strings and integers. */
export type KubeQuantity = string | number;

/** A port by number or by name (Kubernetes IntOrString). */
export type KubeIntOrString = number | string;

export interface KubeObjectMeta {
  readonly name?: string;
  readonly generateName?: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** Labels and annotations only, as used by pod and template metadata. */
export interface KubeLabelsAnnotations {
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** A key of a Secret or ConfigMap. */
export interface KubeKeySelector {
  readonly name?: string;
  readonly key: string;
  readonly optional?: boolean;
}

export interface KubeLocalObjectReference {
  readonly name: string;
}

export interface KubeLabelSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values?: readonly string[];
}

export interface KubeLabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly KubeLabelSelectorRequirement[];
}

export interface KubeEnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: {
    readonly secretKeyRef?: KubeKeySelector;
    readonly configMapKeyRef?: KubeKeySelector;
    readonly fieldRef?: { readonly fieldPath: string; readonly apiVersion?: string };
    readonly resourceFieldRef?: {
      readonly resource: string;
      readonly containerName?: string;
      readonly divisor?: KubeQuantity;
    };
  };
}

export interface KubeEnvFromSource {
  readonly prefix?: string;
  readonly secretRef?: { readonly name: string; readonly optional?: boolean };
  readonly configMapRef?: { readonly name: string; readonly optional?: boolean };
}

export interface KubeResourceRequirements {
  readonly limits?: Readonly<Record<string, KubeQuantity>>;
  readonly requests?: Readonly<Record<string, KubeQuantity>>;
  readonly claims?: readonly { readonly name: string; readonly request?: string }[];
}

export interface KubeVolumeMount {
  readonly name: string;
  readonly mountPath: string;
  readonly subPath?: string;
  readonly subPathExpr?: string;
  readonly readOnly?: boolean;
  readonly mountPropagation?: 'None' | 'HostToContainer' | 'Bidirectional';
}

export interface KubeContainerPort {
  readonly containerPort: number;
  readonly name?: string;
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
  readonly hostPort?: number;
  readonly hostIP?: string;
}

export interface KubeHandler {
  readonly exec?: { readonly command: readonly string[] };
  readonly httpGet?: {
    readonly path?: string;
    readonly port: KubeIntOrString;
    readonly host?: string;
    readonly scheme?: 'HTTP' | 'HTTPS';
    readonly httpHeaders?: readonly { readonly name: string; readonly value: string }[];
  };
  readonly tcpSocket?: { readonly port: KubeIntOrString; readonly host?: string };
  readonly grpc?: { readonly port: number; readonly service?: string };
}

export interface KubeProbe extends KubeHandler {
  readonly initialDelaySeconds?: number;
  readonly timeoutSeconds?: number;
  readonly periodSeconds?: number;
  readonly successThreshold?: number;
  readonly failureThreshold?: number;
  readonly terminationGracePeriodSeconds?: number;
}

export interface KubeLifecycle {
  readonly postStart?: KubeHandler;
  readonly preStop?: KubeHandler;
}

export interface KubeSeccompProfile {
  readonly type: 'RuntimeDefault' | 'Unconfined' | 'Localhost';
  readonly localhostProfile?: string;
}

export interface KubeSecurityContext {
  readonly allowPrivilegeEscalation?: boolean;
  readonly capabilities?: { readonly add?: readonly string[]; readonly drop?: readonly string[] };
  readonly privileged?: boolean;
  readonly readOnlyRootFilesystem?: boolean;
  readonly runAsNonRoot?: boolean;
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
  readonly procMount?: string;
  readonly seccompProfile?: KubeSeccompProfile;
}

export interface KubePodSecurityContext {
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
  readonly runAsNonRoot?: boolean;
  readonly fsGroup?: number;
  readonly fsGroupChangePolicy?: 'OnRootMismatch' | 'Always';
  readonly supplementalGroups?: readonly number[];
  readonly seccompProfile?: KubeSeccompProfile;
  readonly sysctls?: readonly { readonly name: string; readonly value: string }[];
}

/** A container as in core/v1; `name` is optional because Argo names a template's main container. */
export interface KubeContainer {
  readonly name?: string;
  readonly image?: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly workingDir?: string;
  readonly env?: readonly KubeEnvVar[];
  readonly envFrom?: readonly KubeEnvFromSource[];
  readonly ports?: readonly KubeContainerPort[];
  readonly resources?: KubeResourceRequirements;
  readonly volumeMounts?: readonly KubeVolumeMount[];
  readonly livenessProbe?: KubeProbe;
  readonly readinessProbe?: KubeProbe;
  readonly startupProbe?: KubeProbe;
  readonly lifecycle?: KubeLifecycle;
  readonly imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  readonly securityContext?: KubeSecurityContext;
  readonly terminationMessagePath?: string;
  readonly terminationMessagePolicy?: 'File' | 'FallbackToLogsOnError';
  readonly stdin?: boolean;
  readonly stdinOnce?: boolean;
  readonly tty?: boolean;
}

export interface KubeKeyToPath {
  readonly key: string;
  readonly path: string;
  readonly mode?: number;
}

/** A pod volume: a name plus exactly one source. */
export interface KubeVolume {
  readonly name: string;
  readonly emptyDir?: { readonly medium?: '' | 'Memory'; readonly sizeLimit?: KubeQuantity };
  readonly persistentVolumeClaim?: { readonly claimName: string; readonly readOnly?: boolean };
  readonly secret?: {
    readonly secretName?: string;
    readonly items?: readonly KubeKeyToPath[];
    readonly defaultMode?: number;
    readonly optional?: boolean;
  };
  readonly configMap?: {
    readonly name?: string;
    readonly items?: readonly KubeKeyToPath[];
    readonly defaultMode?: number;
    readonly optional?: boolean;
  };
  readonly hostPath?: { readonly path: string; readonly type?: string };
  readonly nfs?: { readonly server: string; readonly path: string; readonly readOnly?: boolean };
  readonly downwardAPI?: {
    readonly items?: readonly { readonly path: string; readonly fieldRef?: { readonly fieldPath: string } }[];
    readonly defaultMode?: number;
  };
  readonly csi?: {
    readonly driver: string;
    readonly readOnly?: boolean;
    readonly volumeAttributes?: Readonly<Record<string, string>>;
  };
}

/** Same shape as the pipeline DSL's toleration. */
export type KubeToleration = TolerationIR;

export type KubeNodeSelectorRequirement = NodeSelectorRequirementIR;

export interface KubeNodeSelectorTerm {
  readonly matchExpressions?: readonly KubeNodeSelectorRequirement[];
  readonly matchFields?: readonly KubeNodeSelectorRequirement[];
}

export interface KubePodAffinityTerm {
  readonly labelSelector?: KubeLabelSelector;
  readonly namespaces?: readonly string[];
  readonly topologyKey: string;
}

export interface KubeAffinity {
  readonly nodeAffinity?: {
    readonly requiredDuringSchedulingIgnoredDuringExecution?: {
      readonly nodeSelectorTerms: readonly KubeNodeSelectorTerm[];
    };
    readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly {
      readonly weight: number;
      readonly preference: KubeNodeSelectorTerm;
    }[];
  };
  readonly podAffinity?: KubePodAffinity;
  readonly podAntiAffinity?: KubePodAffinity;
}

export interface KubePodAffinity {
  readonly requiredDuringSchedulingIgnoredDuringExecution?: readonly KubePodAffinityTerm[];
  readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly {
    readonly weight: number;
    readonly podAffinityTerm: KubePodAffinityTerm;
  }[];
}

export interface KubeHostAlias {
  readonly ip: string;
  readonly hostnames?: readonly string[];
}

export interface KubePodDnsConfig {
  readonly nameservers?: readonly string[];
  readonly searches?: readonly string[];
  readonly options?: readonly { readonly name: string; readonly value?: string }[];
}

/** A PersistentVolumeClaim as embedded in `volumeClaimTemplates`. */
export interface KubePersistentVolumeClaim {
  readonly metadata: KubeObjectMeta;
  readonly spec: {
    readonly accessModes?: readonly ('ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod')[];
    readonly resources?: {
      readonly requests?: Readonly<Record<string, KubeQuantity>>;
      readonly limits?: Readonly<Record<string, KubeQuantity>>;
    };
    readonly storageClassName?: string;
    readonly volumeMode?: 'Filesystem' | 'Block';
    readonly selector?: KubeLabelSelector;
    readonly volumeName?: string;
    readonly dataSource?: { readonly apiGroup?: string; readonly kind: string; readonly name: string };
  };
}

export interface KubePodDisruptionBudgetSpec {
  readonly minAvailable?: KubeIntOrString;
  readonly maxUnavailable?: KubeIntOrString;
  readonly selector?: KubeLabelSelector;
}

export interface KubePodResourceClaim {
  readonly name: string;
  readonly resourceClaimName?: string;
  readonly resourceClaimTemplateName?: string;
}
