/** How loud an alert is; routed by Alertmanager (e.g. critical pages, warning opens a ticket). */
export type AlertSeverity = 'info' | 'warning' | 'critical';

/** Latency and error-rate alerts for a real-time endpoint, from Istio's request telemetry. */
export interface EndpointMonitoringIR {
  /** Kubernetes Services answering the model's user traffic (every version a strategy routes users to). */
  readonly services: readonly string[];
  readonly latencyP99Ms: number;
  /** Largest acceptable share of 5xx responses, in (0, 1). */
  readonly errorRate: number;
  /** Rate window of the queries. */
  readonly windowSeconds: number;
  /** How long a breach lasts before the alert fires. */
  readonly forSeconds: number;
}

/** A schedule that must run on time, with the longest gap its crons allow. */
export interface WatchedScheduleIR {
  /** CronWorkflow name. */
  readonly name: string;
  readonly maxIntervalSeconds: number;
  readonly graceSeconds: number;
}

/** A model's alerting rules: endpoint health, drift and missed runs (prometheus-operator PrometheusRule). */
export interface MonitoringIR {
  readonly name: string;
  /** The model name every alert is labelled with (and the drift check pushes its score under). */
  readonly model: string;
  readonly description?: string;
  /** The model deployment whose endpoint is watched (and which logs its payloads to `payloadLog`). */
  readonly deployment?: string;
  readonly endpoint?: EndpointMonitoringIR;
  /** Where the deployment sends its request/response payloads. */
  readonly payloadLog?: PayloadLogIR;
  readonly drift?: { readonly threshold: number; readonly forSeconds: number };
  readonly schedules: readonly WatchedScheduleIR[];
  readonly severity: {
    readonly latency: AlertSeverity;
    readonly errors: AlertSeverity;
    readonly drift: AlertSeverity;
    readonly schedule: AlertSeverity;
  };
  readonly labels: Readonly<Record<string, string>>;
  readonly runbookUrl?: string;
}

/** A payload sink: CloudEvents of requests and/or responses are sent to `url`. */
export interface PayloadLogIR {
  readonly url: string;
  readonly mode: 'all' | 'request' | 'response';
}
