import { describe, expect, it } from 'vitest';
import { SIZE_ERROR_BYTES, SIZE_WARN_BYTES, sizeFindings, storedSize } from './size-budget.ts';

const template = (bytes: number, kind = 'WorkflowTemplate'): unknown => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind,
  metadata: { name: 't' },
  spec: { templates: [{ name: 'x', script: { source: 'x'.repeat(bytes) } }] },
});

describe('size budget', () => {
  it('GIVEN a small WorkflowTemplate WHEN measured THEN nothing is reported', () => {
    expect(sizeFindings(template(1000))).toEqual([]);
  });

  it('GIVEN a WorkflowTemplate over 512 KiB WHEN measured THEN it warns with the split hint', () => {
    const [f] = sizeFindings(template(SIZE_WARN_BYTES));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('nested WorkflowTemplates');
  });

  it('GIVEN a CronWorkflow over 1 MiB WHEN measured THEN it is an error', () => {
    const o = template(SIZE_ERROR_BYTES, 'CronWorkflow');
    expect(storedSize(o)).toBeGreaterThan(SIZE_ERROR_BYTES);
    expect(sizeFindings(o).map((f) => f.severity)).toEqual(['error']);
  });

  it('GIVEN a large object of a kind without a budget WHEN measured THEN nothing is reported', () => {
    expect(sizeFindings(template(SIZE_ERROR_BYTES, 'ConfigMap'))).toEqual([]);
  });
});
