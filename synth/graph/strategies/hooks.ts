import type { AnalysisRole, DeploymentIR, KServeServingIR } from '../../../dsl/ir/index.ts';

/**
 * How `argosy graph` describes a strategy beyond what its generated objects show: what the
 * KServe sync sets up, and for strategies with named arms or decisions of their own (the A/B
 * test) how reviewers name them. Everything else is drawn from the emitted objects.
 */
export interface StrategyGraph<S> {
  /** Where traffic goes once the KServe sync applied the objects, before the workflow runs. */
  kserveSynced(d: DeploymentIR, s: S, serving: KServeServingIR): string[];
  /** The two arms a Rollout canary moves traffic between, as reviewers name them. */
  arms?(d: DeploymentIR, s: S): { readonly stable: string; readonly candidate: string };
  /** A reviewer's name for an arm of an experiment step. */
  armLabel?(d: DeploymentIR, s: S, arm: string): string;
  /** The checks of an analysis the strategy builds itself (the A/B decision). */
  decisionLines?(d: DeploymentIR, s: S, role: AnalysisRole): string[] | undefined;
  /** Who a header route sends to the candidate, and everyone else where. */
  cohort?(d: DeploymentIR, s: S, candidate: string, stable: string): string[];
  /** A KServe patch that only moves route weights, in one line (who gets everyone). */
  weightsLine?(d: DeploymentIR, s: S): string;
}
