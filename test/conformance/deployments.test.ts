import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { synthesize } from '../../synth/engine.ts';
import { SchemaRegistry } from '../../synth/validate/schema-registry.ts';
import { deploymentFixtures, fixtureProject } from '../fixtures/deployments.ts';
import { sharedDir } from '../shared-dir.ts';

/**
 * Every object the deployment fixtures synthesize is strict-valid against ../shared/schemas.
 * Core kinds (Service, ServiceAccount, Role, RoleBinding) have no schema there; they get the
 * explicit structural check below instead. AnalysisRuns embedded in KServe workflows are checked
 * against the AnalysisTemplate schema (their spec is the template's spec with arguments bound).
 */
const registry = new SchemaRegistry(resolve(sharedDir(), 'schemas'));

type Obj = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [k: string]: unknown;
};

const name = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
  .max(63);
const stringMap = z.record(z.string(), z.string());
const meta = z
  .object({ name, namespace: name.optional(), labels: stringMap.optional(), annotations: stringMap.optional() })
  .strict();
const CORE = {
  Service: z
    .object({
      apiVersion: z.literal('v1'),
      kind: z.literal('Service'),
      metadata: meta,
      spec: z.union([
        z
          .object({
            type: z.literal('ClusterIP'),
            selector: stringMap,
            ports: z
              .array(
                z
                  .object({
                    name: z.enum(['http', 'grpc']),
                    port: z.number().int().min(1).max(65535),
                    targetPort: z.number().int().min(1).max(65535),
                  })
                  .strict(),
              )
              .min(1),
          })
          .strict(),
        z.object({ type: z.literal('ExternalName'), externalName: z.string().regex(/^[a-z0-9.-]+$/) }).strict(),
      ]),
    })
    .strict(),
  ServiceAccount: z
    .object({
      apiVersion: z.literal('v1'),
      kind: z.literal('ServiceAccount'),
      metadata: meta,
      automountServiceAccountToken: z.boolean(),
    })
    .strict(),
  Role: z
    .object({
      apiVersion: z.literal('rbac.authorization.k8s.io/v1'),
      kind: z.literal('Role'),
      metadata: meta,
      rules: z
        .array(
          z
            .object({
              apiGroups: z.array(z.string()).length(1),
              resources: z.array(z.string().min(1)).length(1),
              resourceNames: z.array(name).optional(),
              verbs: z.array(z.enum(['get', 'list', 'watch', 'create', 'patch'])).min(1),
            })
            .strict(),
        )
        .min(1),
    })
    .strict(),
  RoleBinding: z
    .object({
      apiVersion: z.literal('rbac.authorization.k8s.io/v1'),
      kind: z.literal('RoleBinding'),
      metadata: meta,
      roleRef: z.object({ apiGroup: z.literal('rbac.authorization.k8s.io'), kind: z.literal('Role'), name }).strict(),
      subjects: z
        .array(z.object({ kind: z.literal('ServiceAccount'), name, namespace: name.optional() }).strict())
        .length(1),
    })
    .strict(),
} as const;

const fixtures = Object.keys(deploymentFixtures).map((key) => {
  const objects = synthesize(fixtureProject(key)).files.flatMap((f) => f.documents as Obj[]);
  return { key, objects };
});
const all = fixtures.flatMap(({ key, objects }) => objects.map((obj) => ({ key, obj })));

describe('deployment objects conform (strict schemas for CRDs, structural checks for core kinds)', () => {
  it.each(all.map(({ key, obj }) => [`${key}: ${obj.kind} ${obj.metadata.name}`, obj] as const))(
    '%s',
    (_label, obj) => {
      const core = CORE[obj.kind as keyof typeof CORE];
      if (core) {
        const r = core.safeParse(obj);
        expect(r.success, r.success ? '' : JSON.stringify(r.error.issues, null, 1)).toBe(true);
      } else {
        const findings = registry.validate(obj);
        expect(findings, `no schema for ${obj.apiVersion} ${obj.kind}`).toBeDefined();
        expect(findings).toEqual([]);
      }
      // cdk8s must not leak its own labels or hashed names into the output.
      expect(JSON.stringify(obj)).not.toContain('cdk8s.io');
    },
  );

  it('GIVEN the fixtures THEN every deployment kind the issue names is covered', () => {
    const kinds = new Set(all.map(({ obj }) => obj.kind));
    for (const k of [
      'Rollout',
      'AnalysisTemplate',
      'InferenceService',
      'VirtualService',
      'DestinationRule',
      'WorkflowTemplate',
      'Workflow',
      'Service',
      'ServiceAccount',
      'Role',
      'RoleBinding',
    ])
      expect(kinds).toContain(k);
  });

  it('GIVEN the KServe workflows and sync hooks THEN each embedded AnalysisRun is a valid AnalysisTemplate spec, each submitted Workflow is strict-valid, each read names its object and each patch is a JSON patch', () => {
    const workflows = all.filter(
      ({ obj }) =>
        (obj.kind === 'WorkflowTemplate' || obj.kind === 'Workflow') &&
        (obj.spec as { serviceAccountName?: string }).serviceAccountName,
    );
    expect(workflows.length).toBeGreaterThan(0);
    const seen = { runs: 0, submits: 0, gets: 0, patches: 0 };
    for (const { obj } of workflows) {
      for (const t of (obj.spec as { templates: { name: string; resource?: { action: string; manifest: string } }[] })
        .templates) {
        if (!t.resource) continue;
        if (t.resource.action === 'create') {
          const created = load(t.resource.manifest) as Obj & { spec: unknown };
          if (created.kind === 'Workflow') {
            expect(registry.validate(created)).toEqual([]);
            seen.submits++;
            continue;
          }
          expect(created.kind).toBe('AnalysisRun');
          const asTemplate = {
            apiVersion: created.apiVersion,
            kind: 'AnalysisTemplate',
            metadata: { name: 'bound' },
            spec: created.spec,
          };
          expect(registry.validate(asTemplate)).toEqual([]);
          seen.runs++;
        } else if (t.resource.action === 'get') {
          const read = load(t.resource.manifest) as Obj;
          expect(['InferenceService', 'VirtualService']).toContain(read.kind);
          expect(read.metadata.name).toMatch(/^[a-z0-9-]+$/);
          seen.gets++;
        } else {
          expect(t.resource.action).toBe('patch');
          const ops = JSON.parse(t.resource.manifest.replace('{{inputs.parameters.percent}}', '10')) as {
            op: string;
            path: string;
          }[];
          expect(ops.length).toBeGreaterThan(0);
          for (const op of ops) expect(['test', 'add', 'replace', 'remove']).toContain(op.op);
          seen.patches++;
        }
      }
    }
    expect(
      Object.values(seen).every((n) => n > 0),
      JSON.stringify(seen),
    ).toBe(true);
  });

  it('GIVEN a Rollout experiment step THEN the Experiment Argo Rollouts creates from it is strict-valid', () => {
    type Rollout = Obj & {
      spec: { selector: unknown; template: unknown; strategy: { canary?: { steps: Record<string, unknown>[] } } };
    };
    type ExperimentStep = {
      templates: { name: string; specRef: string; replicas?: number; service?: unknown }[];
      analyses?: Record<string, unknown>[];
      duration?: string;
    };
    const steps = all
      .filter(({ obj }) => obj.kind === 'Rollout')
      .flatMap(({ obj }) =>
        ((obj as Rollout).spec.strategy.canary?.steps ?? [])
          .filter((s) => s.experiment)
          .map((s) => ({ rollout: obj as Rollout, step: s.experiment as ExperimentStep })),
      );
    expect(steps.length).toBeGreaterThan(0);
    for (const { rollout, step } of steps) {
      // The controller fills each template from the Rollout's pod template (stable or canary ReplicaSet); `weight` stays on the step.
      const experiment = {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Experiment',
        metadata: { name: `${rollout.metadata.name}-experiment` },
        spec: {
          ...(step.duration ? { duration: step.duration } : {}),
          templates: step.templates.map((t) => ({
            name: t.name,
            ...(t.replicas !== undefined ? { replicas: t.replicas } : {}),
            selector: rollout.spec.selector,
            template: rollout.spec.template,
            ...(t.service ? { service: t.service } : {}),
          })),
          ...(step.analyses ? { analyses: step.analyses } : {}),
        },
      };
      expect(registry.validate(experiment)).toEqual([]);
    }
  });
});
