import type { Finding } from './finding.ts';
import { obj } from './object-path.ts';
import {
  analysisTemplateProblems,
  rolloutProblems,
  ROLLOUTS_RULES,
  type RuleProblem,
  type TemplateArgs,
} from './rollouts/rollout-rules.ts';

export { ROLLOUTS_RULES };

const ROLLOUTS_GROUP = /^argoproj\.io\//;

function kindOf(o: unknown): string | undefined {
  const d = obj(o);
  return typeof d.apiVersion === 'string' && ROLLOUTS_GROUP.test(d.apiVersion) ? (d.kind as string) : undefined;
}

/**
 * Argo Rollouts' semantic rules for every Rollout, AnalysisTemplate, ClusterAnalysisTemplate and
 * AnalysisRun of the input. A Rollout's analysis references resolve against the AnalysisTemplates
 * of the same input (per namespace), as the controller resolves them in the cluster.
 * @example
 * ```ts
 * const findings = rolloutsLayer(documents.map((d) => d.object));
 * ```
 */
export function rolloutsLayer(objects: readonly unknown[]): Map<unknown, Finding[]> {
  const templates = new Map<string, Map<string, { name: string; hasValue: boolean }[]>>();
  for (const o of objects) {
    if (kindOf(o) !== 'AnalysisTemplate') continue;
    const meta = obj(obj(o).metadata);
    const ns = String(meta.namespace ?? '');
    const args = (Array.isArray(obj(obj(o).spec).args) ? (obj(obj(o).spec).args as unknown[]) : []).map((a) => ({
      name: String(obj(a).name),
      hasValue: obj(a).value !== undefined || obj(a).valueFrom !== undefined,
    }));
    if (!templates.has(ns)) templates.set(ns, new Map());
    templates.get(ns)?.set(String(meta.name), args);
  }
  const out = new Map<unknown, Finding[]>();
  for (const o of objects) {
    const kind = kindOf(o);
    let problems: RuleProblem[] = [];
    try {
      if (kind === 'Rollout') {
        const ns = String(obj(obj(o).metadata).namespace ?? '');
        // With no AnalysisTemplate in the input at all (a lone Rollout file) references are not resolved.
        const scope: TemplateArgs | undefined = templates.size ? (templates.get(ns) ?? new Map()) : undefined;
        problems = rolloutProblems(o, scope);
      } else if (kind === 'AnalysisTemplate' || kind === 'ClusterAnalysisTemplate' || kind === 'AnalysisRun') {
        problems = analysisTemplateProblems(o);
      }
    } catch (e) {
      // Malformed input (wrong types the schema layer reports) must not crash the whole run.
      problems = [
        { rule: ROLLOUTS_RULES.stepFields, path: '', message: `could not be checked: ${(e as Error).message}` },
      ];
    }
    if (problems.length)
      out.set(
        o,
        problems.map((p) => ({ severity: 'error', layer: 'rollouts', rule: p.rule, path: p.path, message: p.message })),
      );
  }
  return out;
}
