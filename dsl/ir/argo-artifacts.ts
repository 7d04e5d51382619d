import type { KubeKeySelector, KubeLabelsAnnotations } from './argo-kube.ts';

/**
 * Argo artifact locations and artifacts, with Argo's field names. Shared by the Argo-native DSL
 * (dsl/argo) and its renderer; every string may contain Argo `{{...}}` references.
 */

export interface ArgoS3Artifact {
  readonly bucket?: string;
  readonly key?: string;
  readonly endpoint?: string;
  readonly region?: string;
  readonly insecure?: boolean;
  readonly accessKeySecret?: KubeKeySelector;
  readonly secretKeySecret?: KubeKeySelector;
  readonly sessionTokenSecret?: KubeKeySelector;
  readonly caSecret?: KubeKeySelector;
  readonly roleARN?: string;
  readonly useSDKCreds?: boolean;
  readonly addressingStyle?: string;
  readonly createBucketIfNotPresent?: { readonly objectLocking?: boolean };
  readonly encryptionOptions?: {
    readonly enableEncryption?: boolean;
    readonly kmsKeyId?: string;
    readonly kmsEncryptionContext?: string;
    readonly serverSideCustomerKeySecret?: KubeKeySelector;
  };
}

export interface ArgoGcsArtifact {
  readonly bucket?: string;
  readonly key: string;
  readonly serviceAccountKeySecret?: KubeKeySelector;
}

export interface ArgoGitArtifact {
  readonly repo: string;
  readonly revision?: string;
  readonly branch?: string;
  readonly depth?: number;
  readonly fetch?: readonly string[];
  readonly singleBranch?: boolean;
  readonly disableSubmodules?: boolean;
  readonly insecureIgnoreHostKey?: boolean;
  readonly insecureSkipTLS?: boolean;
  readonly usernameSecret?: KubeKeySelector;
  readonly passwordSecret?: KubeKeySelector;
  readonly sshPrivateKeySecret?: KubeKeySelector;
}

export interface ArgoHttpAuth {
  readonly basicAuth?: { readonly usernameSecret?: KubeKeySelector; readonly passwordSecret?: KubeKeySelector };
  readonly clientCert?: { readonly clientCertSecret?: KubeKeySelector; readonly clientKeySecret?: KubeKeySelector };
  readonly oauth2?: {
    readonly clientIDSecret?: KubeKeySelector;
    readonly clientSecretSecret?: KubeKeySelector;
    readonly tokenURLSecret?: KubeKeySelector;
    readonly scopes?: readonly string[];
    readonly endpointParams?: readonly { readonly key: string; readonly value?: string }[];
  };
}

export interface ArgoHttpArtifact {
  readonly url: string;
  readonly headers?: readonly { readonly name: string; readonly value: string }[];
  readonly auth?: ArgoHttpAuth;
  readonly saveStreamViaFile?: boolean;
}

export interface ArgoAzureArtifact {
  readonly endpoint: string;
  readonly container: string;
  readonly blob: string;
  readonly accountKeySecret?: KubeKeySelector;
  readonly useSDKCreds?: boolean;
}

export interface ArgoHdfsArtifact {
  readonly addresses?: readonly string[];
  readonly path: string;
  readonly force?: boolean;
  readonly hdfsUser?: string;
  readonly dataTransferProtection?: string;
  readonly krbCCacheSecret?: KubeKeySelector;
  readonly krbKeytabSecret?: KubeKeySelector;
  readonly krbConfigConfigMap?: KubeKeySelector;
  readonly krbRealm?: string;
  readonly krbUsername?: string;
  readonly krbServicePrincipalName?: string;
}

export interface ArgoOssArtifact {
  readonly endpoint?: string;
  readonly bucket?: string;
  readonly key: string;
  readonly accessKeySecret?: KubeKeySelector;
  readonly secretKeySecret?: KubeKeySelector;
  readonly securityToken?: string;
  readonly createBucketIfNotPresent?: boolean;
  readonly useSDKCreds?: boolean;
  readonly lifecycleRule?: { readonly markInfrequentAccessAfterDays?: number; readonly markDeletionAfterDays?: number };
}

export interface ArgoArtifactoryArtifact {
  readonly url: string;
  readonly usernameSecret?: KubeKeySelector;
  readonly passwordSecret?: KubeKeySelector;
}

/** An artifact driver plugin; `configuration` is the plugin's own (YAML or JSON) text. */
export interface ArgoPluginArtifact {
  readonly name: string;
  readonly key: string;
  readonly configuration?: string;
  readonly connectionTimeoutSeconds?: number;
}

/** Where an artifact lives: at most one of these keys (Argo `ArtifactLocation`). */
export interface ArgoArtifactLocation {
  readonly s3?: ArgoS3Artifact;
  readonly gcs?: ArgoGcsArtifact;
  readonly git?: ArgoGitArtifact;
  readonly http?: ArgoHttpArtifact;
  readonly raw?: { readonly data: string };
  readonly azure?: ArgoAzureArtifact;
  readonly hdfs?: ArgoHdfsArtifact;
  readonly oss?: ArgoOssArtifact;
  readonly artifactory?: ArgoArtifactoryArtifact;
  readonly plugin?: ArgoPluginArtifact;
}

export interface ArgoArchiveStrategy {
  readonly none?: Readonly<Record<string, never>>;
  readonly tar?: { readonly compressionLevel?: number };
  readonly zip?: Readonly<Record<string, never>>;
}

export type ArgoArtifactGCStrategy = '' | 'OnWorkflowCompletion' | 'OnWorkflowDeletion' | 'Never';

export interface ArgoArtifactGC {
  readonly strategy?: ArgoArtifactGCStrategy;
  readonly serviceAccountName?: string;
  readonly podMetadata?: KubeLabelsAnnotations;
}

/** Everything an artifact can say besides its name and location. */
export interface ArgoArtifactOptions {
  readonly path?: string;
  readonly mode?: number;
  readonly from?: string;
  readonly fromExpression?: string;
  readonly globalName?: string;
  readonly archive?: ArgoArchiveStrategy;
  readonly archiveLogs?: boolean;
  readonly artifactGC?: ArgoArtifactGC;
  readonly optional?: boolean;
  readonly subPath?: string;
  readonly recurseMode?: boolean;
  readonly deleted?: boolean;
}

/** An Argo artifact (input, output or argument). */
export interface ArgoArtifactIR extends ArgoArtifactLocation, ArgoArtifactOptions {
  readonly name: string;
}

/** Where a parameter's value comes from. */
export interface ArgoValueFrom {
  readonly path?: string;
  readonly jsonPath?: string;
  readonly jqFilter?: string;
  readonly parameter?: string;
  readonly expression?: string;
  readonly event?: string;
  readonly default?: string;
  readonly configMapKeyRef?: KubeKeySelector;
  /** The value is supplied later, e.g. by a user resuming a suspend template. */
  readonly supplied?: Readonly<Record<string, never>>;
}

/** Everything a parameter can say besides its name. */
export interface ArgoParameterOptions {
  readonly value?: string;
  readonly default?: string;
  readonly enum?: readonly string[];
  readonly description?: string;
  readonly globalName?: string;
  readonly valueFrom?: ArgoValueFrom;
}

/** An Argo parameter (input, output or argument). */
export interface ArgoParameterIR extends ArgoParameterOptions {
  readonly name: string;
}

export interface ArgoArgumentsIR {
  readonly parameters?: readonly ArgoParameterIR[];
  readonly artifacts?: readonly ArgoArtifactIR[];
}

export interface ArgoInputsIR {
  readonly parameters?: readonly ArgoParameterIR[];
  readonly artifacts?: readonly ArgoArtifactIR[];
}

export interface ArgoOutputsIR {
  readonly parameters?: readonly ArgoParameterIR[];
  readonly artifacts?: readonly ArgoArtifactIR[];
  readonly result?: string;
  readonly exitCode?: string;
}

/** Where a workflow archives logs and outputs by default (template `archiveLocation`). */
export interface ArgoArtifactLocationWithLogs extends ArgoArtifactLocation {
  readonly archiveLogs?: boolean;
}
