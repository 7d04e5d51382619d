import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { displayNameFilter, kfpRequest, type KfpConnection, type KfpRequest } from './kfp-api.ts';

/** A synthesized `pipelinespec.<name>.yaml`: the PipelineSpec, and its PlatformSpec when there is one. */
export interface KfpPipelineFile {
  /** Where it was read from (messages name it). */
  readonly file: string;
  /** `pipelineInfo.name`: the KFP pipeline's name and display name. */
  readonly name: string;
  /** The file as uploaded. */
  readonly bytes: Uint8Array;
  /** Its YAML documents, parsed: `[pipelineSpec]` or `[pipelineSpec, platformSpec]`. */
  readonly documents: readonly unknown[];
}

/** A recurring run's request body (proto field names, see kfp-recurring-body.ts) and its file. */
export interface KfpRecurringRunFile {
  readonly file: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/** What `argosy upload --target kfp` sends: pipelines first, then recurring runs. */
export interface KfpUploadInput {
  readonly pipelines: readonly KfpPipelineFile[];
  readonly recurringRuns: readonly KfpRecurringRunFile[];
}

/** What happened to one pipeline or recurring run. */
export type KfpUploadStep =
  | { readonly kind: 'pipeline-created'; readonly name: string; readonly pipelineId: string }
  | {
      readonly kind: 'version-created';
      readonly name: string;
      readonly pipelineId: string;
      readonly version: string;
      readonly versionId: string;
    }
  | {
      readonly kind: 'pipeline-unchanged';
      readonly name: string;
      readonly pipelineId: string;
      readonly version: string;
    }
  | { readonly kind: 'recurring-run-created'; readonly name: string; readonly recurringRunId: string }
  | { readonly kind: 'recurring-run-exists'; readonly name: string; readonly recurringRunId: string };

/** Options of {@link uploadToKfp}. */
export interface KfpUploadOptions {
  /** KFP namespace (multi-user mode: the profile's namespace); unset for single-user KFP. */
  readonly namespace?: string;
  /** Called after each step, so a long upload shows progress. */
  readonly onStep?: (step: KfpUploadStep) => void;
}

/**
 * The name of the version holding this spec: the pipeline name and the first 12 hex digits of
 * the SHA-256 of its parsed documents (formatting and comments do not count), so uploading the
 * same spec twice finds the version instead of adding one.
 *
 * @example
 * ```ts
 * versionName({ name: 'popular-products', documents: [spec] }); // 'popular-products-3f2a9c1e07b4'
 * ```
 */
export function versionName(p: Pick<KfpPipelineFile, 'name' | 'documents'>): string {
  return `${p.name}-${createHash('sha256').update(JSON.stringify(p.documents)).digest('hex').slice(0, 12)}`;
}

/** The spec as the API server stores it: the PipelineSpec, or `{ pipeline_spec, platform_spec }` with a PlatformSpec. */
function storedForms(p: KfpPipelineFile): unknown[] {
  const [spec, platform] = p.documents;
  return platform === undefined ? [spec] : [{ pipeline_spec: spec, platform_spec: platform }, spec];
}

const fileName = (file: string): string => file.split(/[\\/]/).pop() ?? file;
const ns = (namespace?: string): Record<string, string> => (namespace ? { namespace } : {});

/**
 * `POST /apis/v2beta1/pipelines/upload`: a new pipeline and its first version, as `kfp.Client.upload_pipeline` sends it.
 *
 * @example
 * ```ts
 * uploadPipelineRequest(pipeline, 'ml').query; // { name: 'popular-products', namespace: 'ml' }
 * ```
 */
export function uploadPipelineRequest(p: KfpPipelineFile, namespace?: string): KfpRequest {
  return {
    method: 'POST',
    path: '/apis/v2beta1/pipelines/upload',
    query: { name: p.name, ...ns(namespace) },
    file: { name: fileName(p.file), bytes: p.bytes },
  };
}

/**
 * `POST /apis/v2beta1/pipelines/upload_version`, as `kfp.Client.upload_pipeline_version` sends it.
 *
 * @example
 * ```ts
 * uploadVersionRequest(pipeline, id).query; // { name: 'popular-products-3f2a9c1e07b4', pipelineid: id }
 * ```
 */
export function uploadVersionRequest(p: KfpPipelineFile, pipelineId: string): KfpRequest {
  return {
    method: 'POST',
    path: '/apis/v2beta1/pipelines/upload_version',
    query: { name: versionName(p), pipelineid: pipelineId },
    file: { name: fileName(p.file), bytes: p.bytes },
  };
}

/**
 * `POST /apis/v2beta1/recurringruns` with the recurring run's body.
 *
 * @example
 * ```ts
 * createRecurringRunRequest({ file: 'recurringrun.daily.yaml', body: { display_name: 'daily' } }).path; // '/apis/v2beta1/recurringruns'
 * ```
 */
export function createRecurringRunRequest(r: KfpRecurringRunFile): KfpRequest {
  return { method: 'POST', path: '/apis/v2beta1/recurringruns', json: r.body };
}

/**
 * The writes an upload makes when nothing exists yet, without sending anything (`--dry-run`):
 * the lookups are skipped, so an existing pipeline would get `upload_version` instead.
 *
 * @example
 * ```ts
 * plannedRequests(input, 'ml-production').map((r) => `${r.method} ${r.path}`);
 * ```
 */
export function plannedRequests(input: KfpUploadInput, namespace?: string): KfpRequest[] {
  return [
    ...input.pipelines.map((p) => uploadPipelineRequest(p, namespace)),
    ...input.recurringRuns.map(createRecurringRunRequest),
  ];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (body: Record<string, unknown>, ...keys: string[]): Record<string, unknown>[] => {
  for (const k of keys) if (Array.isArray(body[k])) return body[k] as Record<string, unknown>[];
  return [];
};

async function uploadPipeline(conn: KfpConnection, p: KfpPipelineFile, namespace?: string): Promise<KfpUploadStep> {
  const found = list(
    await kfpRequest(conn, {
      method: 'GET',
      path: '/apis/v2beta1/pipelines',
      query: { ...ns(namespace), filter: displayNameFilter(p.name) },
    }),
    'pipelines',
  );
  const existing = found.find((x) => x.display_name === p.name || x.name === p.name);
  if (!existing) {
    const created = await kfpRequest(conn, uploadPipelineRequest(p, namespace));
    return { kind: 'pipeline-created', name: p.name, pipelineId: str(created.pipeline_id) };
  }
  const pipelineId = str(existing.pipeline_id);
  const version = versionName(p);
  const versions = list(
    await kfpRequest(conn, {
      method: 'GET',
      path: `/apis/v2beta1/pipelines/${encodeURIComponent(pipelineId)}/versions`,
      query: { page_size: '100', sort_by: 'created_at desc' },
    }),
    'pipeline_versions',
    'pipelineVersions',
  );
  const forms = storedForms(p);
  const same = versions.find(
    (v) =>
      v.name === version ||
      v.display_name === version ||
      forms.some((f) => isDeepStrictEqual(v.pipeline_spec, JSON.parse(JSON.stringify(f)))),
  );
  if (same) return { kind: 'pipeline-unchanged', name: p.name, pipelineId, version: str(same.name) || version };
  const created = await kfpRequest(conn, uploadVersionRequest(p, pipelineId));
  return { kind: 'version-created', name: p.name, pipelineId, version, versionId: str(created.pipeline_version_id) };
}

async function createRecurringRun(
  conn: KfpConnection,
  r: KfpRecurringRunFile,
  namespace?: string,
): Promise<KfpUploadStep> {
  const name = str(r.body.display_name);
  const found = list(
    await kfpRequest(conn, {
      method: 'GET',
      path: '/apis/v2beta1/recurringruns',
      query: { ...ns(namespace), filter: displayNameFilter(name) },
    }),
    'recurringRuns',
    'recurring_runs',
  ).find((x) => x.display_name === name);
  if (found) return { kind: 'recurring-run-exists', name, recurringRunId: str(found.recurring_run_id) };
  const created = await kfpRequest(conn, createRecurringRunRequest(r));
  return { kind: 'recurring-run-created', name, recurringRunId: str(created.recurring_run_id) };
}

/**
 * Uploads pipelines and creates recurring runs through the KFP v2 REST API, one after another,
 * stopping at the first refusal (a {@link KfpError}; the steps done so far were reported through
 * `onStep`). A pipeline that does not exist is uploaded with its first version; an existing one
 * gets a new version named by {@link versionName}, unless one of its versions already holds this
 * spec. A recurring run whose display name exists is left as it is: KFP cannot update one.
 *
 * @example
 * ```ts
 * const steps = await uploadToKfp({ host: 'http://localhost:8888' }, { pipelines, recurringRuns: [] }, { namespace: 'ml' });
 * ```
 */
export async function uploadToKfp(
  conn: KfpConnection,
  input: KfpUploadInput,
  opts: KfpUploadOptions = {},
): Promise<KfpUploadStep[]> {
  const steps: KfpUploadStep[] = [];
  const done = (s: KfpUploadStep): void => {
    steps.push(s);
    opts.onStep?.(s);
  };
  for (const p of input.pipelines) done(await uploadPipeline(conn, p, opts.namespace));
  for (const r of input.recurringRuns) done(await createRecurringRun(conn, r, opts.namespace));
  return steps;
}
