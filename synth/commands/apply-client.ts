import { existsSync } from 'node:fs';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { request as httpRequest } from 'node:http';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { UsageError } from '../load-app.ts';

export interface ClusterTarget {
  /** A kubeconfig file; default: $KUBECONFIG, else ~/.kube/config, else the in-cluster config. */
  readonly kubeconfig?: string;
  /** A context of the kubeconfig; default: its current context. */
  readonly context?: string;
}

/** A JSON answer of the API server. */
export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
  /** `Warning` headers (deprecations, fields the server dropped in non-strict modes). */
  readonly warnings: readonly string[];
}

/** The API server could not be reached at all (no answer, TLS failure): nothing was checked. */
export class UnreachableError extends Error {}

/**
 * Loads the kubeconfig as kubectl does, and says plainly when there is none: client-node would
 * otherwise fall back to http://localhost:8080 and fail later with a connection error.
 */
export function loadKubeConfig(target: ClusterTarget): KubeConfig {
  const kc = new KubeConfig();
  if (target.kubeconfig) {
    if (!existsSync(target.kubeconfig))
      throw new UsageError(
        `--kubeconfig ${target.kubeconfig}: no such file (got ${target.kubeconfig}). Pass the path of a kubeconfig file`,
      );
    kc.loadFromFile(target.kubeconfig);
  } else {
    const fromEnv = (process.env.KUBECONFIG ?? '').split(delimiter).filter(Boolean);
    const home = join(homedir(), '.kube', 'config');
    const inCluster = Boolean(process.env.KUBERNETES_SERVICE_HOST);
    if (!fromEnv.some((f) => existsSync(f)) && !existsSync(home) && !inCluster)
      throw new UsageError(
        `no kubeconfig found (got KUBECONFIG=${process.env.KUBECONFIG ?? '(unset)'}, no ${home}). Pass --kubeconfig <file>, set KUBECONFIG, or log in to your cluster first`,
      );
    kc.loadFromDefault();
  }
  if (target.context) {
    const names = kc.getContexts().map((c) => c.name);
    if (!names.includes(target.context))
      throw new UsageError(
        `--context ${target.context}: no such context in the kubeconfig (got ${target.context}). Pass one of ${names.join(', ') || '(none: the kubeconfig has no contexts)'}`,
      );
    kc.setCurrentContext(target.context);
  }
  if (!kc.getCurrentCluster())
    throw new UsageError(
      `the kubeconfig has no current cluster (got context "${kc.getCurrentContext() || '(none)'}"). Pass --context <name> or set current-context`,
    );
  return kc;
}

/** The namespace of the current context, as kubectl uses it for objects that name none. */
export function contextNamespace(kc: KubeConfig): string | undefined {
  return kc.getContextObject(kc.getCurrentContext())?.namespace || undefined;
}

/**
 * One request to the API server with the kubeconfig's credentials and TLS settings, applied by
 * client-node (tokens, client certificates, exec plugins). The body goes out and comes back as
 * raw JSON on purpose: client-node's typed models drop fields they do not know, which would
 * hide from the server exactly the mistakes it is asked to find, and rewrite what it answers.
 */
export async function apiRequest(
  kc: KubeConfig,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  opts: { readonly body?: string; readonly contentType?: string; readonly timeoutMs?: number } = {},
): Promise<ApiResponse> {
  const server = kc.getCurrentCluster()?.server ?? '';
  // Appended, not resolved: a server URL with a path prefix (behind a proxy) keeps it.
  const url = new URL(`${server.replace(/\/+$/, '')}${path}`);
  const options: RequestOptions = {
    method,
    headers: {
      Accept: 'application/json',
      ...(opts.body !== undefined
        ? { 'Content-Type': opts.contentType ?? 'application/json', 'Content-Length': Buffer.byteLength(opts.body) }
        : {}),
    },
    timeout: opts.timeoutMs ?? 30_000,
  };
  await kc.applyToHTTPSOptions(options);
  const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise<ApiResponse>((resolvePromise, reject) => {
    const req = send(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          // A proxy's HTML error page, say: keep the text for the message.
        }
        const warning = res.headers.warning;
        const warnings = (Array.isArray(warning) ? warning : warning ? [warning] : []).map(parseWarning);
        resolvePromise({ status: res.statusCode ?? 0, body, warnings });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${(opts.timeoutMs ?? 30_000) / 1000} s`)));
    req.on('error', (e: NodeJS.ErrnoException) =>
      reject(new UnreachableError(`cannot reach the API server at ${server} (got ${e.code ?? e.message})`)),
    );
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** `299 - "message"` -> `message` (RFC 7234 warn-code, agent, quoted text). */
function parseWarning(header: string): string {
  const m = /^\d{3}\s+\S+\s+"((?:[^"\\]|\\.)*)"/.exec(header);
  return m ? (m[1] as string).replace(/\\(.)/g, '$1') : header;
}
