import type { AnalysisIR, AnalysisRole, ArmArgsIR, ModelVersionIR, ServingIR } from '../deployment.ts';

/** A new model version a strategy brings in, and how the user declared it. */
export interface CandidateIR {
  /** The arm's name: `candidate`, the challenger's or the variant's. */
  readonly name: string;
  readonly model?: ModelVersionIR;
  readonly declaredAs: 'candidate' | 'challenger' | 'variant';
}

/** Names of the Istio routes a Rollout manages: its weighted route and the temporary ones. */
export const ROLLOUT_ROUTES = { primary: 'primary', mirror: 'mirror', ab: 'ab' } as const;

/**
 * What a delivery strategy is, declared once: the analyses it runs, the versions it brings in and
 * what it emits per serving kind. The builders (dsl/deploy), every backend (charts/) and
 * `argosy graph` (synth/graph) read these declarations instead of switching on the strategy kind;
 * each backend registers an emitter per strategy for what the declaration leaves to rendering.
 * See docs/architecture.md "Adding a delivery strategy".
 */
export interface StrategyModel<S extends { readonly kind: string }> {
  readonly kind: S['kind'];
  /** How a reviewer reads it (`argosy graph`): `blue/green`. */
  title(s: S): string;
  /** The analyses the user declared, each with the role (and so the AnalysisTemplate) it gets. */
  analyses(s: S): readonly (readonly [AnalysisRole, AnalysisIR])[];
  /** The same strategy with every declared analysis replaced by `fn`'s (addresses, telemetry). */
  mapAnalyses(s: S, fn: (a: AnalysisIR, role: AnalysisRole) => AnalysisIR): S;
  /** Analyses the strategy builds itself (the A/B decision); they come before the declared ones. */
  decisions?(s: S, serving: ServingIR): readonly (readonly [AnalysisRole, AnalysisIR])[];
  /** An analysis as its template renders it (a shadow's is fitted to the mirroring window). */
  rendered?(s: S, role: AnalysisRole, a: AnalysisIR): AnalysisIR;
  /** The new versions, in order; the first is the one a plain server's Rollout rolls out. */
  candidates(s: S): readonly CandidateIR[];
  /** What a KServe promotion run decides on: a run that finds it recorded does nothing. */
  decidesOn(s: S): unknown;
  /** Whether a preview Service points at the candidate before it gets traffic. */
  readonly preview: boolean;
  /** Whether candidates only receive mirrored copies of requests (their answers are discarded). */
  readonly mirrored: boolean;
  /** Plain model server: how its Argo Rollout runs the strategy. */
  readonly server: {
    /**
     * `canary`: a canary Rollout routed by Istio (stable and canary Services or subsets, a
     * VirtualService); `blueGreen`: active and preview Services, no routing.
     */
    readonly rollout: 'canary' | 'blueGreen';
    /** Routes the Rollout adds to and removes from the VirtualService while it runs. */
    managedRoutes(s: S): readonly string[];
    /**
     * The candidate's arm when the strategy runs it as an experiment with Services of its own
     * (a weighted A/B test), instead of behind the canary Service.
     */
    experimentArm?(name: string, s: S): ArmArgsIR | undefined;
  };
  /** KServe: how the InferenceServices run the strategy. */
  readonly kserve: {
    /**
     * `in-place`: the candidate is a `spec.canary[]` predictor of the one InferenceService and a
     * workflow promotes it by moving traffic; `side-by-side`: one InferenceService per candidate
     * behind an Istio VirtualService the workflow evaluates and rolls back.
     */
    readonly promotion: 'in-place' | 'side-by-side';
    /** Whether the payloads of champion and candidates must be logged for offline comparison. */
    readonly logsPayloads: boolean;
  };
}
