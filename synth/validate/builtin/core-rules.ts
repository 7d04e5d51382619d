import { z } from 'zod';
import type { SchemaFinding } from '../schema-registry.ts';

/**
 * What the API server checks beyond structure for the built-in kinds Argosy emits and users
 * commonly write: enums, value ranges and rules across fields (a Service needs ports unless it
 * is ExternalName, a ServiceAccount subject needs a namespace, pod templates need images).
 * Structure (unknown fields, value types, required fields) is checked from the API models in
 * structure.ts; these schemas are therefore loose and only add the rules the models cannot say.
 */
const portName = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a lowercase RFC 1123 label');
const port = z.number().int().min(1).max(65535);

const servicePort = z.looseObject({
  name: portName.optional(),
  protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
  port,
  // An int port or the name of a container port (IANA_SVC_NAME).
  targetPort: z
    .union([
      port,
      z
        .string()
        .max(15)
        .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/),
    ])
    .optional(),
  nodePort: port.optional(),
});

const serviceSpec = z
  .looseObject({
    type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']).optional(),
    ports: z.array(servicePort).optional(),
    externalName: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/)
      .optional(),
    sessionAffinity: z.enum(['None', 'ClientIP']).optional(),
    internalTrafficPolicy: z.enum(['Cluster', 'Local']).optional(),
  })
  // The API server requires the name for ExternalName, and ports for every other type.
  .refine(
    (s) => (s.type === 'ExternalName' ? Boolean(s.externalName) : (s.ports ?? []).length > 0),
    'ExternalName Services need externalName; other Services need ports',
  )
  .refine(
    (s) => (s.ports ?? []).length < 2 || (s.ports ?? []).every((p) => p.name),
    'every port of a multi-port Service needs a name',
  );

const policyRule = z.looseObject({ verbs: z.array(z.string()).min(1) });

const subject = z.looseObject({ kind: z.enum(['ServiceAccount', 'User', 'Group']), name: z.string().min(1) });

const binding = z.looseObject({
  roleRef: z.looseObject({
    apiGroup: z.literal('rbac.authorization.k8s.io'),
    kind: z.enum(['Role', 'ClusterRole']),
    name: z.string().min(1),
  }),
  subjects: z
    .array(subject)
    .optional()
    // The API server rejects a ServiceAccount subject without a namespace.
    .refine(
      (subjects) =>
        (subjects ?? []).every((s) => s.kind !== 'ServiceAccount' || Boolean((s as { namespace?: unknown }).namespace)),
      'ServiceAccount subjects need a namespace',
    ),
});

// image is optional in the API model (a PodTemplate may leave it to a controller) but Pods and workloads need one.
const container = z
  .looseObject({ name: portName.optional() })
  .refine((c) => typeof c.image === 'string' && c.image !== '', {
    message: 'a container needs an image',
    path: ['image'],
  });
const podSpec = z.looseObject({
  containers: z.array(container).min(1, 'a pod needs at least one container'),
  initContainers: z.array(container).optional(),
  restartPolicy: z.enum(['Always', 'OnFailure', 'Never']).optional(),
});
const podTemplate = z.looseObject({ spec: podSpec });
// A Job's pods must not restart Always, which is also the default when restartPolicy is left out.
const jobPodSpec = podSpec.refine((s) => s.restartPolicy === 'OnFailure' || s.restartPolicy === 'Never', {
  message: 'a Job pod needs restartPolicy OnFailure or Never',
  path: ['restartPolicy'],
});
const workload = z.looseObject({ spec: z.looseObject({ template: podTemplate }) });

const RULES: Record<string, z.ZodType> = {
  'v1/Service': z.looseObject({ spec: serviceSpec }),
  'v1/Pod': z.looseObject({ spec: podSpec }),
  'rbac.authorization.k8s.io/v1/Role': z.looseObject({ rules: z.array(policyRule).optional() }),
  'rbac.authorization.k8s.io/v1/ClusterRole': z.looseObject({ rules: z.array(policyRule).optional() }),
  'rbac.authorization.k8s.io/v1/RoleBinding': binding,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': binding,
  'apps/v1/Deployment': workload,
  'apps/v1/StatefulSet': workload,
  'apps/v1/DaemonSet': workload,
  'apps/v1/ReplicaSet': workload,
  'batch/v1/Job': z.looseObject({ spec: z.looseObject({ template: z.looseObject({ spec: jobPodSpec }) }) }),
  'batch/v1/CronJob': z.looseObject({
    spec: z.looseObject({
      jobTemplate: z.looseObject({ spec: z.looseObject({ template: z.looseObject({ spec: jobPodSpec }) }) }),
    }),
  }),
};

/** The rule findings for a built-in kind; empty when it has no rules beyond its structure. */
export function coreRuleFindings(obj: { apiVersion?: unknown; kind?: unknown }): SchemaFinding[] {
  const schema = RULES[`${String(obj.apiVersion)}/${String(obj.kind)}`];
  if (!schema) return [];
  const result = schema.safeParse(obj);
  // Missing or mistyped fields are the structure check's to report; keep only what it cannot see.
  const issues = result.success ? [] : result.error.issues.filter((i) => i.code !== 'invalid_type');
  return issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message }));
}
