import { cronIntervals } from '../schedule/cron-period.ts';
import { attachErrors, errorCount, errorsSince, markBroken, recover } from '../common/collect.ts';
import { toMilliseconds, toSeconds, type Duration } from '../common/duration.ts';
import { DslError, seg, type PathSegment } from '../errors.ts';
import { endpointServices } from '../deploy/endpoint-services.ts';
import type { ModelDeployment } from '../deploy/model-deployment.ts';
import type { AlertSeverity, EndpointMonitoringIR, MonitoringIR } from '../ir/index.ts';
import { assertDnsLabel } from '../common/names.ts';
import type { PayloadSink } from '../pipeline/payload-sink.ts';
import type { Schedule } from '../schedule/schedule.ts';

/**
 * Alerts for a real-time endpoint, computed from Istio's request telemetry for its Services.
 *
 * @example
 * ```ts
 * endpoint: { latencyP99: '250ms', errorRate: 0.01 }                    // Services of `deployment`
 * endpoint: { service: 'legacy-scorer', latencyP99: '250ms', errorRate: 0.01 } // a Service Argosy does not deploy
 * ```
 */
export interface EndpointMonitoring {
  /**
   * Kubernetes Service that receives the model's requests, for endpoints Argosy does not deploy.
   * Leave it out when the monitoring names its `deployment`: the alerts then watch the Services
   * that deployment really creates (stable and canary, every KServe predictor users reach).
   */
  readonly service?: string;
  /** Alert when the 99th-percentile request latency stays above this, e.g. `'250ms'`. */
  readonly latencyP99: Duration;
  /** Alert when the share of 5xx responses stays above this fraction, e.g. `0.01`. */
  readonly errorRate: number;
  /** Rate window of both queries. Default `5m`. */
  readonly window?: Duration;
  /** How long a breach must last before the alert fires. Default `10m`. */
  readonly for?: Duration;
}

/**
 * Alert on the drift score the drift check pushes (`argosy_drift_score`: the share of features
 * whose drift crossed their thresholds, 0 to 1).
 *
 * @example
 * ```ts
 * drift: { threshold: 0.3 }
 * ```
 */
export interface DriftMonitoring {
  readonly threshold: number;
  /** How long the score must stay high. Default `0s`: the score changes once per drift run. */
  readonly for?: Duration;
}

/**
 * What to watch for one model.
 *
 * @example
 * ```ts
 * { model: 'ctr-categories', endpoint: { ... }, drift: { threshold: 0.3 }, schedules: [ctrWeekly], labels: { team: 'recsys' } }
 * ```
 */
export interface MonitoringSpec {
  /** The model's name: labels every alert and selects its drift score. */
  readonly model: string;
  readonly description?: string;
  /** The model deployment this monitoring watches: its Services feed the endpoint alerts. */
  readonly deployment?: ModelDeployment;
  readonly endpoint?: EndpointMonitoring;
  /**
   * Where the deployment logs its request/response payloads (needs `deployment`): KServe
   * InferenceServices get `predictor.logger`, plain servers the `ARGOSY_PAYLOAD_LOG_*` variables.
   */
  readonly payloadLog?: PayloadSink;
  readonly drift?: DriftMonitoring;
  /** Schedules that must run on time: each alerts when it has not triggered within its longest cron gap plus `scheduleGrace`. */
  readonly schedules?: readonly Schedule[];
  /** Slack before a late schedule alerts. Default `1h` (covers a slow controller and DST shifts). */
  readonly scheduleGrace?: Duration;
  /** Severity per alert kind. Defaults: latency warning, errors critical, drift warning, schedule warning. */
  readonly severity?: Partial<MonitoringIR['severity']>;
  /** Labels added to every alert, e.g. `{ team: 'recsys' }`, for Alertmanager routing. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Runbook URL linked from every alert. */
  readonly runbook?: string;
}

/**
 * A model's monitoring, rendered as one PrometheusRule; add it to an app's `monitoring`.
 *
 * @example
 * ```ts
 * app('search', (env) => ({ pipelines: [indexBuild], schedules: [nightly], monitoring: [searchMonitoring] }));
 * ```
 */
export interface Monitoring {
  readonly kind: 'monitoring';
  readonly name: string;
  readonly schedules: readonly Schedule[];
  readonly ir: MonitoringIR;
}

const SEVERITIES: readonly AlertSeverity[] = ['info', 'warning', 'critical'];
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const RESERVED_LABELS = new Set(['severity', 'model', 'alertname', 'namespace']);

/**
 * Declares a model's alerts: p99 latency and error rate of its endpoint, drift score over a
 * threshold, and missed scheduled runs. Part of an app, so it is resolved per environment
 * (schedules suspended in an environment get no missed-run alert there).
 *
 * @example
 * ```ts
 * export const ctrMonitoring = monitoring('ctr-categories', {
 *   model: 'ctr-categories',
 *   deployment: ctrServing,
 *   endpoint: { latencyP99: '250ms', errorRate: 0.01 },
 *   payloadLog: payloadSink({ url: 'http://payload-logger.ml-logging.svc.cluster.local' }),
 *   drift: { threshold: 0.3 },
 *   schedules: [ctrWeekly, ctrDriftDaily],
 *   labels: { team: 'recsys' },
 * });
 * ```
 */
export function monitoring(name: string, spec: MonitoringSpec): Monitoring {
  const before = errorCount();
  const built = recover(
    () => buildMonitoring(name, spec),
    () => markBroken({ kind: 'monitoring', name: String(name), schedules: [], ir: {} as MonitoringIR }),
  );
  return attachErrors(built, errorsSince(before));
}

function buildMonitoring(name: string, spec: MonitoringSpec): Monitoring {
  const path = [seg('monitoring', String(name))];
  assertDnsLabel(name, path, 'monitoring name');
  if (spec === null || typeof spec !== 'object') {
    throw new DslError({
      path,
      problem: 'monitoring spec must be an object',
      got: spec,
      fix: 'Pass { model, endpoint?, drift?, schedules? }',
    });
  }
  assertDnsLabel(spec.model, [...path, 'model'], 'model name');
  const schedules = spec.schedules ?? [];
  if (!spec.endpoint && !spec.drift && schedules.length === 0 && !spec.payloadLog) {
    throw new DslError({
      path,
      problem: 'nothing to monitor',
      got: Object.keys(spec),
      fix: 'Declare at least one of endpoint, drift, schedules or payloadLog',
    });
  }
  const deployment = spec.deployment;
  if (deployment !== undefined && (deployment === null || deployment.kind !== 'modelDeployment')) {
    throw new DslError({
      path: [...path, 'deployment'],
      problem: 'expected a model deployment',
      got: deployment,
      fix: 'Pass the value returned by modelDeployment()',
    });
  }
  const sink = spec.payloadLog;
  if (sink !== undefined) {
    if (sink === null || sink.kind !== 'payloadSink')
      throw new DslError({
        path: [...path, 'payloadLog'],
        problem: 'expected a payload sink',
        got: sink,
        fix: "Use payloadLog: payloadSink({ url: 'http://payload-logger.ml-logging.svc.cluster.local' })",
      });
    if (!deployment)
      throw new DslError({
        path: [...path, 'payloadLog'],
        problem: 'payload logging is configured on a deployment, and this monitoring names none',
        got: sink.ir.url,
        fix: 'Add deployment: <the modelDeployment() of this model>',
      });
  }
  const graceSeconds =
    spec.scheduleGrace === undefined ? 3600 : toSeconds(spec.scheduleGrace, [...path, 'scheduleGrace']);
  const watched = schedules.map((s, i) => {
    const at = [...path, `schedules[${i}]`];
    if (!s || s.kind !== 'schedule')
      throw new DslError({
        path: at,
        problem: 'expected a schedule',
        got: s,
        fix: 'Pass values created with schedule()',
      });
    return { name: s.name, maxIntervalSeconds: cronIntervals(s.ir.crons, [...at, 'cron']).maxSeconds, graceSeconds };
  });
  const names = watched.map((w) => w.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup)
    throw new DslError({
      path: [...path, 'schedules'],
      problem: `schedule "${dup}" is listed twice`,
      got: dup,
      fix: 'List each schedule once',
    });
  const ir: MonitoringIR = {
    name,
    model: spec.model,
    ...(spec.description ? { description: spec.description } : {}),
    ...(deployment ? { deployment: deployment.name } : {}),
    ...(spec.endpoint ? { endpoint: endpointToIR(spec.endpoint, deployment, [...path, 'endpoint']) } : {}),
    ...(sink ? { payloadLog: sink.ir } : {}),
    ...(spec.drift ? { drift: driftToIR(spec.drift, [...path, 'drift']) } : {}),
    schedules: watched,
    severity: severityToIR(spec.severity, [...path, 'severity']),
    labels: labelsToIR(spec.labels, [...path, 'labels']),
    ...(spec.runbook !== undefined ? { runbookUrl: runbookToIR(spec.runbook, [...path, 'runbook']) } : {}),
  };
  return { kind: 'monitoring', name, schedules, ir };
}

function fraction(value: unknown, path: readonly PathSegment[], what: string, example: string): number {
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) {
    throw new DslError({
      path,
      problem: `${what} must be a fraction in (0, 1]`,
      got: value,
      fix: `Use e.g. ${example}`,
    });
  }
  return value;
}

function endpointToIR(
  e: EndpointMonitoring,
  deployment: ModelDeployment | undefined,
  path: readonly PathSegment[],
): EndpointMonitoringIR {
  if (e.service !== undefined && deployment) {
    throw new DslError({
      path: [...path, 'service'],
      problem: 'the endpoint Services come from the deployment',
      got: e.service,
      fix: 'Remove service (or deployment, for an endpoint Argosy does not deploy)',
    });
  }
  if (e.service === undefined && !deployment) {
    throw new DslError({
      path,
      problem: 'the endpoint has no Service to watch',
      got: undefined,
      fix: "Add deployment: <its modelDeployment()> to the monitoring, or service: '<Kubernetes Service>' to the endpoint",
    });
  }
  if (e.service !== undefined) assertDnsLabel(e.service, [...path, 'service'], 'service name');
  return {
    services: deployment ? endpointServices(deployment.ir) : [e.service as string],
    latencyP99Ms: toMilliseconds(e.latencyP99, [...path, 'latencyP99']),
    errorRate: fraction(e.errorRate, [...path, 'errorRate'], 'error rate', '0.01 for 1% of requests'),
    windowSeconds: e.window === undefined ? 300 : toSeconds(e.window, [...path, 'window']),
    forSeconds: e.for === undefined ? 600 : toSeconds(e.for, [...path, 'for']),
  };
}

function driftToIR(d: DriftMonitoring, path: readonly PathSegment[]): MonitoringIR['drift'] {
  return {
    threshold: fraction(d.threshold, [...path, 'threshold'], 'drift threshold (share of drifted features)', '0.3'),
    forSeconds: d.for === undefined ? 0 : toSeconds(d.for, [...path, 'for']),
  };
}

function severityToIR(s: MonitoringSpec['severity'], path: readonly PathSegment[]): MonitoringIR['severity'] {
  const out = {
    latency: 'warning',
    errors: 'critical',
    drift: 'warning',
    schedule: 'warning',
    ...(s ?? {}),
  } as MonitoringIR['severity'];
  for (const [kind, value] of Object.entries(out)) {
    if (!['latency', 'errors', 'drift', 'schedule'].includes(kind)) {
      throw new DslError({
        path: [...path, kind],
        problem: 'unknown alert kind',
        got: kind,
        fix: 'Use latency, errors, drift or schedule',
      });
    }
    if (!SEVERITIES.includes(value))
      throw new DslError({
        path: [...path, kind],
        problem: 'unknown severity',
        got: value,
        fix: `Use one of ${SEVERITIES.join(', ')}`,
      });
  }
  return out;
}

function labelsToIR(labels: MonitoringSpec['labels'], path: readonly PathSegment[]): Readonly<Record<string, string>> {
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (!LABEL_NAME.test(key) || key.startsWith('__')) {
      throw new DslError({
        path: [...path, key],
        problem: 'not a valid Prometheus label name',
        got: key,
        fix: 'Use letters, digits and "_", e.g. "team"',
      });
    }
    if (RESERVED_LABELS.has(key))
      throw new DslError({
        path: [...path, key],
        problem: `label "${key}" is set by Argosy`,
        got: key,
        fix: key === 'severity' ? 'Use the severity option' : 'Remove it',
      });
    if (typeof value !== 'string')
      throw new DslError({
        path: [...path, key],
        problem: 'label values must be strings',
        got: value,
        fix: 'Quote the value',
      });
  }
  return { ...(labels ?? {}) };
}

function runbookToIR(url: unknown, path: readonly PathSegment[]): string {
  if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)) {
    throw new DslError({
      path,
      problem: 'runbook must be an http(s) URL',
      got: url,
      fix: 'Use e.g. "https://wiki.example.com/runbooks/ctr"',
    });
  }
  return url;
}
