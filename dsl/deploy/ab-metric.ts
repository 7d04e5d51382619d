import { DslError, seg, type PathSegment } from '../errors.ts';
import type { AbMetricIR } from '../ir/index.ts';
import { resourcesToIR, type ResourceSpec } from '../pipeline/pod-spec.ts';
import { analysisArg, argsUsed } from './analysis-args.ts';
import { assertKnownKeys, assertToken } from './checks.ts';

/**
 * Builds the PromQL for one arm of an A/B test. `service` is that arm's Kubernetes Service,
 * `window` the test duration in PromQL syntax (e.g. `168h`).
 *
 * @example
 * ```ts
 * ({ service, window }) => `sum(increase(orders_total{destination_service_name="${service}"}[${window}]))`
 * ```
 */
export type ArmQuery = (arm: { readonly service: string; readonly window: string }) => string;

/**
 * The container that runs the decision script (shipped in components/, see `abTestMetric`).
 * @example
 * ```ts
 * { image: 'python:3.12-slim', script: readScript('ab_test.py') }
 * ```
 */
export interface StatsRunner {
  readonly image: string;
  readonly script: string;
  readonly resources?: ResourceSpec;
}

/**
 * The statistic an A/B test decides on; build it with `abMetric.rate` / `abMetric.mean`.
 * @example
 * ```ts
 * const conversion: AbMetric = abTestMetric.rate({ name: 'conversion', successes, trials });
 * ```
 */
export interface AbMetric {
  readonly kind: 'abMetric';
  readonly name: string;
  readonly test: AbMetricIR['test'];
  readonly higherIsBetter: boolean;
  readonly quantities: Readonly<Record<string, ArmQuery>>;
  readonly address?: string;
  readonly runner: StatsRunner;
}

interface Common {
  readonly name: string;
  /** Whether a larger value is an improvement (conversion: yes; latency: no). Default true. */
  readonly higherIsBetter?: boolean;
  /** Prometheus URL; default: the deployment's `prometheus`. */
  readonly address?: string;
  readonly runner: StatsRunner;
}

/**
 * Per-arm statistics for the A/B decision. Use the ready-made `abTestMetric` from components/,
 * which supplies the runner (the tested `ab_test.py` script).
 *
 * @example
 * ```ts
 * abMetric.rate({ name: 'conversion', runner, successes: ({ service, window }) => `...`, trials: ({ service, window }) => `...` })
 * ```
 */
export const abMetric = {
  /** A rate (conversions / impressions): two-proportion z-test. */
  rate(opts: Common & { readonly successes: ArmQuery; readonly trials: ArmQuery }): AbMetric {
    assertKnownKeys(
      opts,
      ['name', 'higherIsBetter', 'address', 'runner', 'successes', 'trials'],
      ['abMetric.rate()'],
      'abMetric.rate()',
    );
    return make(opts, 'proportions', { successes: opts.successes, trials: opts.trials });
  },
  /** A mean (revenue per session): Welch's t-test from per-arm count, sum and sum of squares. */
  mean(opts: Common & { readonly count: ArmQuery; readonly sum: ArmQuery; readonly sumOfSquares: ArmQuery }): AbMetric {
    assertKnownKeys(
      opts,
      ['name', 'higherIsBetter', 'address', 'runner', 'count', 'sum', 'sumOfSquares'],
      ['abMetric.mean()'],
      'abMetric.mean()',
    );
    return make(opts, 'welch', { count: opts.count, sum: opts.sum, sumOfSquares: opts.sumOfSquares });
  },
};

function make(opts: Common, test: AbMetricIR['test'], quantities: Record<string, ArmQuery>): AbMetric {
  const path = [seg('abMetric', String(opts.name))];
  if (typeof opts.name !== 'string' || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(opts.name)) {
    throw new DslError({
      path,
      problem: 'metric name must be lowercase letters, digits and "-"',
      got: opts.name,
      fix: 'Use e.g. "conversion"',
    });
  }
  for (const [q, fn] of Object.entries(quantities)) {
    if (typeof fn !== 'function')
      throw new DslError({
        path: [...path, q],
        problem: 'expected a function of the arm',
        got: fn,
        fix: `Use ${q}: ({ service, window }) => \`...\``,
      });
  }
  if (!opts.runner || typeof opts.runner.script !== 'string' || opts.runner.script.length === 0) {
    throw new DslError({
      path: [...path, 'runner'],
      problem: 'the A/B decision needs a runner (image and script)',
      got: opts.runner,
      fix: 'Use abTestMetric.rate(...) from components/, which ships the script',
    });
  }
  assertToken(
    opts.runner.image,
    [...path, 'runner', 'image'],
    'image',
    'Use an image with python3, e.g. "python:3.12-slim"',
  );
  if (opts.runner.script.includes('{{')) {
    // Argo Rollouts substitutes {{...}} in the whole job spec, script included.
    throw new DslError({
      path: [...path, 'runner', 'script'],
      problem: 'the script contains "{{", which Argo Rollouts would substitute',
      got: '{{',
      fix: 'Avoid "{{" in the script',
    });
  }
  if (opts.address !== undefined)
    assertToken(opts.address, [...path, 'address'], 'address', 'Use e.g. "http://prometheus.monitoring:9090"');
  if (opts.runner.resources !== undefined) resourcesToIR(opts.runner.resources, [...path, 'runner']);
  return {
    kind: 'abMetric',
    name: opts.name,
    test,
    higherIsBetter: opts.higherIsBetter ?? true,
    quantities,
    ...(opts.address !== undefined ? { address: opts.address } : {}),
    runner: opts.runner,
  };
}

/** Renders the per-arm queries for a test window (PromQL duration). */
export function abMetricToIR(m: AbMetric, window: string, path: readonly PathSegment[]): AbMetricIR {
  const render = (service: string): Record<string, string> =>
    Object.fromEntries(
      Object.entries(m.quantities).map(([q, fn]) => {
        const text = fn({ service, window });
        if (typeof text !== 'string' || text.trim() === '') {
          throw new DslError({
            path: [...path, seg('abMetric', m.name), q],
            problem: 'the query function must return PromQL text',
            got: text,
            fix: 'Return a string such as `sum(increase(x{...}[${window}]))`',
          });
        }
        argsUsed(text, [...path, seg('abMetric', m.name), q]);
        return [q, text];
      }),
    );
  const resources = m.runner.resources ? resourcesToIR(m.runner.resources, path) : undefined;
  const queries = { baseline: render(analysisArg.baselineService), candidate: render(analysisArg.service) };
  const args = [
    ...new Set(
      [...Object.values(queries.baseline), ...Object.values(queries.candidate)].flatMap((q) => argsUsed(q, path)),
    ),
  ];
  return {
    name: m.name,
    test: m.test,
    higherIsBetter: m.higherIsBetter,
    queries,
    args,
    ...(m.address !== undefined ? { address: m.address } : {}),
    runner: { image: m.runner.image, script: m.runner.script, ...(resources ? { resources } : {}) },
  };
}
