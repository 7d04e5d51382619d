import { createHash } from 'node:crypto';
import type { DeploymentIR } from '../../dsl/ir/index.ts';
import { onlineStrategy, strategyModel } from '../../dsl/ir/strategy.ts';

/** Annotation on the object a workflow owns a field of: which candidate it last decided on. */
export const VERDICT_ANNOTATION = 'argosy.dev/decided';
/** The same key as a JSON-patch path (`/` escaped as `~1`) and as a kubectl JSONPath (`.` escaped). */
export const VERDICT_POINTER = `/metadata/annotations/${VERDICT_ANNOTATION.replace('/', '~1')}`;
export const VERDICT_JSONPATH = `{.metadata.annotations.${VERDICT_ANNOTATION.replace('.', '\\.')}}`;

/**
 * A short, stable id of what a workflow rolls out (candidate, challengers or A/B arm models): a
 * run that finds it recorded on the object was already decided, so a re-sync does not expose
 * users to a rolled-back model again.
 */
export function candidateId(d: DeploymentIR): string {
  const what = strategyModel(d.strategy).decidesOn(onlineStrategy(d.strategy));
  return `c-${createHash('sha256')
    .update(JSON.stringify({ serving: d.serving.kind === 'kserve' ? d.serving.storageUri : '', what }))
    .digest('hex')
    .slice(0, 12)}`;
}
