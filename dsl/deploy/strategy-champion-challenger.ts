import { DslError, seg } from '../errors.ts';
import { deferErrors, throwDeferred } from './deferred.ts';
import type { AbTestIR, ChampionChallengerIR, PipelineIR, ShadowIR } from '../ir/index.ts';
import { assertDnsLabel } from '../common/names.ts';
import type { AnyPipeline } from '../pipeline/pipeline.ts';
import { assertAnalysis, assertBounded, type Analysis } from './analysis.ts';
import { assertKnownKeys } from './checks.ts';
import { versionToIR, type ModelVersion } from './model-version.ts';
import type { AbTestStrategy } from './strategy-ab-test.ts';
import type { ShadowStrategy } from './strategy-shadow.ts';

/**
 * Options of {@link championChallenger}.
 *
 * @example
 * ```ts
 * { challengers: { v43: { storageUri: 's3://models/churn/v43' } }, offlineGate: { pipeline: churnTraining },
 *   online: shadow({ mirrorPercent: 100, duration: hours(24), analysis: gate }) }
 * ```
 */
export interface ChampionChallengerOptions {
  /** Challenger models by name; the champion is `serving`. */
  readonly challengers: Readonly<Record<string, ModelVersion>>;
  /**
   * The offline gate: the training pipeline whose champion gate only registers challengers that
   * beat the champion on the holdout (it must be deployed by the same app), plus an optional
   * check run before any live traffic reaches a challenger (e.g. "is this version registered?").
   * The pipeline must run the gate: a task of the component named `gateComponent` (default
   * `champion-gate`, the component in components/), directly or in a sub-pipeline.
   */
  readonly offlineGate: { readonly pipeline: AnyPipeline; readonly gateComponent?: string; readonly verify?: Analysis };
  /** The online phase: `shadow(...)` (no challenger of its own) or `abTest(...)` whose candidate variant is a challenger. */
  readonly online: ShadowStrategy | AbTestStrategy;
}

/**
 * A champion/challenger strategy.
 * @example
 * ```ts
 * const strategy: ChampionChallengerStrategy = championChallenger({ challengers, offlineGate, online });
 * ```
 */
export interface ChampionChallengerStrategy {
  readonly kind: 'championChallenger';
  readonly ir: ChampionChallengerIR;
}

/**
 * Composes the offline gate of the training pipeline with an online comparison: challengers
 * that passed the gate get mirrored traffic (shadow) or a share of users (A/B test) next to the
 * champion, gated by the online analysis.
 *
 * @example
 * ```ts
 * championChallenger({
 *   challengers: { v43: { storageUri: 's3://models/churn/v43' } },
 *   offlineGate: { pipeline: churnTraining },
 *   online: shadow({ mirrorPercent: 50, duration: hours(12), analysis: gate }),
 * })
 * ```
 */
export function championChallenger(opts: ChampionChallengerOptions): ChampionChallengerStrategy {
  return deferErrors('championChallenger', () => buildChampionChallenger(opts));
}

function buildChampionChallenger(opts: ChampionChallengerOptions): ChampionChallengerStrategy {
  const path = ['championChallenger()'];
  throwDeferred(opts?.online, [...path, 'online']);
  assertKnownKeys(opts, ['challengers', 'offlineGate', 'online'], path, 'championChallenger()');
  const names = Object.keys(opts.challengers ?? {});
  if (names.length === 0) {
    throw new DslError({
      path: [...path, 'challengers'],
      problem: 'at least one challenger is needed',
      got: opts.challengers,
      fix: "Add e.g. challengers: { v43: { storageUri: 's3://models/churn/v43' } }",
    });
  }
  const challengers = names.map((name) => {
    const at = [...path, seg('challenger', name)];
    assertDnsLabel(name, at, 'challenger name', 20);
    return { name, model: versionToIR(opts.challengers[name] as ModelVersion, at) };
  });
  const gate = opts.offlineGate;
  if (!gate || typeof gate !== 'object' || !gate.pipeline || gate.pipeline.kind !== 'pipeline') {
    throw new DslError({
      path: [...path, 'offlineGate', 'pipeline'],
      problem: 'the offline gate names the training pipeline that decides which challengers are registered',
      got: gate?.pipeline,
      fix: 'Pass offlineGate: { pipeline: myTrainingPipeline }',
    });
  }
  assertKnownKeys(gate, ['pipeline', 'gateComponent', 'verify'], [...path, 'offlineGate'], 'offlineGate');
  const gateComponent = gate.gateComponent ?? 'champion-gate';
  const used = componentsOf(gate.pipeline.ir);
  if (!used.includes(gateComponent)) {
    throw new DslError({
      path: [...path, 'offlineGate', 'pipeline'],
      problem: `pipeline "${gate.pipeline.name}" runs no "${gateComponent}" task, so nothing compares a challenger with the champion before it is registered`,
      got: used,
      fix: "Add the champion gate to the training pipeline (p.task('champion-gate', championGate, {...})), or name the component that gates it in offlineGate.gateComponent",
    });
  }
  const verify =
    gate.verify === undefined ? undefined : assertAnalysis(gate.verify, [...path, 'offlineGate', 'verify']).ir;
  if (verify) assertBounded(verify, [...path, 'offlineGate', 'verify'], 'the offline gate check');
  return {
    kind: 'championChallenger',
    ir: {
      kind: 'championChallenger',
      offlineGate: { pipeline: gate.pipeline.name, ...(verify ? { verify } : {}) },
      online: online(opts.online, challengers),
    },
  };
}

/** Names of every component a pipeline and its sub-pipelines run. */
function componentsOf(p: PipelineIR): string[] {
  return [...p.components.map((c) => c.name), ...(p.pipelines ?? []).flatMap(componentsOf)];
}

function online(
  s: ShadowStrategy | AbTestStrategy,
  challengers: { name: string; model: ShadowIR['challengers'][number]['model'] }[],
): ShadowIR | AbTestIR {
  const path = ['championChallenger()', 'online'];
  if (s?.kind === 'shadow') {
    if (s.ir.challengers.some((c) => c.model !== undefined)) {
      throw new DslError({
        path: [...path, 'challenger'],
        problem: 'the challengers come from championChallenger(), not from shadow()',
        got: 'shadow({ challenger })',
        fix: 'Remove `challenger` from shadow()',
      });
    }
    return { ...s.ir, challengers };
  }
  if (s?.kind === 'abTest') {
    const candidate = s.ir.variants.find((v) => v.name !== s.ir.primary);
    if (challengers.length !== 1 || !candidate || candidate.name !== challengers[0]?.name) {
      throw new DslError({
        path,
        problem:
          'an A/B test compares the champion with exactly one challenger, and its candidate variant must be named after it',
        got: candidate?.name,
        fix: `Declare one challenger and name the non-primary variant "${challengers[0]?.name}"`,
      });
    }
    if (candidate.model !== undefined) {
      throw new DslError({
        path: [...path, seg('variant', candidate.name), 'model'],
        problem: 'the challenger model comes from championChallenger()',
        got: candidate.model,
        fix: 'Remove `model` from the variant',
      });
    }
    return {
      ...s.ir,
      variants: s.ir.variants.map((v) => (v.name === candidate.name ? { ...v, model: challengers[0]?.model } : v)),
    };
  }
  throw new DslError({
    path,
    problem: 'the online phase must be shadow(...) or abTest(...)',
    got: (s as { kind?: unknown })?.kind,
    fix: 'Use online: shadow({ mirrorPercent, duration, analysis })',
  });
}
