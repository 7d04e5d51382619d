import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storeOf } from './context.ts';
import type { ArgoObject } from './types.ts';
import { argoVerdict } from './workflow.ts';

// Untrusted YAML: any field may hold any JSON value. The semantic layer must answer with a
// verdict (valid, or Argo's message), never crash, whatever the schema layer would say.
const anyJson = fc.jsonValue({ maxDepth: 3 });
const name = fc.constantFrom('main', 'a', 'b', '', 'x-1', 'Bad_Name');
const holder = fc.record({ name, template: fc.oneof(name, anyJson), arguments: fc.oneof(anyJson, fc.record({ parameters: fc.array(fc.record({ name, value: anyJson })) })), depends: fc.oneof(fc.constant('a && b.Failed'), anyJson), dependencies: anyJson, withItems: anyJson, withParam: anyJson, when: anyJson, templateRef: fc.oneof(fc.constant(undefined), anyJson) }, { requiredKeys: ['name'] });
const template = fc.record({
  name,
  container: fc.oneof(fc.constant(undefined), fc.record({ image: fc.oneof(fc.constant('alpine:3'), anyJson), args: anyJson })),
  script: fc.oneof(fc.constant(undefined), anyJson),
  steps: fc.oneof(fc.constant(undefined), fc.array(fc.array(holder)), anyJson),
  dag: fc.oneof(fc.constant(undefined), fc.record({ tasks: fc.array(holder) }), anyJson),
  inputs: fc.oneof(anyJson, fc.record({ parameters: fc.array(fc.record({ name, value: anyJson })) })),
  outputs: anyJson,
  metrics: anyJson,
  resource: fc.oneof(fc.constant(undefined), anyJson),
}, { requiredKeys: ['name'] });
const workflow = fc.record({
  kind: fc.constantFrom('Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow'),
  metadata: fc.oneof(anyJson, fc.record({ name })),
  spec: fc.oneof(anyJson, fc.record({ entrypoint: fc.oneof(name, anyJson), templates: fc.oneof(fc.array(fc.oneof(template, anyJson)), anyJson), arguments: anyJson, onExit: anyJson, hooks: anyJson, podGC: anyJson, workflowSpec: anyJson, schedules: anyJson, workflowTemplateRef: anyJson })),
});

describe('Argo semantic layer on arbitrary input', () => {
  it('GIVEN any shape of Argo object WHEN validated THEN it returns a verdict and never throws', () => {
    fc.assert(fc.property(workflow, (wf) => {
      const v = argoVerdict(wf as ArgoObject, storeOf([]));
      expect(v === undefined || typeof v === 'string').toBe(true);
    }), { numRuns: 600 });
  });
});
