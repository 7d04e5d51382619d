import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateSources } from './validate.ts';

const kinds = fc.constantFrom('Deployment', 'Rollout', 'WorkflowTemplate', 'CronWorkflow', 'InferenceService', 'AnalysisTemplate', 'Pod', 'ConfigMap');
const doc = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ apiVersion: fc.constantFrom('v1', 'apps/v1', 'argoproj.io/v1alpha1', 'serving.kserve.io/v1beta1'), kind: kinds, metadata: fc.jsonValue({ maxDepth: 2 }), spec: fc.jsonValue({ maxDepth: 5 }) }));

describe('validateSources', () => {
  it('GIVEN arbitrary documents WHEN every layer but schema runs THEN each gets a report and nothing throws', () => {
    fc.assert(fc.property(fc.array(doc, { maxLength: 4 }), (objects) => {
      const reports = validateSources({ documents: objects.map((object, index) => ({ file: 'f.yaml', index, object })), problems: [], files: 1 }, { skip: ['schema'] });
      expect(reports).toHaveLength(objects.length);
      for (const r of reports) for (const f of r.findings) expect(typeof f.message).toBe('string');
    }), { numRuns: 400 });
  });

  it('GIVEN a rule id in skip WHEN validating THEN only that rule is silenced', () => {
    const object = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }] } };
    const rules = (skip: string[]): string[] => [...new Set(validateSources({ documents: [{ file: 'f', index: 0, object }], problems: [], files: 1 }, { skip }).flatMap((r) => r.findings.map((f) => f.rule)))];
    expect(rules(['schema'])).toEqual(['policy/pss-restricted', 'policy/pinned-image', 'policy/resources']);
    expect(rules(['schema', 'policy/pinned-image'])).toEqual(['policy/pss-restricted', 'policy/resources']);
    expect(rules(['schema', 'policy'])).toEqual([]);
  });
});
