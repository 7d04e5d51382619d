import type { AlertSeverity, MonitoringIR, ScheduleIR, WatchedScheduleIR } from '../../dsl/ir/index.ts';
import type { PrometheusRule, Rule } from '../imports/prometheus-operator.ts';
import { alertPrefix, promDuration, promNumber, selector } from './promql.ts';

/**
 * Metric the drift-check component pushes to the Pushgateway, grouped by `namespace` and `model`
 * (components/scripts/drift_check.py): the share of features whose drift crossed a threshold.
 */
export const DRIFT_SCORE_METRIC = 'argosy_drift_score';
/** Argo Workflows controller counter (v3.6+), labelled `name` and `namespace` of the CronWorkflow. */
export const CRON_TRIGGERED_METRIC = 'argo_workflows_cronworkflows_triggered_total';

/** Where the rules are evaluated: the environment's namespace and the app's schedules there. */
export interface RuleContext {
  readonly namespace?: string;
  readonly schedules: readonly ScheduleIR[];
}

/**
 * A model's monitoring as a prometheus-operator PrometheusRule with one group per concern
 * (endpoint, drift, schedules). Schedules suspended in this environment get no missed-run alert,
 * since they are not expected to run; returns undefined when nothing is left to alert on.
 */
export function prometheusRule(m: MonitoringIR, ctx: RuleContext): PrometheusRule | undefined {
  const prefix = alertPrefix(m.name);
  const ns: Record<string, string> = ctx.namespace ? { namespace: ctx.namespace } : {};
  const labels = (severity: AlertSeverity, extra: Record<string, string> = {}): Record<string, string> => ({
    ...m.labels,
    model: m.model,
    severity,
    ...extra,
  });
  const annotations = (summary: string, description: string): Record<string, string> => ({
    summary,
    description,
    ...(m.runbookUrl ? { runbook_url: m.runbookUrl } : {}),
  });
  const groups: { name: string; rules: Rule[] }[] = [];

  if (m.endpoint) {
    const e = m.endpoint;
    const services = e.services.length === 1 ? (e.services[0] as string) : (['=~', e.services.join('|')] as const);
    const target = {
      reporter: 'destination',
      ...(ctx.namespace ? { destination_service_namespace: ctx.namespace } : {}),
      destination_service_name: services,
    };
    const serviceText = e.services.length === 1 ? `service ${e.services[0]}` : `services ${e.services.join(', ')}`;
    const window = promDuration(e.windowSeconds);
    const requests = (extra: Record<string, string | readonly ['=~', string]> = {}): string =>
      `sum(rate(istio_requests_total${selector({ ...target, ...extra })}[${window}]))`;
    groups.push({
      name: `${m.name}.endpoint`,
      rules: [
        {
          alert: `${prefix}LatencyP99High`,
          expr: `histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket${selector(target)}[${window}]))) > ${promNumber(e.latencyP99Ms)}`,
          ...(e.forSeconds > 0 ? { for: promDuration(e.forSeconds) } : {}),
          labels: labels(m.severity.latency),
          annotations: annotations(
            `p99 latency of model ${m.model} is above ${promNumber(e.latencyP99Ms)}ms`,
            `The 99th percentile of requests to ${serviceText} took {{ $value | humanize }}ms over the last ${window}.`,
          ),
        },
        {
          alert: `${prefix}ErrorRateHigh`,
          expr: `${requests({ response_code: ['=~', '5..'] })} / ${requests()} > ${promNumber(e.errorRate)}`,
          ...(e.forSeconds > 0 ? { for: promDuration(e.forSeconds) } : {}),
          labels: labels(m.severity.errors),
          annotations: annotations(
            `model ${m.model} answers more than ${promNumber(e.errorRate * 100)}% of requests with 5xx`,
            `{{ $value | humanizePercentage }} of requests to ${serviceText} failed over the last ${window}.`,
          ),
        },
      ],
    });
  }

  if (m.drift) {
    groups.push({
      name: `${m.name}.drift`,
      rules: [
        {
          alert: `${prefix}DriftDetected`,
          expr: `max(${DRIFT_SCORE_METRIC}${selector({ ...ns, model: m.model })}) > ${promNumber(m.drift.threshold)}`,
          ...(m.drift.forSeconds > 0 ? { for: promDuration(m.drift.forSeconds) } : {}),
          labels: labels(m.severity.drift),
          annotations: annotations(
            `input drift of model ${m.model} is above ${promNumber(m.drift.threshold)}`,
            `{{ $value | humanizePercentage }} of the features of ${m.model} drifted from the training window; see the drift report of the latest drift run.`,
          ),
        },
      ],
    });
  }

  const active = m.schedules.filter((w) => ctx.schedules.some((s) => s.name === w.name && !s.suspend));
  if (active.length > 0) {
    groups.push({
      name: `${m.name}.schedules`,
      rules: active.map((w) =>
        missedRunRule(w, prefix, ctx.namespace, labels(m.severity.schedule, { cronworkflow: w.name }), annotations),
      ),
    });
  }

  if (groups.length === 0) return undefined;
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: {
      name: m.name,
      ...ns,
      ...(m.description ? { annotations: { 'argosy.dev/description': m.description } } : {}),
    },
    spec: { groups },
  };
}

/**
 * Fires when a CronWorkflow has not triggered within its longest cron gap plus grace. The
 * controller's counter only appears after a first trigger (and again after a controller
 * restart), so the rule is armed only when the series already existed one window ago: a fresh
 * deployment or restart never pages, a schedule that stops triggering does.
 */
function missedRunRule(
  w: WatchedScheduleIR,
  prefix: string,
  namespace: string | undefined,
  labels: Record<string, string>,
  annotations: (s: string, d: string) => Record<string, string>,
): Rule {
  const series = `${CRON_TRIGGERED_METRIC}${selector({ ...(namespace ? { namespace } : {}), name: w.name })}`;
  const window = promDuration(w.maxIntervalSeconds + w.graceSeconds);
  return {
    alert: `${prefix}ScheduledRunMissed`,
    expr: `(sum(increase(${series}[${window}])) or vector(0)) < 1 and on() count(${series} offset ${window}) > 0`,
    labels,
    annotations: annotations(
      `schedule ${w.name} has not run for ${window}`,
      `CronWorkflow ${w.name} should trigger at least every ${promDuration(w.maxIntervalSeconds)} but has not triggered in the last ${window} (suspended, controller down, or the previous run still running under concurrencyPolicy Forbid).`,
    ),
  };
}
