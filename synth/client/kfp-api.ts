/**
 * The few calls of the Kubeflow Pipelines v2 REST API (`/apis/v2beta1`) that `argosy upload
 * --target kfp` makes, over Node's fetch. Requests look like the KFP SDK's (`kfp.Client`:
 * multipart `uploadfile` for pipelines and versions, snake_case proto names in JSON bodies, the
 * same list filter), so any KFP 2.x API server, directly or behind an auth proxy, takes them.
 */

/**
 * A refused or unanswered request, as `<what>: <problem> (got <value>). <fix>.`
 *
 * @example
 * ```ts
 * try {
 *   await uploadToKfp(conn, input);
 * } catch (e) {
 *   if (e instanceof KfpError && e.reason === 'unauthorized') console.error(e.message);
 * }
 * ```
 */
export class KfpError extends Error {
  constructor(
    message: string,
    /** `unreachable`, `timeout`, `unauthorized`, `forbidden`, `already-exists`, `not-found`, `rejected`, `not-kfp`. */
    readonly reason: string,
    /** HTTP status of the answer, 0 when there was none. */
    readonly status = 0,
  ) {
    super(message);
    this.name = 'KfpError';
  }
}

/** Where the KFP API is and how to authenticate. */
export interface KfpConnection {
  /** Base URL of the API server, e.g. `http://localhost:8888` or `https://kubeflow.example.com/pipeline`. */
  readonly host: string;
  /** Bearer token sent as `Authorization: Bearer <token>` (KFP multi-user behind an auth proxy). */
  readonly token?: string;
  /** Per-request timeout in milliseconds (default 60 s): a silent server never hangs the CLI. */
  readonly timeoutMs?: number;
}

/** One request as it goes on the wire (what `--dry-run` prints and the tests record). */
export interface KfpRequest {
  readonly method: 'GET' | 'POST';
  /** Path below the host, starting with `/apis/v2beta1`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** A JSON body (snake_case proto field names). */
  readonly json?: unknown;
  /** A multipart body with one file field, `uploadfile`. */
  readonly file?: { readonly name: string; readonly bytes: Uint8Array };
}

/**
 * The URL of a request, query parameters in the order given.
 *
 * @example
 * ```ts
 * requestUrl('http://kfp:8888/', { method: 'GET', path: '/apis/v2beta1/pipelines', query: { namespace: 'ml' } });
 * // 'http://kfp:8888/apis/v2beta1/pipelines?namespace=ml'
 * ```
 */
export function requestUrl(host: string, r: KfpRequest): string {
  const q = new URLSearchParams(Object.entries(r.query ?? {})).toString();
  return `${host.replace(/\/+$/, '')}${r.path}${q ? `?${q}` : ''}`;
}

/** The server's error text: KFP answers `{ error?, code, message, details }` (grpc-gateway). */
function kfpMessage(body: unknown, text: string): string {
  if (typeof body === 'object' && body !== null) {
    const b = body as { message?: unknown; error?: unknown };
    const m = typeof b.message === 'string' && b.message ? b.message : typeof b.error === 'string' ? b.error : '';
    if (m) return m.trim().replace(/\.$/, '');
  }
  const t = text.trim().replace(/\s+/g, ' ');
  return t ? (t.length > 300 ? `${t.slice(0, 300)}…` : t) : 'no message';
}

function describe(r: KfpRequest): string {
  return `${r.method} ${r.path}`;
}

/** KFP's answers here are a pipeline, a version list or a recurring run; more than this is not KFP. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/** The answer's text, refusing one larger than {@link MAX_ANSWER_BYTES} instead of holding it all. */
async function readCapped(res: Response, what: string): Promise<string> {
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > MAX_ANSWER_BYTES) {
      await res.body.cancel().catch(() => undefined);
      throw new KfpError(
        `${what}: the answer is larger than a KFP answer can be (got more than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB). Point --host at the KFP API server`,
        'not-kfp',
        res.status,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Sends one request and returns the parsed JSON answer; any other outcome is a {@link KfpError}:
 * no answer (unreachable, timeout), 401, 403, 404, 409, any other error status with KFP's own
 * message, or an answer that is not JSON (an auth proxy's login page).
 *
 * @example
 * ```ts
 * const pipelines = await kfpRequest({ host: 'http://localhost:8888' }, { method: 'GET', path: '/apis/v2beta1/pipelines' });
 * ```
 */
export async function kfpRequest(conn: KfpConnection, r: KfpRequest): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (conn.token) headers.Authorization = `Bearer ${conn.token}`;
  let body: string | FormData | undefined;
  if (r.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(r.json);
  } else if (r.file) {
    const form = new FormData();
    form.append('uploadfile', new Blob([r.file.bytes], { type: 'application/octet-stream' }), r.file.name);
    body = form;
  }
  const url = requestUrl(conn.host, r);
  let res: Response;
  try {
    res = await fetch(url, {
      method: r.method,
      headers,
      ...(body !== undefined ? { body } : {}),
      signal: AbortSignal.timeout(conn.timeoutMs ?? 60_000),
      redirect: 'manual',
    });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    if (err.name === 'TimeoutError')
      throw new KfpError(
        `${describe(r)}: the KFP API at ${conn.host} did not answer (got no answer within ${(conn.timeoutMs ?? 60_000) / 1000} s). Check that the API server is up and --host points at it`,
        'timeout',
      );
    throw new KfpError(
      `cannot reach the KFP API at ${conn.host} (got ${err.cause?.code ?? (err.cause as Error | undefined)?.message ?? err.message}). Check --host (or KFP_HOST) and that the API server is reachable, e.g. kubectl port-forward -n kubeflow svc/ml-pipeline 8888:8888 and --host http://localhost:8888`,
      'unreachable',
    );
  }
  const text = await readCapped(res, describe(r));
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = undefined;
  }
  if (res.status >= 300 && res.status < 400)
    throw new KfpError(
      `${describe(r)}: the server at ${conn.host} redirects (got ${res.status} to ${res.headers.get('location') ?? 'nowhere'}). An auth proxy sends you to its login page when the token is missing or expired: pass one with --token-file or KFP_TOKEN, or point --host at the redirect target`,
      'unauthorized',
      res.status,
    );
  const message = kfpMessage(parsed, text);
  switch (res.status) {
    case 401:
      throw new KfpError(
        `${describe(r)}: the KFP API did not accept the credentials (got 401: ${message}). Pass a valid bearer token with --token-file or KFP_TOKEN`,
        'unauthorized',
        401,
      );
    case 403:
      throw new KfpError(
        `${describe(r)}: refused (got 403: ${message}). The token's user needs access to the namespace (a contributor of its KFP profile); pass --namespace with a namespace the user may write to`,
        'forbidden',
        403,
      );
    case 404:
      throw new KfpError(
        `${describe(r)}: not found (got 404: ${message}). Check that --host is the KFP API (it serves /apis/v2beta1) and that the object exists`,
        'not-found',
        404,
      );
    case 409:
      throw new KfpError(
        `${describe(r)}: already exists (got 409: ${message}). Someone created it at the same time; run the upload again, it finds the existing object`,
        'already-exists',
        409,
      );
  }
  if (res.status >= 400)
    throw new KfpError(
      `${describe(r)}: the KFP API refused the request (got ${res.status}: ${message}). Fix what it names, then upload again`,
      'rejected',
      res.status,
    );
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new KfpError(
      `${describe(r)}: the answer is not KFP's JSON (got ${res.headers.get('content-type') ?? 'no content type'}: ${message}). Point --host at the KFP API server; an auth proxy's login page means the token is missing (--token-file or KFP_TOKEN)`,
      'not-kfp',
      res.status,
    );
  return parsed as Record<string, unknown>;
}

/** The KFP list filter of the SDK's `get_pipeline_id` (`display_name` EQUALS the name), written as the API models declare it: proto field names and the enum's name (the SDK writes `stringValue` and the number 1; the server's protojson reads every spelling).
 *
 * @example
 * ```ts
 * displayNameFilter('popular-products'); // '{"predicates":[{"operation":"EQUALS","key":"display_name","string_value":"popular-products"}]}'
 * ```
 */
export function displayNameFilter(name: string): string {
  return JSON.stringify({ predicates: [{ operation: 'EQUALS', key: 'display_name', string_value: name }] });
}
