import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KfpProtoChecker } from './kfp/proto-check.ts';
import { SchemaRegistry } from './schema-registry.ts';
import { RULE_IDS, SKIPPABLE, validateSources, type ValidateOptions } from './validate.ts';

const kinds = fc.constantFrom(
  'Deployment',
  'Rollout',
  'WorkflowTemplate',
  'CronWorkflow',
  'InferenceService',
  'AnalysisTemplate',
  'Pod',
  'ConfigMap',
);
// YAML mappings may have a `toString` or `valueOf` key: such values cannot become strings by
// coercion, so they sit where every layer expects names, images, capabilities and kinds.
const hostile = fc.constantFrom<unknown>({ toString: {} }, ['x', { valueOf: 1, toString: [] }]);
const field = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: a },
    { weight: 1, arbitrary: hostile },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  );
const container = fc.record({
  name: field(fc.constant('main')),
  image: field(fc.constantFrom('busybox', 'busybox:1.36')),
  env: field(fc.array(fc.record({ name: field(fc.constantFrom('API_TOKEN', 'X')), value: field(fc.constant('v')) }))),
  securityContext: field(
    fc.record({
      capabilities: field(
        fc.record({ add: field(fc.array(field(fc.constant('NET_ADMIN')))), drop: field(fc.constant(['ALL'])) }),
      ),
      seccompProfile: field(fc.record({ type: field(fc.constant('RuntimeDefault')) })),
    }),
  ),
  resources: field(fc.record({ requests: field(fc.constant({ cpu: '1' })) })),
});
const podSpec = fc.record({
  containers: field(fc.array(container, { maxLength: 2 })),
  volumes: field(fc.array(fc.record({ name: field(fc.constant('v')), hostPath: fc.constant({}) }))),
  templates: field(fc.array(fc.record({ name: field(fc.constant('t')), container }), { maxLength: 2 })),
});
const structured = fc.record({
  apiVersion: field(fc.constantFrom('v1', 'argoproj.io/v1alpha1')),
  kind: field(kinds),
  metadata: field(fc.record({ name: field(fc.constant('n')), labels: field(fc.constant({ a: 'b' })) })),
  spec: field(
    fc.record({
      template: field(fc.record({ spec: podSpec })),
      containers: field(fc.array(container)),
      templates: field(fc.array(fc.record({ name: field(fc.constant('t')), container }))),
    }),
  ),
});
// KFP documents are recognized by shape, so arbitrary values sit where the kfp layer expects them.
const task = fc.record({
  componentRef: field(fc.record({ name: field(fc.constantFrom('comp-a', 'comp-b')) })),
  dependentTasks: field(fc.array(field(fc.constant('t')))),
  inputs: field(
    fc.record({ parameters: field(fc.dictionary(fc.constantFrom('x', 'y'), fc.jsonValue({ maxDepth: 2 }))) }),
  ),
});
const pipelineSpec = fc.record(
  {
    pipelineInfo: fc.record({ name: field(fc.constant('p')) }),
    schemaVersion: field(fc.constant('2.1.0')),
    root: field(
      fc.record({
        dag: field(fc.record({ tasks: field(fc.dictionary(fc.constantFrom('t', 'u'), task)) })),
        inputDefinitions: field(fc.jsonValue({ maxDepth: 2 })),
      }),
    ),
    components: field(
      fc.dictionary(
        fc.constantFrom('comp-a', 'comp-b'),
        fc.record(
          { executorLabel: field(fc.constant('exec-a')), dag: field(fc.jsonValue({ maxDepth: 2 })) },
          { requiredKeys: [] },
        ),
      ),
    ),
    deploymentSpec: field(
      fc.record({
        executors: field(
          fc.dictionary(
            fc.constant('exec-a'),
            fc.record({
              container: field(
                fc.record({
                  image: field(fc.constant('x')),
                  command: field(fc.array(field(fc.constant("{{$.inputs.parameters['x']}}")))),
                }),
              ),
            }),
          ),
        ),
      }),
    ),
  },
  { requiredKeys: ['pipelineInfo', 'root'] },
);
const platformSpec = fc.record({
  platforms: fc.record({
    kubernetes: field(
      fc.record({
        deploymentSpec: field(
          fc.record({ executors: field(fc.dictionary(fc.constant('exec-a'), fc.jsonValue({ maxDepth: 2 }))) }),
        ),
      }),
    ),
  }),
});
const recurringRun = fc.record(
  {
    displayName: field(fc.constant('nightly')),
    pipelineSpec: field(
      fc.oneof(pipelineSpec, fc.record({ pipeline_spec: field(pipelineSpec), platform_spec: field(platformSpec) })),
    ),
    maxConcurrency: field(fc.constantFrom('1', 20)),
    trigger: field(
      fc.record(
        {
          cronSchedule: field(fc.record({ cron: field(fc.constantFrom('0 0 3 * * *', '3 * * *')) })),
          periodicSchedule: field(fc.record({ intervalSecond: field(fc.constant('0')) })),
        },
        { requiredKeys: [] },
      ),
    ),
    mode: field(fc.constant('ENABLE')),
    runtimeConfig: field(fc.record({ parameters: field(fc.jsonValue({ maxDepth: 2 })) })),
  },
  { requiredKeys: ['displayName'] },
);
const doc = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({
    apiVersion: fc.constantFrom('v1', 'apps/v1', 'argoproj.io/v1alpha1', 'serving.kserve.io/v1beta1'),
    kind: kinds,
    metadata: fc.jsonValue({ maxDepth: 2 }),
    spec: fc.jsonValue({ maxDepth: 5 }),
  }),
  structured,
  pipelineSpec,
  platformSpec,
  recurringRun,
);

describe('validateSources', () => {
  it('GIVEN arbitrary documents WHEN every layer but schema runs THEN each gets a report and nothing throws', () => {
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 4 }), (objects) => {
        const reports = validateSources(
          { documents: objects.map((object, index) => ({ file: 'f.yaml', index, object })), problems: [], files: 1 },
          { skip: ['schema'] },
        );
        expect(reports).toHaveLength(objects.length);
        for (const r of reports) {
          for (const f of r.findings) {
            expect(typeof f.message).toBe('string');
            if (f.rule !== 'yaml/parse')
              expect(SKIPPABLE, 'every rule a finding carries can be skipped').toContain(f.rule);
            expect(f.rule.startsWith(`${f.layer}/`), f.rule).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('GIVEN a rule id in skip WHEN validating THEN only that rule is silenced', () => {
    const object = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'x' }] },
    };
    const rules = (skip: string[]): string[] => [
      ...new Set(
        validateSources({ documents: [{ file: 'f', index: 0, object }], problems: [], files: 1 }, { skip }).flatMap(
          (r) => r.findings.map((f) => f.rule),
        ),
      ),
    ];
    expect(rules(['schema'])).toEqual(['policy/pss-restricted', 'policy/pinned-image', 'policy/resources']);
    expect(rules(['schema', 'policy/pinned-image'])).toEqual(['policy/pss-restricted', 'policy/resources']);
    expect(rules(['schema', 'policy'])).toEqual([]);
  });
});

describe('the rule ids of --skip', () => {
  // Input that breaks every rule at least once; the proto checker stands in for the compiled KFP protos.
  const crd = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } };
  const documents: unknown[] = [
    [1, 2],
    { metadata: { labels: { 'bad key!': 'v' }, annotations: { a: 1 } } },
    crd,
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, bogus: 1 },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'x', env: [{ name: 'API_TOKEN', value: 'abc' }] }] },
    },
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'WorkflowTemplate',
      metadata: { name: 't' },
      spec: {
        entrypoint: 'missing',
        templates: [{ name: 'main', script: { image: 'x:1', source: 'x'.repeat(600 * 1024) } }],
      },
    },
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name: 'w' },
      spec: { workflowTemplateRef: { name: 'elsewhere' } },
    },
    {
      pipelineInfo: { name: '' },
      schemaVersion: '2.1.0',
      root: { dag: { tasks: { t: { componentRef: { name: 'comp-missing' } } } } },
    },
    { displayName: 'nightly', trigger: { cronSchedule: { cron: '3 * * *' } } },
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AnalysisTemplate',
      metadata: { name: 'gate' },
      spec: { metrics: [{ name: 'm', provider: {} }] },
    },
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: 'r' },
      spec: {
        strategy: {
          canary: {
            canaryService: 's',
            stableService: 's',
            steps: [
              { setWeight: 200 },
              { setMirrorRoute: { name: 'mirror' } },
              { analysis: { templates: [{ templateName: 'none' }] } },
              { experiment: { templates: [] } },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: 'b' },
      spec: { strategy: { blueGreen: { activeService: 'a', previewService: 'a' } } },
    },
  ];
  const protos = {
    pipelineSpec: () => [{ path: '', message: 'not a PipelineSpec' }],
    platformSpec: () => [],
  } as unknown as KfpProtoChecker;
  const opts: ValidateOptions = {
    registry: new SchemaRegistry(mkdtempSync(join(tmpdir(), 'argosy-schemas-'))),
    externalRefs: 'warn',
    kfpProtos: protos,
  };
  const emitted = (skip: readonly string[] = []): string[] =>
    [
      ...new Set(
        validateSources(
          {
            documents: documents.map((object, i) => ({ file: `f${i}.yaml`, index: 0, object })),
            problems: [{ file: 'bad.yaml', severity: 'error', message: 'not valid YAML' }],
            files: documents.length + 1,
          },
          { ...opts, skip },
        ).flatMap((r) => r.findings.map((f) => f.rule)),
      ),
    ].sort();

  it('GIVEN input breaking every rule WHEN validated THEN the rules found are exactly the declared ids, all skippable but parse errors', () => {
    expect(emitted()).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS.filter((r) => r !== 'yaml/parse')) expect(SKIPPABLE).toContain(id);
    expect(SKIPPABLE).not.toContain('yaml/parse');
    expect(SKIPPABLE).not.toContain('yaml');
  });

  it.each(RULE_IDS.filter((id) => id !== 'yaml/parse').map((id) => [id]))(
    'GIVEN --skip %s THEN only that rule disappears',
    (id) => {
      expect(emitted([id])).toEqual([...RULE_IDS].filter((r) => r !== id).sort());
    },
  );
});
