import { addObject } from '../api-object.ts';
import type { Target } from '../target.ts';
import { prometheusRule } from './prometheus-rule.ts';

/**
 * prometheus-operator: one PrometheusRule per declared model monitoring (latency, errors, drift,
 * missed scheduled runs), evaluated against the environment's namespace.
 * @example
 * ```ts
 * monitoringTarget.render(ctx);
 * ```
 */
export const monitoringTarget: Target = {
  name: 'monitoring',
  render(ctx) {
    for (const m of ctx.app.monitoring ?? []) {
      const rule = prometheusRule(m, {
        ...(ctx.env.namespace ? { namespace: ctx.env.namespace } : {}),
        schedules: ctx.app.schedules,
      });
      if (rule) addObject(ctx.chart, rule);
    }
  },
};

export { prometheusRule, DRIFT_SCORE_METRIC, CRON_TRIGGERED_METRIC } from './prometheus-rule.ts';
