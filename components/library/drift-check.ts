import { artifact, component, configMapKey, fieldRef, param } from '../../dsl/index.ts';
import type { LibraryOptions } from './options.ts';
import { readScript } from './read-script.ts';

/** Which columns to test, by kind: numeric get PSI, JS and KS; categorical get PSI, JS and a chi-square test. */
export interface DriftFeatures {
  readonly numeric?: readonly string[];
  readonly categorical?: readonly string[];
}

/**
 * Limits per statistic; a feature drifts when one rises above its limit. Only effect sizes are
 * thresholded (KS distance, Cramer's V of the chi-square test): their p-values are reported, but
 * on warehouse-sized windows every negligible shift is significant.
 */
export interface DriftLimits {
  readonly psi?: number;
  readonly js?: number;
  readonly ks?: number;
  readonly cramers_v?: number;
}

/** Default limits plus per-feature overrides. */
export interface DriftThresholds {
  readonly default?: DriftLimits;
  readonly features?: Readonly<Record<string, DriftLimits>>;
}

/**
 * Compares recent model inputs with the reference (training) window, per feature: Population
 * Stability Index, Jensen-Shannon divergence, Kolmogorov-Smirnov (numeric) and a chi-square test
 * with Cramer's V (categorical). The drift score is the share of features that crossed a
 * threshold, and the model drifted when it is above `scoreThreshold` (the comparison of its
 * alert); the check writes a JSON report and Prometheus metrics and pushes them to the
 * Pushgateway (when the `monitoring` ConfigMap names one) for the model's drift alert.
 *
 * @example
 * ```ts
 * import * as components from 'argosy/components';
 * const driftCheck = components.driftCheck({ image: 'registry.example.com/ml-base:3.12' });
 * const check = p.task('check', driftCheck, { reference, current, model: 'ctr-categories', features: { numeric: ['ctr_smoothed'] } });
 * p.when(eq(check.outputs.drifted, true), (p) => { p.submit('retrain', ctrTraining, { snapshotDate }); });
 * ```
 */
export function driftCheck(opts: LibraryOptions) {
  return component('drift-check', {
    description: 'PSI, KS, Jensen-Shannon and chi-square drift per feature against a reference window.',
    image: opts.image,
    inputs: {
      reference: artifact('Dataset').describe('Reference window, e.g. the rows the serving model was trained on.'),
      current: artifact('Dataset').describe('Recent inputs, e.g. logged requests of the last days.'),
      model: param.string().describe('Model name: labels the metrics the drift alert reads.'),
      features: param.json<DriftFeatures>(),
      thresholds: param.json<DriftThresholds>().default({}),
      scoreThreshold: param
        .float()
        .default(0.3)
        .describe('Share of drifted features above which the model counts as drifted (the alert threshold).'),
    },
    outputs: {
      report: artifact('Metrics'),
      metrics: artifact('Artifact').describe('Prometheus text exposition format.'),
      driftScore: param.float(),
      drifted: param.bool(),
      driftedFeatures: param.json<string[]>(),
    },
    script: { source: readScript('drift_check.py') },
    env: {
      PUSHGATEWAY_URL: configMapKey('monitoring', 'pushgateway-url', { optional: true }),
      POD_NAMESPACE: fieldRef('metadata.namespace'),
      ...opts.env,
    },
    resources: opts.resources ?? { cpu: '2', memory: '8Gi' },
    timeout: '1h',
  });
}
