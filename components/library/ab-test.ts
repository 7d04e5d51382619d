import { abMetric, type AbMetric, type ArmQuery, type ResourceSpec } from '../../dsl/index.ts';
import { readScript } from './read-script.ts';

interface Common {
  readonly name: string;
  /** Whether a larger value is an improvement. Default true. */
  readonly higherIsBetter?: boolean;
  /** Prometheus URL; default: the deployment's `prometheus`. */
  readonly address?: string;
  /** Any image with python3 (the script uses the standard library only). Default: python:3.12-slim. */
  readonly image?: string;
  readonly resources?: ResourceSpec;
}

const runner = (opts: Common) => ({
  image: opts.image ?? 'python:3.12-slim',
  script: readScript('ab_test.py'),
  resources: opts.resources ?? { cpu: '100m', memory: '128Mi' },
});

/**
 * The A/B decision statistic backed by the tested `ab_test.py` (two-proportion z-test for rates,
 * Welch's t-test for means), run as an Argo Rollouts job analysis.
 *
 * @example
 * ```ts
 * const conversion = abTestMetric.rate({
 *   name: 'conversion',
 *   successes: ({ service, window }) => `sum(increase(orders_total{destination_service_name="${service}"}[${window}]))`,
 *   trials: ({ service, window }) => `sum(increase(istio_requests_total{destination_service_name="${service}"}[${window}]))`,
 * });
 * abTest({ ..., primaryMetric: conversion, alpha: 0.05, minSamplesPerArm: 5000 });
 * ```
 */
export const abTestMetric = {
  /** Conversion-style rates: per-arm successes and trials. */
  rate(opts: Common & { readonly successes: ArmQuery; readonly trials: ArmQuery }): AbMetric {
    return abMetric.rate({
      name: opts.name,
      successes: opts.successes,
      trials: opts.trials,
      runner: runner(opts),
      ...(opts.higherIsBetter !== undefined ? { higherIsBetter: opts.higherIsBetter } : {}),
      ...(opts.address !== undefined ? { address: opts.address } : {}),
    });
  },
  /** Means (revenue per session): per-arm count, sum and sum of squares. */
  mean(opts: Common & { readonly count: ArmQuery; readonly sum: ArmQuery; readonly sumOfSquares: ArmQuery }): AbMetric {
    return abMetric.mean({
      name: opts.name,
      count: opts.count,
      sum: opts.sum,
      sumOfSquares: opts.sumOfSquares,
      runner: runner(opts),
      ...(opts.higherIsBetter !== undefined ? { higherIsBetter: opts.higherIsBetter } : {}),
      ...(opts.address !== undefined ? { address: opts.address } : {}),
    });
  },
};
