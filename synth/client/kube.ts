import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { StringDecoder } from 'node:string_decoder';
import type { KubeConfig } from '@kubernetes/client-node';
import { apiRequest, UnreachableError, type ApiResponse } from '../commands/apply-client.ts';
import { ClientError, errorFor, type RequestTarget } from './errors.ts';

/** `/apis/<group>/<version>/namespaces/<ns>/<resource>[/<name>[/<sub>]]`, `/api/v1/...` for the core group. */
export function resourcePath(
  t: { readonly group: string; readonly version: string; readonly resource: string },
  namespace: string | undefined,
  name?: string,
  sub?: string,
): string {
  const base = t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`;
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${t.resource}${name ? `/${encodeURIComponent(name)}` : ''}${sub ? `/${sub}` : ''}`;
}

const unreachable = (e: UnreachableError): ClientError =>
  new ClientError(
    `${e.message}. Check that the cluster is up and the kubeconfig's server address (kubectl cluster-info), or pick another --context`,
    'unreachable',
  );

/**
 * The API server of one kubeconfig context: JSON requests that either return the answer's body
 * or throw a {@link ClientError} naming what was refused, and streamed GETs for watches and logs.
 * Bodies go out and come back as raw JSON (see apply-client.ts for why).
 */
export class Kube {
  readonly server: string;

  constructor(readonly kc: KubeConfig) {
    this.server = kc.getCurrentCluster()?.server ?? '';
  }

  /** One request; a 2xx answer's body, else a ClientError for `target`. */
  async request<T = unknown>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    target: RequestTarget,
    body?: unknown,
    contentType?: string,
  ): Promise<T> {
    const res = await this.raw(method, path, body, contentType);
    if (res.status < 200 || res.status > 299) throw errorFor(res, target, this.server);
    return res.body as T;
  }

  /** One request whose answer is returned whatever its status (a 404 that means "absent"). */
  async raw(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    contentType?: string,
  ): Promise<ApiResponse> {
    try {
      return await apiRequest(this.kc, method, path, {
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(contentType ? { contentType } : {}),
      });
    } catch (e) {
      if (e instanceof UnreachableError) throw unreachable(e);
      throw e;
    }
  }

  /**
   * A streamed GET (a watch, a log). Resolves once the server answered: with the response
   * stream on 2xx, with a ClientError otherwise (its body read first). `signal` ends it.
   */
  async stream(path: string, target: RequestTarget, signal?: AbortSignal): Promise<IncomingMessage> {
    const url = new URL(`${this.server.replace(/\/+$/, '')}${path}`);
    const options: RequestOptions = { method: 'GET', headers: { Accept: 'application/json, */*' } };
    await this.kc.applyToHTTPSOptions(options);
    const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
    return new Promise<IncomingMessage>((resolve, reject) => {
      const req = send(url, { ...options, ...(signal ? { signal } : {}) }, (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve(res);
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // Not JSON: keep the text for the message.
          }
          reject(errorFor({ status, body, warnings: [] }, target, this.server));
        });
      });
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (e.name === 'AbortError') return reject(e);
        reject(
          unreachable(
            new UnreachableError(`cannot reach the API server at ${this.server} (got ${e.code ?? e.message})`),
          ),
        );
      });
      req.end();
    });
  }
}

/** Splits a byte stream into lines, also when a line spans chunks; the last line needs no newline. */
export async function* lines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  let rest = '';
  // A character's bytes may be split across chunks: the decoder keeps the partial ones.
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream) {
    rest += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let i: number;
    while ((i = rest.indexOf('\n')) >= 0) {
      yield rest.slice(0, i).replace(/\r$/, '');
      rest = rest.slice(i + 1);
    }
  }
  rest += decoder.end();
  if (rest) yield rest.replace(/\r$/, '');
}
