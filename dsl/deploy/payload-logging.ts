import { DslError, seg, type PathSegment } from '../errors.ts';
import type { DeploymentIR, EnvVarIR, MonitoringIR, PayloadLogIR } from '../ir/index.ts';
import { strategyModel } from '../ir/strategy.ts';
import { endpointServices } from './endpoint-services.ts';

/** Environment variables that hand a payload sink to a plain model server. */
export const PAYLOAD_LOG_ENV = { url: 'ARGOSY_PAYLOAD_LOG_URL', mode: 'ARGOSY_PAYLOAD_LOG_MODE' } as const;

const text = (name: string, value: string): EnvVarIR => ({ name, value: [{ kind: 'text', text: value }] });
const textOf = (e: EnvVarIR | undefined): string | undefined =>
  e && 'value' in e ? e.value.map((p) => (p.kind === 'text' ? p.text : '')).join('') : undefined;

/**
 * The deployment with its payloads logged to `log`: KServe gets `logger` on every
 * InferenceService it writes (primary, challengers, variants), a plain server the sink in its
 * environment. A logger declared on `kserve()` (or the variables on `server()`) must agree.
 */
export function withPayloadLog(d: DeploymentIR, log: PayloadLogIR, path: readonly PathSegment[]): DeploymentIR {
  const s = d.serving;
  if (s.kind === 'kserve') {
    if (s.logger && (s.logger.url !== log.url || s.logger.mode !== log.mode)) {
      throw new DslError({
        path: [...path, 'serving', 'logger'],
        problem: `kserve() already logs payloads elsewhere than the monitoring's sink (${log.url}, ${log.mode})`,
        got: `${s.logger.url} (${s.logger.mode})`,
        fix: 'Remove logger from kserve() and let the monitoring configure it',
      });
    }
    return { ...d, serving: { ...s, logger: log } };
  }
  const env = s.pod.env;
  const wanted = [text(PAYLOAD_LOG_ENV.url, log.url), text(PAYLOAD_LOG_ENV.mode, log.mode)];
  for (const w of wanted) {
    const found = env.find((e) => e.name === w.name);
    if (found && textOf(found) !== textOf(w)) {
      throw new DslError({
        path: [...path, 'serving', seg('env', w.name)],
        problem: "the server environment disagrees with the monitoring's payload sink",
        got: textOf(found) ?? found,
        fix: `Remove ${w.name} from server({ env }) and let the monitoring set it`,
      });
    }
  }
  const names = new Set(wanted.map((w) => w.name));
  return { ...d, serving: { ...s, pod: { ...s.pod, env: [...env.filter((e) => !names.has(e.name)), ...wanted] } } };
}

/**
 * Applies every monitoring's payload sink to the deployment it names. A monitoring that names a
 * deployment the app does not deploy is an error: its alerts would watch Services nobody creates.
 */
export function applyMonitoring(
  deployments: readonly DeploymentIR[],
  monitoring: readonly MonitoringIR[],
  path: readonly PathSegment[],
): DeploymentIR[] {
  for (const m of monitoring) {
    if (m.deployment === undefined) continue;
    const d = deployments.find((x) => x.name === m.deployment);
    if (!d) {
      throw new DslError({
        path: [...path, seg('monitoring', m.name), 'deployment'],
        problem: `watches deployment "${m.deployment}", which this app does not deploy in this environment`,
        got: m.deployment,
        fix: "Add it to the app's deployments, or remove it from the monitoring",
      });
    }
    // Same name, other object (e.g. built for another environment): its Services may differ.
    if (m.endpoint && m.endpoint.services.join() !== endpointServices(d).join()) {
      throw new DslError({
        path: [...path, seg('monitoring', m.name), 'deployment'],
        problem: `watches another deployment named "${d.name}" than the one this app deploys`,
        got: m.endpoint.services,
        fix: 'Pass the same modelDeployment() value to the app and to its monitoring',
      });
    }
  }
  return deployments.map((d) => {
    const logs = monitoring.filter((m) => m.deployment === d.name && m.payloadLog);
    if (logs.length > 1) {
      throw new DslError({
        path: [...path, seg('deployment', d.name)],
        problem: 'two monitorings configure its payload logging',
        got: logs.map((m) => m.name),
        fix: 'Declare payloadLog on one monitoring of the deployment',
      });
    }
    const log = logs[0]?.payloadLog;
    const logged = log ? withPayloadLog(d, log, [...path, seg('deployment', d.name)]) : d;
    assertShadowLogged(logged, [...path, seg('deployment', d.name)]);
    return logged;
  });
}

/** A KServe shadow is judged offline too, from the payloads of champion and challenger. */
function assertShadowLogged(d: DeploymentIR, path: readonly PathSegment[]): void {
  if (d.serving.kind === 'kserve' && strategyModel(d.strategy).kserve.logsPayloads && !d.serving.logger) {
    throw new DslError({
      path: [...path, 'serving', 'logger'],
      problem: 'a KServe shadow logs the payloads of champion and challenger for offline comparison',
      got: undefined,
      fix: "Declare a monitoring of the deployment with payloadLog: payloadSink({ url }), or set kserve({ logger: { url: 'http://payload-sink.ml.svc.cluster.local' } })",
    });
  }
}
