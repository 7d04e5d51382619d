import type { CreatePvcIR, DeletePvcIR, NodeIR, PipelineIR, SubmitIR } from './pipeline.ts';
import type { ValueIR } from './values.ts';

/**
 * Pure functions over a pipeline's nodes, shared by the backends and the review tools. They read
 * the IR only, so every consumer walks it the same way.
 */

/** Every `p.submit()` step of a pipeline body, at any depth, and whether a loop encloses it. */
export function submitSteps(p: PipelineIR): { readonly submit: SubmitIR; readonly inLoop: boolean }[] {
  const visit = (nodes: readonly NodeIR[], inLoop: boolean): { submit: SubmitIR; inLoop: boolean }[] =>
    nodes.flatMap((n) => {
      switch (n.kind) {
        case 'submit':
          return [{ submit: n, inLoop }];
        case 'loop':
          return visit(n.body, true);
        case 'condition':
          return n.branches.flatMap((b) => visit(b.body, inLoop));
        default:
          return [];
      }
    });
  return visit(p.body, false);
}

/**
 * Every `p.submit()` step of a pipeline, at any depth.
 *
 * @example
 * ```ts
 * const started = new Set(submitsOf(pipelineIR).map((s) => s.pipeline));
 * ```
 */
export function submitsOf(p: PipelineIR): SubmitIR[] {
  return submitSteps(p).map((s) => s.submit);
}

/**
 * The values a claim operation reads (its claim name, size, storage class and volume name), in
 * that order: what it depends on besides `after`.
 *
 * @example
 * ```ts
 * const upstream = pvcValues(node).filter((v) => v.kind === 'taskOutput');
 * ```
 */
export function pvcValues(
  n:
    | Pick<CreatePvcIR, 'kind' | 'claimName' | 'size' | 'storageClass' | 'volumeName'>
    | Pick<DeletePvcIR, 'kind' | 'claim'>,
): ValueIR[] {
  if (n.kind === 'deletePvc') return [n.claim];
  return [
    ...('value' in n.claimName ? [n.claimName.value] : []),
    n.size,
    ...(n.storageClass ? [n.storageClass] : []),
    ...(n.volumeName ? [n.volumeName] : []),
  ];
}
