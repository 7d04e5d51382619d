import { DslError, type PathSegment } from '../errors.ts';
import type { AnalysisArgName } from '../ir/index.ts';

/**
 * Placeholders an analysis may use in queries, URLs, bodies and job env. Argosy fills them for
 * each place the analysis runs: `service` is the Kubernetes Service of the version under test
 * (canary, preview, challenger, candidate arm), `baselineService` the Service of the version it
 * is compared with (stable, champion, primary arm), `namespace` the deployment's namespace.
 *
 * @example
 * ```ts
 * metric.prometheus('5xx', {
 *   query: `sum(rate(http_requests_total{service="${analysisArg.service}",code=~"5.."}[5m]))`,
 *   success: below(1),
 * })
 * ```
 */
export const analysisArg = {
  service: '{{args.service}}',
  baselineService: '{{args.baseline-service}}',
  namespace: '{{args.namespace}}',
} as const;

const KNOWN: readonly AnalysisArgName[] = ['service', 'baseline-service', 'namespace'];
const TOKEN = /\{\{\s*([^}]*?)\s*\}\}/g;

/**
 * Checks that every `{{...}}` in `text` is a known analysis argument and returns the names used.
 * Any other `{{` would be read by Argo Rollouts (or Argo Workflows) as an unknown variable.
 */
export function argsUsed(text: string, path: readonly PathSegment[]): AnalysisArgName[] {
  const used: AnalysisArgName[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const inner = m[1] ?? '';
    const name = inner.startsWith('args.') ? inner.slice(5) : '';
    if (!(KNOWN as readonly string[]).includes(name)) {
      throw new DslError({
        path,
        problem: `unknown placeholder "{{${inner}}}"`,
        got: m[0],
        fix: 'Use analysisArg.service, analysisArg.baselineService or analysisArg.namespace',
      });
    }
    if (!used.includes(name as AnalysisArgName)) used.push(name as AnalysisArgName);
  }
  const rest = text.replace(TOKEN, '');
  if (rest.includes('{{') || rest.includes('}}')) {
    throw new DslError({
      path,
      problem: 'unbalanced "{{" or "}}"',
      got: text.length > 60 ? `${text.slice(0, 57)}...` : text,
      fix: 'Remove the braces or use an analysisArg placeholder',
    });
  }
  return used;
}
