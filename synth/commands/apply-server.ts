import type { KubeConfig } from '@kubernetes/client-node';
import type { Finding } from '../validate/finding.ts';
import { apiRequest } from './apply-client.ts';
import { explainRejection, type Rejection } from './apply-errors.ts';

/** What the server's discovery says about a kind. */
export interface ResourceInfo {
  readonly plural: string;
  readonly namespaced: boolean;
}

/** Maps apiVersion + kind to the REST resource via the server's discovery, one request per group version. */
export class Discovery {
  private readonly lists = new Map<string, Promise<Map<string, ResourceInfo> | undefined>>();

  constructor(private readonly kc: KubeConfig) {}

  /** Forgets what was discovered, e.g. after CRDs were installed. */
  refresh(): void {
    this.lists.clear();
  }

  async resource(apiVersion: string, kind: string): Promise<ResourceInfo | undefined> {
    let list = this.lists.get(apiVersion);
    if (!list) {
      list = this.load(apiVersion);
      this.lists.set(apiVersion, list);
    }
    return (await list)?.get(kind);
  }

  private async load(apiVersion: string): Promise<Map<string, ResourceInfo> | undefined> {
    const path = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    const r = await apiRequest(this.kc, 'GET', path);
    if (r.status === 404) return undefined;
    if (r.status !== 200)
      throw new Error(`discovery of ${apiVersion} failed: HTTP ${r.status} ${statusMessage(r.body)}`);
    const out = new Map<string, ResourceInfo>();
    const resources = (r.body as { resources?: { name: string; kind: string; namespaced: boolean }[] }).resources;
    for (const res of resources ?? [])
      if (!res.name.includes('/')) out.set(res.kind, { plural: res.name, namespaced: res.namespaced });
    return out;
  }
}

export function statusMessage(body: unknown): string {
  return typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string'
    ? (body as { message: string }).message
    : typeof body === 'string'
      ? body.slice(0, 300)
      : '';
}

/** A Kubernetes object as read from a file. */
export interface KubeObject {
  readonly apiVersion?: unknown;
  readonly kind?: unknown;
  readonly metadata?: {
    readonly name?: unknown;
    readonly generateName?: unknown;
    readonly namespace?: unknown;
    readonly annotations?: Record<string, unknown>;
  };
}

export interface ApplyRequest {
  /** `All` for a server-side dry run: every admission step runs, nothing is stored. */
  readonly dryRun: boolean;
  readonly fieldManager: string;
  /** Take over fields other managers own (kubectl's --force-conflicts). */
  readonly force: boolean;
  /** For namespaced objects that name no namespace. */
  readonly namespace: string;
  /** How long to wait for the server's answer (default 60 s; a large CRD takes a while to compile). */
  readonly timeoutMs?: number;
}

/** The server's answer for one object: what it stored (or would store), or why not. */
export interface ApplyResult {
  readonly namespace?: string;
  /** The object as the server returned it (after defaulting, admission and, for a create, naming). */
  readonly live?: Record<string, unknown>;
  readonly findings: readonly Finding[];
}

function finding(rule: string, path: string, message: string, severity: 'error' | 'warning' = 'error'): Finding {
  return { severity, layer: 'apiserver', rule: `apiserver/${rule}`, path, message };
}

/**
 * Server-side applies one object (PATCH application/apply-patch+yaml, strict field validation, as
 * `kubectl apply --server-side` does). Objects that have only `generateName` cannot be applied
 * by name; they are created, as Argo CD creates such hooks. Returns findings, never throws for
 * a rejection: only when the server cannot be reached.
 */
export async function applyObject(
  kc: KubeConfig,
  discovery: Discovery,
  obj: KubeObject,
  req: ApplyRequest,
): Promise<ApplyResult> {
  const { apiVersion, kind } = obj;
  const name = obj.metadata?.name;
  const generateName = obj.metadata?.generateName;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !apiVersion || !kind)
    return {
      findings: [
        finding(
          'not-an-object',
          '',
          `not a Kubernetes object (got apiVersion ${JSON.stringify(apiVersion)}, kind ${JSON.stringify(kind)}). Give every document apiVersion and kind`,
        ),
      ],
    };
  if (typeof name !== 'string' && typeof generateName !== 'string')
    return {
      findings: [
        finding(
          'not-an-object',
          'metadata.name',
          'no name (got neither metadata.name nor metadata.generateName). Name it',
        ),
      ],
    };
  const info = await discovery.resource(apiVersion, kind);
  if (!info)
    return {
      findings: [
        finding(
          'unknown-kind',
          'kind',
          `the API server does not serve ${kind} in ${apiVersion} (got no such resource in its discovery). Install the CRD that defines it, or check apiVersion`,
        ),
      ],
    };
  const namespace = info.namespaced
    ? typeof obj.metadata?.namespace === 'string' && obj.metadata.namespace
      ? obj.metadata.namespace
      : req.namespace
    : undefined;
  const base = `${apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`}${namespace ? `/namespaces/${encodeURIComponent(namespace)}` : ''}/${info.plural}`;
  const query = new URLSearchParams({ fieldManager: req.fieldManager, fieldValidation: 'Strict' });
  if (req.dryRun) query.set('dryRun', 'All');
  const body = JSON.stringify(namespace ? { ...obj, metadata: { ...obj.metadata, namespace } } : obj);
  const create = typeof name !== 'string';
  if (!create && req.force) query.set('force', 'true');
  const timeoutMs = req.timeoutMs ?? 60_000;
  const r = create
    ? await apiRequest(kc, 'POST', `${base}?${query}`, { body, timeoutMs })
    : await apiRequest(kc, 'PATCH', `${base}/${encodeURIComponent(name)}?${query}`, {
        body,
        contentType: 'application/apply-patch+yaml',
        timeoutMs,
      });
  const warnings = r.warnings.map((w) => finding('warning', '', w, 'warning'));
  if (r.status >= 200 && r.status < 300)
    return { ...(namespace ? { namespace } : {}), live: r.body as Record<string, unknown>, findings: warnings };
  const rejection: Rejection = {
    status: r.status,
    body: r.body,
    verb: create ? 'create' : 'patch',
    resource: `${info.plural}${apiVersion.includes('/') ? `.${apiVersion.split('/')[0]}` : ''}`,
    ...(namespace ? { namespace } : {}),
    server: kc.getCurrentCluster()?.server ?? '',
  };
  return {
    ...(namespace ? { namespace } : {}),
    findings: [...explainRejection(rejection).map((e) => finding(e.rule, e.path, e.message)), ...warnings],
  };
}

/** Reads an object back (raw JSON), e.g. to compare what the server stored with what was written. */
export async function readObject(
  kc: KubeConfig,
  discovery: Discovery,
  apiVersion: string,
  kind: string,
  name: string,
  namespace: string | undefined,
): Promise<Record<string, unknown> | undefined> {
  const info = await discovery.resource(apiVersion, kind);
  if (!info) return undefined;
  const path = `${apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`}${info.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : ''}/${info.plural}/${encodeURIComponent(name)}`;
  const r = await apiRequest(kc, 'GET', path);
  if (r.status === 404) return undefined;
  if (r.status !== 200) throw new Error(`GET ${path}: HTTP ${r.status} ${statusMessage(r.body)}`);
  return r.body as Record<string, unknown>;
}
