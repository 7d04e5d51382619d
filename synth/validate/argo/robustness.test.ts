import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storeOf } from './context.ts';
import type { ArgoObject } from './types.ts';
import { argoVerdict } from './workflow.ts';

// Untrusted YAML: any field may hold any JSON value. The semantic layer must answer with a
// verdict (valid, or Argo's message), never crash, whatever the schema layer would say.
// YAML maps may have keys such as `toString`, so a value can be a mapping that String() and
// template literals cannot convert: the `hostile` values put those where strings are expected.
const hostile = fc.constantFrom<unknown>({ toString: {} }, { valueOf: 1, toString: [] }, ['a', { toString: {} }], {
  toString: null,
  valueOf: null,
});
const anyJson = fc.oneof({ weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: hostile });
const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('main', 'a', 'b', '', 'x-1', 'Bad_Name') },
  { weight: 1, arbitrary: hostile },
);
const str = fc.oneof(name, anyJson);
const param = fc.record(
  {
    name,
    value: anyJson,
    enum: anyJson,
    valueFrom: fc.oneof(anyJson, fc.record({ path: str, parameter: str, expression: str })),
    globalName: str,
  },
  { requiredKeys: ['name'] },
);
const artifact = fc.record(
  { name, path: str, from: str, globalName: str, optional: anyJson },
  { requiredKeys: ['name'] },
);
const ref = fc.record({ name: str, template: str, clusterScope: anyJson });
const holder = fc.record(
  {
    name,
    template: str,
    templateRef: fc.oneof(fc.constant(undefined), ref, anyJson),
    arguments: fc.oneof(anyJson, fc.record({ parameters: fc.array(param), artifacts: fc.array(artifact) })),
    depends: fc.oneof(fc.constant('a && b.Failed'), anyJson),
    dependencies: fc.oneof(anyJson, fc.array(str)),
    withItems: anyJson,
    withParam: anyJson,
    when: anyJson,
    hooks: anyJson,
    onExit: str,
    continueOn: anyJson,
  },
  { requiredKeys: ['name'] },
);
const container = fc.record({
  name: str,
  image: fc.oneof(fc.constant('alpine:3'), anyJson),
  args: anyJson,
  volumeMounts: fc.oneof(anyJson, fc.array(fc.record({ name: str, mountPath: str }))),
  dependencies: fc.oneof(anyJson, fc.array(str)),
});
const template = fc.record(
  {
    name,
    container: fc.oneof(fc.constant(undefined), container),
    containerSet: fc.oneof(fc.constant(undefined), fc.record({ containers: fc.array(container) }), anyJson),
    script: fc.oneof(fc.constant(undefined), anyJson),
    steps: fc.oneof(fc.constant(undefined), fc.array(fc.array(holder)), anyJson),
    dag: fc.oneof(fc.constant(undefined), fc.record({ tasks: fc.array(holder), target: str }), anyJson),
    inputs: fc.oneof(anyJson, fc.record({ parameters: fc.array(param), artifacts: fc.array(artifact) })),
    outputs: fc.oneof(anyJson, fc.record({ parameters: fc.array(param), artifacts: fc.array(artifact) })),
    metrics: fc.oneof(
      anyJson,
      fc.record({
        prometheus: fc.array(
          fc.record({
            name: str,
            help: str,
            labels: fc.oneof(anyJson, fc.array(fc.record({ key: str, value: str }))),
            gauge: fc.oneof(anyJson, fc.record({ value: str, realtime: anyJson })),
          }),
        ),
      }),
    ),
    resource: fc.oneof(
      fc.constant(undefined),
      fc.record({ action: str, manifest: str, manifestFrom: anyJson }),
      anyJson,
    ),
    retryStrategy: fc.oneof(anyJson, fc.record({ retryPolicy: str })),
    activeDeadlineSeconds: anyJson,
    timeout: str,
    parallelism: anyJson,
    archiveLocation: anyJson,
    podResources: anyJson,
  },
  { requiredKeys: ['name'] },
);
const spec = fc.record({
  entrypoint: str,
  templates: fc.oneof(fc.array(fc.oneof(template, anyJson)), anyJson),
  arguments: fc.oneof(anyJson, fc.record({ parameters: fc.array(param), artifacts: fc.array(artifact) })),
  onExit: str,
  hooks: anyJson,
  podGC: fc.oneof(
    anyJson,
    fc.record({
      strategy: str,
      labelSelector: fc.oneof(anyJson, fc.record({ matchExpressions: fc.array(fc.record({ operator: str })) })),
    }),
  ),
  workflowTemplateRef: fc.oneof(fc.constant(undefined), fc.record({ name: str, clusterScope: anyJson })),
  priority: anyJson,
  podResources: anyJson,
  schedules: fc.oneof(anyJson, fc.array(str)),
  schedule: str,
  timezone: str,
  concurrencyPolicy: str,
  startingDeadlineSeconds: anyJson,
});
const workflow = fc.record({
  kind: fc.constantFrom('Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow'),
  metadata: fc.oneof(anyJson, fc.record({ name: str, namespace: str, labels: anyJson, annotations: anyJson })),
  spec: fc.oneof(
    anyJson,
    spec,
    fc.record({ workflowSpec: spec, schedules: fc.array(str), timezone: str, concurrencyPolicy: str }),
  ),
});

describe('Argo semantic layer on arbitrary input', () => {
  it('GIVEN any shape of Argo object WHEN validated THEN it returns a verdict and never throws', () => {
    fc.assert(
      fc.property(workflow, fc.array(spec, { maxLength: 2 }), (wf, others) => {
        const store = storeOf(
          others.map((s, i) => ({
            kind: 'WorkflowTemplate' as const,
            name: ['a', 'b'][i] as string,
            spec: s as never,
          })),
        );
        const v = argoVerdict(wf as ArgoObject, store);
        expect(v === undefined || typeof v === 'string').toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('GIVEN a template name that is a mapping with a toString key WHEN validated THEN the verdict is a message', () => {
    const wf = {
      kind: 'Workflow',
      metadata: { name: 'w' },
      spec: {
        entrypoint: 'main',
        templates: [{ name: 'main', dag: { tasks: [{ name: 'a', template: { toString: {} } }] } }],
      },
    };
    expect(argoVerdict(wf as unknown as ArgoObject, storeOf([]))).toMatch(
      /template name '\{"toString":\{\}\}' undefined/,
    );
  });
});
