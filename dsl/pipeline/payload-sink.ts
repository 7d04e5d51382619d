import { DslError } from '../errors.ts';
import type { PayloadLogIR } from '../ir/index.ts';
import { assertToken } from '../deploy/checks.ts';

/**
 * Options of {@link payloadSink}.
 *
 * @example
 * ```ts
 * { url: 'http://payload-logger.ml-logging.svc.cluster.local', mode: 'all' }
 * ```
 */
export interface PayloadSinkOptions {
  /** Where request/response CloudEvents are sent, e.g. a receiver that writes them to the warehouse. */
  readonly url: string;
  /** What is logged: requests and responses (`all`, default), or one of them. */
  readonly mode?: 'all' | 'request' | 'response';
}

/**
 * A payload sink; give it to `monitoring(..., { deployment, payloadLog })`.
 *
 * @example
 * ```ts
 * const sink: PayloadSink = payloadSink({ url: 'http://payload-logger.ml-logging.svc.cluster.local' });
 * ```
 */
export interface PayloadSink {
  readonly kind: 'payloadSink';
  readonly ir: PayloadLogIR;
}

/**
 * Declares where a model's request and response payloads go, so drift checks and offline
 * evaluation can read what the endpoint really saw. A monitoring that names it configures the
 * deployment it watches: KServe InferenceServices get `predictor.logger` (the KServe agent sends
 * a CloudEvent per request and response), plain model servers get the sink as the environment
 * variables `ARGOSY_PAYLOAD_LOG_URL` and `ARGOSY_PAYLOAD_LOG_MODE` and send the same events.
 *
 * @example
 * ```ts
 * const requestLog = payloadSink({ url: 'http://payload-logger.ml-logging.svc.cluster.local' });
 * monitoring('ctr-categories', { model: 'ctr-categories', deployment: ctrServing, payloadLog: requestLog, drift: { threshold: 0.3 } });
 * ```
 */
export function payloadSink(opts: PayloadSinkOptions): PayloadSink {
  const path = ['payloadSink()'];
  if (opts === null || typeof opts !== 'object') {
    throw new DslError({
      path,
      problem: 'expected the sink options',
      got: opts,
      fix: "Pass { url: 'http://payload-logger.ml-logging.svc.cluster.local' }",
    });
  }
  const url = assertToken(
    opts.url,
    [...path, 'url'],
    'url',
    "Use e.g. 'http://payload-logger.ml-logging.svc.cluster.local'",
  );
  if (!/^https?:\/\/[^\s/]+/.test(url)) {
    throw new DslError({
      path: [...path, 'url'],
      problem: 'the sink must be an http(s) URL',
      got: url,
      fix: "Use e.g. 'http://payload-logger.ml-logging.svc.cluster.local'",
    });
  }
  const mode = opts.mode ?? 'all';
  if (!['all', 'request', 'response'].includes(mode)) {
    throw new DslError({
      path: [...path, 'mode'],
      problem: 'unknown payload log mode',
      got: mode,
      fix: 'Use "all", "request" or "response"',
    });
  }
  return { kind: 'payloadSink', ir: { url, mode } };
}
