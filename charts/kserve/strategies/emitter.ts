import type { DeploymentIR, KServeServingIR } from '../../../dsl/ir/index.ts';
import type { InferenceService } from '../../imports/kserve.ts';
import type { HTTPRoute } from '../../imports/istio.ts';
import type { PatchOp, WorkflowBuilder } from '../workflow-steps.ts';

/**
 * What a strategy emits for KServe. Which object the promotion workflow owns, its RBAC, the
 * hand-over hook and the preview Service follow from the strategy's declaration
 * (dsl/ir/strategies/: `kserve.promotion`, `preview`); this is what only rendering knows.
 */
export interface KServeEmitter<S> {
  /** Every InferenceService of the deployment. */
  inferenceServices(d: DeploymentIR, s: S, serving: KServeServingIR, namespace: string | undefined): InferenceService[];
  /** Side-by-side strategies: the VirtualService routes between the InferenceServices. */
  routes?(d: DeploymentIR, s: S): HTTPRoute[];
  /** Adds the promotion/evaluation workflow's steps; returns the patch its exit handler rolls back with. */
  workflow(b: WorkflowBuilder, d: DeploymentIR, s: S, serving: KServeServingIR): PatchOp[];
  /** The fields (jq) of the owned object the workflow changes at run time, the verdict aside. */
  ownedFields(s: S, serving: KServeServingIR): string[];
}
