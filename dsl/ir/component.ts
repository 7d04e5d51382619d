import type { JsonValue } from './values.ts';

export type ParamTypeIR = 'string' | 'int' | 'float' | 'bool' | 'json';

/** A typed parameter port (component input/output or pipeline parameter). */
export interface ParamPortIR {
  readonly kind: 'param';
  readonly name: string;
  readonly type: ParamTypeIR;
  readonly default?: JsonValue;
  readonly enum?: readonly JsonValue[];
  readonly optional: boolean;
  readonly description?: string;
  /** For `json` parameters: whether the value is a list (KFP `LIST`) or an object (KFP `STRUCT`). */
  readonly jsonShape?: 'list' | 'struct';
}

/** A typed artifact port; `artifactType` is `Dataset`, `Model`, `Metrics`, `HTML`, `Markdown` or custom. */
export interface ArtifactPortIR {
  readonly kind: 'artifact';
  readonly name: string;
  readonly artifactType: string;
  readonly path?: string;
  readonly optional: boolean;
  readonly description?: string;
  /** A list of artifacts of that type (KFP `isArtifactList`): a collected loop output, or an input taking one. */
  readonly list?: true;
}

export type PortIR = ParamPortIR | ArtifactPortIR;

/** One piece of a command-line argument: text or a placeholder the backend fills in. */
export type CommandPartIR =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'inputValue'; readonly input: string }
  | { readonly kind: 'inputPath'; readonly input: string }
  /** An artifact-list input as a whole (KFP: the JSON list of its artifacts). */
  | { readonly kind: 'inputArtifactList'; readonly input: string }
  | { readonly kind: 'outputPath'; readonly output: string };

/** A command-line argument made of parts (a single text part for plain strings). */
export type CommandArgIR = readonly CommandPartIR[];

/** How a component runs: a container command or an inline script. */
export type ImplementationIR =
  | { readonly kind: 'container'; readonly command: readonly CommandArgIR[]; readonly args: readonly CommandArgIR[] }
  | { readonly kind: 'script'; readonly command: readonly string[]; readonly source: string };

export type EnvVarIR =
  | { readonly name: string; readonly value: CommandArgIR }
  | {
      readonly name: string;
      readonly secretKeyRef: { readonly name: string; readonly key: string; readonly optional?: boolean };
    }
  | {
      readonly name: string;
      readonly configMapKeyRef: { readonly name: string; readonly key: string; readonly optional?: boolean };
    }
  | { readonly name: string; readonly fieldRef: { readonly fieldPath: string } };

export type VolumeSourceIR =
  | { readonly kind: 'pvc'; readonly claimName: string; readonly readOnly?: boolean }
  | { readonly kind: 'emptyDir'; readonly medium?: 'Memory'; readonly sizeLimit?: string }
  | { readonly kind: 'configMap'; readonly name: string; readonly optional?: boolean }
  | { readonly kind: 'secret'; readonly secretName: string; readonly optional?: boolean };

export interface VolumeIR {
  readonly name: string;
  readonly mountPath: string;
  readonly readOnly: boolean;
  readonly subPath?: string;
  readonly source: VolumeSourceIR;
}

export interface TolerationIR {
  readonly key?: string;
  readonly operator?: 'Exists' | 'Equal';
  readonly value?: string;
  readonly effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  readonly tolerationSeconds?: number;
}

export interface NodeSelectorRequirementIR {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  readonly values?: readonly string[];
}

/** Node affinity: required terms (OR of ANDs) and weighted preferences. */
export interface AffinityIR {
  readonly requiredNodeTerms?: readonly (readonly NodeSelectorRequirementIR[])[];
  readonly preferredNodeTerms?: readonly {
    readonly weight: number;
    readonly match: readonly NodeSelectorRequirementIR[];
  }[];
}

export interface ResourcesIR {
  readonly requests: Readonly<Record<string, string>>;
  readonly limits: Readonly<Record<string, string>>;
}

/** Container and pod security settings; the defaults are the Pod Security Standards "restricted" profile. */
export interface SecurityIR {
  readonly runAsNonRoot: boolean;
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
  readonly fsGroup?: number;
  readonly allowPrivilegeEscalation: boolean;
  readonly privileged: boolean;
  readonly readOnlyRootFilesystem: boolean;
  readonly dropCapabilities: readonly string[];
  readonly addCapabilities: readonly string[];
  readonly seccompProfile: 'RuntimeDefault' | 'Unconfined';
}

/** Everything about the pod a component runs in, independent of the backend. */
export interface PodSpecIR {
  readonly resources?: ResourcesIR;
  readonly env: readonly EnvVarIR[];
  readonly volumes: readonly VolumeIR[];
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly tolerations: readonly TolerationIR[];
  readonly affinity?: AffinityIR;
  readonly serviceAccountName?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly security: SecurityIR;
  readonly imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  readonly workingDir?: string;
}

export interface RetryIR {
  readonly limit: number;
  readonly policy: 'Always' | 'OnFailure' | 'OnError' | 'OnTransientError';
  readonly backoff?: {
    readonly duration: string;
    readonly factor?: number;
    /** Upper bound of one wait (Argo `cap`, KFP `backoff_max_duration`). */
    readonly max?: string;
  };
}

export interface CacheIR {
  readonly enabled: boolean;
  readonly maxAge: string;
  /** Extra key parts besides the parameter inputs (needed when artifacts are inputs). */
  readonly keyParts: readonly CommandArgIR[];
}

/** A reusable step: a container (or inline script) with typed inputs and outputs. */
export interface ComponentIR {
  readonly name: string;
  readonly description?: string;
  readonly image: string;
  readonly inputs: readonly PortIR[];
  readonly outputs: readonly PortIR[];
  readonly implementation: ImplementationIR;
  readonly pod: PodSpecIR;
  readonly retry?: RetryIR;
  readonly timeoutSeconds?: number;
  readonly cache?: CacheIR;
  /** Stable hash of the definition, used in cache keys so a changed component never reuses old results. */
  readonly contentHash: string;
}
