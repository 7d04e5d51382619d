import type { Finding } from './finding.ts';
import { obj, show } from './object-path.ts';

/** Kinds the Argo controller stores whole in etcd, whose size etcd's request limit bounds. */
export const BUDGETED_KINDS: readonly string[] = [
  'Workflow',
  'WorkflowTemplate',
  'ClusterWorkflowTemplate',
  'CronWorkflow',
];

/** The rule ids the size layer emits. */
export const SIZE_RULES = { budget: 'size/budget' } as const;

export const SIZE_WARN_BYTES = 512 * 1024;
export const SIZE_ERROR_BYTES = 1024 * 1024;

/** Bytes the API server stores for a custom resource: its JSON encoding. */
export function storedSize(o: unknown): number {
  return Buffer.byteLength(JSON.stringify(o), 'utf8');
}

const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;

/**
 * The size budget of Argo objects: warn above 512 KiB, error above 1 MiB (etcd's default
 * request limit is 1.5 MiB and the controller adds status to Workflows as they run).
 */
export function sizeFindings(o: unknown): Finding[] {
  const kind = show(obj(o).kind ?? '');
  if (!BUDGETED_KINDS.includes(kind)) return [];
  const size = storedSize(o);
  if (size <= SIZE_WARN_BYTES) return [];
  const over = size > SIZE_ERROR_BYTES;
  const hint =
    'Split the pipeline into nested WorkflowTemplates (a parent DAG whose tasks use templateRef), or move large inline scripts into the image';
  return [
    {
      severity: over ? 'error' : 'warning',
      layer: 'size',
      rule: SIZE_RULES.budget,
      path: '',
      message: `${kind} is ${kib(size)} when stored, ${over ? 'over the 1 MiB limit' : 'over the 512 KiB warning threshold'} (etcd rejects requests above 1.5 MiB and Argo adds status at run time). ${hint}`,
    },
  ];
}

/** Size findings of every object of a synthesized tree, as `<file>: <message>` lines by severity. */
export function budgetProblems(files: readonly { path: string; documents: readonly unknown[] }[]): {
  errors: string[];
  warnings: string[];
} {
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const f of files) {
    for (const d of f.documents) {
      for (const finding of sizeFindings(d))
        (finding.severity === 'error' ? errors : warnings).push(`${f.path}: ${finding.message}`);
    }
  }
  return { errors, warnings };
}
