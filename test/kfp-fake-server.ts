import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadAll } from 'js-yaml';

/**
 * A stand-in for the Kubeflow Pipelines API server, on loopback. No KFP server can run here (it
 * needs MySQL, object storage, Argo and a cluster), so this answers the calls `argosy upload
 * --target kfp` and the KFP SDK's `kfp.Client` make the way KFP 2.x does (JSON with proto field
 * names, `{ error, code, message }` errors) and records every request, so tests can check what
 * was sent: the peers test deserializes the bodies with the KFP SDK's own API models.
 */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly authorization?: string;
  readonly contentType?: string;
  /** A JSON body, parsed. */
  readonly json?: unknown;
  /** The multipart fields: name -> { filename, text }. */
  readonly files?: Record<string, { readonly filename: string; readonly text: string }>;
}

export interface FakeKfpOptions {
  /** When set, requests without `Authorization: Bearer <token>` get 401. */
  readonly token?: string;
  /** Namespaces the caller may not write to: 403, as KFP's authorization does. */
  readonly forbiddenNamespaces?: readonly string[];
  /** Answer every request with this status and body (an error path). */
  readonly failWith?: { readonly status: number; readonly body: string; readonly headers?: Record<string, string> };
  /** Accept requests and never answer (a hung server). */
  readonly silent?: boolean;
}

export interface FakeKfp {
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly pipelines: Record<string, unknown>[];
  readonly versions: Record<string, unknown>[];
  readonly recurringRuns: Record<string, unknown>[];
  close(): Promise<void>;
}

const err = (res: ServerResponse, status: number, code: number, message: string): void => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: message, code, message, details: [] }));
};
const ok = (res: ServerResponse, body: unknown): void => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** The spec as KFP stores a version's: the PipelineSpec, or both documents under their names. */
function storedSpec(text: string): unknown {
  const docs = loadAll(text).filter((d) => d != null);
  return docs.length > 1 ? { pipeline_spec: docs[0], platform_spec: docs[1] } : docs[0];
}

function displayNameOf(filter: string | undefined): string | undefined {
  if (!filter) return undefined;
  const f = JSON.parse(filter) as { predicates?: { key?: string; stringValue?: string; string_value?: string }[] };
  const p = f.predicates?.find((x) => x.key === 'display_name');
  return p?.stringValue ?? p?.string_value;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakeKfp(opts: FakeKfpOptions = {}): Promise<FakeKfp> {
  const requests: RecordedRequest[] = [];
  const pipelines: Record<string, unknown>[] = [];
  const versions: Record<string, unknown>[] = [];
  const recurringRuns: Record<string, unknown>[] = [];
  let ids = 0;
  const id = (): string => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
  const now = (): string => new Date(Date.UTC(2026, 11, 1, 0, 0, ids)).toISOString();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = await readBody(req);
    const contentType = req.headers['content-type'];
    const rec: {
      -readonly [K in keyof RecordedRequest]: RecordedRequest[K];
    } = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(contentType ? { contentType } : {}),
    };
    if (contentType?.startsWith('application/json') && body.length) rec.json = JSON.parse(body.toString('utf8'));
    if (contentType?.startsWith('multipart/form-data')) {
      const form = await new Request('http://fake/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      }).formData();
      rec.files = {};
      for (const [k, v] of form.entries())
        if (typeof v !== 'string') rec.files[k] = { filename: v.name, text: await v.text() };
    }
    requests.push(rec);
    if (opts.silent) return;
    if (opts.failWith) {
      res.writeHead(opts.failWith.status, { 'content-type': 'application/json', ...opts.failWith.headers });
      res.end(opts.failWith.body);
      return;
    }
    if (opts.token && req.headers.authorization !== `Bearer ${opts.token}`)
      return err(res, 401, 16, 'Unauthenticated: request is not authenticated');
    const namespace = rec.query.namespace ?? (rec.json as { namespace?: string } | undefined)?.namespace;
    if (req.method === 'POST' && namespace && opts.forbiddenNamespaces?.includes(namespace))
      return err(res, 403, 7, `PermissionDenied: user is not authorized to access namespace ${namespace}`);
    const p = url.pathname;
    if (req.method === 'GET' && p === '/apis/v2beta1/healthz') return ok(res, { multi_user: false });
    if (req.method === 'GET' && p === '/apis/v2beta1/pipelines') {
      const name = displayNameOf(rec.query.filter);
      const found = pipelines.filter((x) => name === undefined || x.display_name === name);
      return ok(res, found.length ? { pipelines: found, total_size: found.length } : {});
    }
    if (req.method === 'POST' && p === '/apis/v2beta1/pipelines/upload') {
      const file = rec.files?.uploadfile;
      if (!file) return err(res, 400, 3, 'InvalidInputError: Failed to read pipeline spec file');
      const name = rec.query.name ?? file.filename;
      if (pipelines.some((x) => x.name === name && (x.namespace ?? '') === (rec.query.namespace ?? '')))
        return err(
          res,
          409,
          6,
          `AlreadyExistsError: Failed to create a pipeline: pipeline with name ${name} already exists`,
        );
      const pipeline = {
        pipeline_id: id(),
        name,
        display_name: rec.query.display_name ?? name,
        created_at: now(),
        ...(rec.query.namespace ? { namespace: rec.query.namespace } : {}),
      };
      pipelines.push(pipeline);
      versions.push({
        pipeline_id: pipeline.pipeline_id,
        pipeline_version_id: id(),
        name,
        display_name: name,
        created_at: now(),
        pipeline_spec: storedSpec(file.text),
      });
      return ok(res, pipeline);
    }
    const versionsPath = /^\/apis\/v2beta1\/pipelines\/([^/]+)\/versions$/.exec(p);
    if (req.method === 'GET' && versionsPath) {
      const mine = versions.filter((v) => v.pipeline_id === versionsPath[1]).reverse();
      return ok(res, { pipeline_versions: mine, total_size: mine.length });
    }
    if (req.method === 'POST' && p === '/apis/v2beta1/pipelines/upload_version') {
      const file = rec.files?.uploadfile;
      const pipelineId = rec.query.pipelineid;
      if (!file || !pipelineId) return err(res, 400, 3, 'InvalidInputError: pipelineid and uploadfile are required');
      if (!pipelines.some((x) => x.pipeline_id === pipelineId))
        return err(res, 404, 5, `ResourceNotFoundError: Pipeline ${pipelineId} not found`);
      const name = rec.query.name ?? file.filename;
      if (versions.some((v) => v.pipeline_id === pipelineId && v.name === name))
        return err(res, 409, 6, `AlreadyExistsError: pipeline version with name ${name} already exists`);
      const version = {
        pipeline_id: pipelineId,
        pipeline_version_id: id(),
        name,
        display_name: rec.query.display_name ?? name,
        created_at: now(),
        pipeline_spec: storedSpec(file.text),
      };
      versions.push(version);
      return ok(res, version);
    }
    if (req.method === 'GET' && p === '/apis/v2beta1/recurringruns') {
      const name = displayNameOf(rec.query.filter);
      const found = recurringRuns.filter((x) => name === undefined || x.display_name === name);
      return ok(res, found.length ? { recurringRuns: found, total_size: found.length } : {});
    }
    if (req.method === 'POST' && p === '/apis/v2beta1/recurringruns') {
      const run = { ...(rec.json as object), recurring_run_id: id(), created_at: now(), status: 'ENABLED' };
      recurringRuns.push(run);
      return ok(res, run);
    }
    return err(res, 404, 5, `Not Found: ${req.method} ${p}`);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => err(res, 500, 13, String(e)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    pipelines,
    versions,
    recurringRuns,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
