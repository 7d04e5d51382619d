import { z } from 'zod';
import type { SchemaFinding } from '../../synth/validate/schema-registry.ts';

/**
 * Strict schemas for the built-in Kubernetes kinds Argosy emits, which ../shared/schemas (CRDs
 * only) does not cover: ServiceAccount and Service (core/v1) and Role / RoleBinding
 * (rbac.authorization.k8s.io/v1). Fields follow the Kubernetes API reference for those versions;
 * unknown fields are rejected at every level, like the CRD schemas' additionalProperties: false.
 */
const dnsSubdomain = z.string().max(253).regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/);
const stringMap = z.record(z.string(), z.string());

const objectMeta = z.strictObject({
  name: dnsSubdomain,
  namespace: dnsSubdomain.optional(),
  labels: stringMap.optional(),
  annotations: stringMap.optional(),
});

const localObjectReference = z.strictObject({ name: z.string() });

const policyRule = z.strictObject({
  apiGroups: z.array(z.string()).optional(),
  resources: z.array(z.string()).optional(),
  resourceNames: z.array(z.string()).optional(),
  nonResourceURLs: z.array(z.string()).optional(),
  verbs: z.array(z.string()).min(1),
});

const subject = z.strictObject({
  kind: z.enum(['ServiceAccount', 'User', 'Group']),
  name: z.string().min(1),
  namespace: z.string().optional(),
  apiGroup: z.string().optional(),
});

const servicePort = z.strictObject({
  name: z.string().max(63).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/).optional(),
  protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
  appProtocol: z.string().optional(),
  port: z.number().int().min(1).max(65535),
  // An int port or the name of a container port (IANA_SVC_NAME).
  targetPort: z.union([z.number().int().min(1).max(65535), z.string().max(15).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)]).optional(),
  nodePort: z.number().int().min(1).max(65535).optional(),
});

const serviceSpec = z
  .strictObject({
    type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']).optional(),
    selector: stringMap.optional(),
    ports: z.array(servicePort).optional(),
    clusterIP: z.string().optional(),
    externalName: z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/).optional(),
    sessionAffinity: z.enum(['None', 'ClientIP']).optional(),
    publishNotReadyAddresses: z.boolean().optional(),
    internalTrafficPolicy: z.enum(['Cluster', 'Local']).optional(),
  })
  // The API server requires the name for ExternalName, and ports for every other type.
  .refine((s) => (s.type === 'ExternalName' ? Boolean(s.externalName) : (s.ports ?? []).length > 0), 'ExternalName Services need externalName; other Services need ports')
  .refine((s) => (s.ports ?? []).length < 2 || (s.ports ?? []).every((p) => p.name), 'every port of a multi-port Service needs a name');

const CORE_KINDS: Record<string, z.ZodType> = {
  'v1/Service': z.strictObject({
    apiVersion: z.literal('v1'),
    kind: z.literal('Service'),
    metadata: objectMeta,
    spec: serviceSpec,
  }),
  'v1/ServiceAccount': z.strictObject({
    apiVersion: z.literal('v1'),
    kind: z.literal('ServiceAccount'),
    metadata: objectMeta,
    automountServiceAccountToken: z.boolean().optional(),
    imagePullSecrets: z.array(localObjectReference).optional(),
    secrets: z.array(z.strictObject({ name: z.string(), namespace: z.string().optional(), kind: z.string().optional(), apiVersion: z.string().optional(), uid: z.string().optional(), fieldPath: z.string().optional(), resourceVersion: z.string().optional() })).optional(),
  }),
  'rbac.authorization.k8s.io/v1/Role': z.strictObject({
    apiVersion: z.literal('rbac.authorization.k8s.io/v1'),
    kind: z.literal('Role'),
    metadata: objectMeta,
    rules: z.array(policyRule).optional(),
  }),
  'rbac.authorization.k8s.io/v1/RoleBinding': z.strictObject({
    apiVersion: z.literal('rbac.authorization.k8s.io/v1'),
    kind: z.literal('RoleBinding'),
    metadata: objectMeta,
    roleRef: z.strictObject({ apiGroup: z.literal('rbac.authorization.k8s.io'), kind: z.enum(['Role', 'ClusterRole']), name: z.string().min(1) }),
    subjects: z
      .array(subject)
      .optional()
      // The API server rejects a ServiceAccount subject without a namespace.
      .refine((subjects) => (subjects ?? []).every((s) => s.kind !== 'ServiceAccount' || Boolean(s.namespace)), 'ServiceAccount subjects need a namespace'),
  }),
};

/** Validates a built-in kind; `undefined` means the kind is not one of them. */
export function validateCoreKind(obj: { apiVersion?: unknown; kind?: unknown }): SchemaFinding[] | undefined {
  const schema = CORE_KINDS[`${String(obj.apiVersion)}/${String(obj.kind)}`];
  if (!schema) return undefined;
  const result = schema.safeParse(obj);
  return result.success ? [] : result.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message }));
}
