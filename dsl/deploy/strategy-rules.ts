import { DslError, type PathSegment } from '../errors.ts';
import type { KServeServingIR, MeshIR, ServerServingIR } from '../ir/index.ts';
import type { OnlineStrategyIR } from '../ir/strategy.ts';

/** What a strategy's rules get besides the strategy: where it was declared and the deployment's mesh. */
export interface RuleContext {
  /** The deployment's path; `at` is its strategy's. */
  readonly path: readonly PathSegment[];
  readonly at: readonly PathSegment[];
  readonly mesh: MeshIR;
  /** Rejects the deployment unless it routes with Istio; `why` names what needs it. */
  needsIstio(why: string): void;
}

/**
 * The rules of one strategy that depend on the serving kind and mesh (the builder checked its
 * own options already). They run in modelDeployment(), after the rules every strategy shares.
 */
export interface StrategyRules<S extends OnlineStrategyIR> {
  /** Whether KServe's Knative mode can run it (Knative keeps earlier revisions as controller state). */
  readonly knative?: boolean;
  server?(s: S, serving: ServerServingIR, ctx: RuleContext): void;
  kserve?(s: S, serving: KServeServingIR, ctx: RuleContext): void;
  /** Rejects subset-level Istio routing (`istio({ routing: 'subsets' })`) where it cannot work. */
  subsets?(s: S, at: readonly PathSegment[]): void;
  /** Gives the strategy's own Prometheus queries (beyond its analyses) the deployment's address. */
  withPrometheus?(s: S, address: string | undefined, path: readonly PathSegment[]): S;
}

/** The error of a Prometheus metric without an address. */
export function missingPrometheus(path: readonly PathSegment[]): DslError {
  return new DslError({
    path,
    problem: 'no Prometheus address',
    got: undefined,
    fix: "Set modelDeployment(..., { prometheus: 'http://prometheus.monitoring:9090' }) or the metric's address",
  });
}

/** A KServe rule: the version-agnostic part of "needs at least one replica". */
export function needsReplica(serving: KServeServingIR, path: readonly PathSegment[], problem: string): void {
  if (serving.minReplicas < 1)
    throw new DslError({
      path: [...path, 'serving', 'minReplicas'],
      problem,
      got: serving.minReplicas,
      fix: 'Use minReplicas: 1 or more',
    });
}

/** Plain servers: a Rollout promotes the pod template git holds, so there is nothing to record. */
export function noRecorderOnServer(recorder: unknown, at: readonly PathSegment[]): void {
  if (recorder)
    throw new DslError({
      path: [...at, 'recordPromotion'],
      problem: 'a plain server is promoted by its Rollout, and git already holds the new pod template',
      got: 'recordPromotion',
      fix: 'Remove recordPromotion, or serve with kserve()',
    });
}
