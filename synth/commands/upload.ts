import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { KfpError, requestUrl, type KfpRequest } from '../client/kfp-api.ts';
import { recurringRunRequest } from '../client/kfp-recurring-body.ts';
import {
  plannedRequests,
  uploadToKfp,
  type KfpPipelineFile,
  type KfpRecurringRunFile,
  type KfpUploadInput,
  type KfpUploadStep,
} from '../client/kfp-upload.ts';
import { loadKubernetesYaml } from '../yaml/load.ts';
import { readInputFile } from '../yaml/read-input.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CommandIO } from '../command-io.ts';

export interface UploadCommandOptions {
  /** Only `kfp` so far. */
  readonly target: string;
  /** KFP API base URL (default: $KFP_HOST, else $KF_PIPELINES_ENDPOINT as the KFP SDK reads it). */
  readonly host?: string;
  readonly namespace?: string;
  /** File holding the bearer token (default: $KFP_TOKEN). */
  readonly tokenFile?: string;
  readonly dryRun?: boolean;
}

/** A problem with the command line or the input files: nothing was sent (exit 2). */
export class KfpInputError extends Error {
  override name = 'KfpInputError';
}

const KFP_FILE = /^(pipelinespec|recurringrun)\..+\.ya?ml$/;

/** The KFP files under the paths: in directories those named `pipelinespec.*` / `recurringrun.*`, files as given. */
function kfpFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (KFP_FILE.test(e.name)) out.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new KfpInputError(
        `${p}: no such file or directory (got a missing path). Pass the directory argosy synth --target kfp wrote, e.g. dist/production/<app>`,
      );
    }
    if (st.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

/** Reads and sorts the files into pipelines and recurring runs; every problem at once, nothing sent. */
export function readKfpInput(paths: readonly string[], namespace?: string): KfpUploadInput {
  const pipelines: KfpPipelineFile[] = [];
  const recurringRuns: KfpRecurringRunFile[] = [];
  const problems: string[] = [];
  for (const file of kfpFiles(paths)) {
    const read = readInputFile(file);
    if (read.kind !== 'bytes') {
      problems.push(`${file}: ${read.message}`);
      continue;
    }
    let documents: unknown[];
    try {
      documents = loadKubernetesYaml(read.bytes.toString('utf8'), { fileName: file }).documents;
    } catch (e) {
      problems.push(
        `${file}: not YAML (got ${(e as Error).message.split('\n')[0]}). Synthesize it again with argosy synth --target kfp`,
      );
      continue;
    }
    const first = documents[0] as Record<string, unknown> | undefined;
    if (first && typeof first === 'object' && 'pipelineInfo' in first && 'root' in first) {
      const name = (first.pipelineInfo as { name?: unknown } | null)?.name;
      if (typeof name !== 'string' || !name) {
        problems.push(`${file}: pipelineInfo.name: a KFP pipeline needs a name (got ${JSON.stringify(name)}). Set it`);
        continue;
      }
      pipelines.push({ file, name, bytes: read.bytes, documents });
    } else if (first && typeof first === 'object' && 'trigger' in first) {
      const r = recurringRunRequest(first, namespace);
      problems.push(...r.problems.map((m) => `${file}: ${m}`));
      if (r.problems.length === 0) recurringRuns.push({ file, body: r.body });
    } else {
      problems.push(
        `${file}: neither a KFP PipelineSpec nor a recurring run (got ${first && typeof first === 'object' ? `keys ${Object.keys(first).slice(0, 5).join(', ')}` : JSON.stringify(first ?? null)}). Pass the files argosy synth --target kfp writes`,
      );
    }
  }
  const seen = new Map<string, KfpPipelineFile>();
  for (const p of pipelines) {
    const other = seen.get(p.name);
    if (other && !isDeepStrictEqual(other.documents, p.documents))
      problems.push(
        `${p.file}: a second, different PipelineSpec named "${p.name}" (got it in ${other.file} too). Upload one environment at a time, e.g. <out>/production`,
      );
    seen.set(p.name, p);
  }
  const names = new Map<string, string>();
  for (const r of recurringRuns) {
    const n = String(r.body.display_name);
    if (names.has(n))
      problems.push(
        `${r.file}: a second recurring run named "${n}" (got it in ${names.get(n)} too). Upload one environment at a time`,
      );
    names.set(n, r.file);
  }
  if (problems.length) throw new KfpInputError(problems.join('\n'));
  // The same spec in two environments is one pipeline.
  return { pipelines: [...seen.values()], recurringRuns };
}

function hostOf(opts: UploadCommandOptions, env: NodeJS.ProcessEnv): string | undefined {
  const host = opts.host ?? env.KFP_HOST ?? env.KF_PIPELINES_ENDPOINT;
  if (host === undefined || host === '') return undefined;
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new KfpInputError(
      `--host: not an http(s) URL (got ${JSON.stringify(host)}). Pass the KFP API address, e.g. http://localhost:8888`,
    );
  return host.replace(/\/+$/, '');
}

function tokenOf(opts: UploadCommandOptions, env: NodeJS.ProcessEnv): string | undefined {
  if (opts.tokenFile === undefined) return env.KFP_TOKEN || undefined;
  try {
    const t = readFileSync(opts.tokenFile, 'utf8').trim();
    if (!t)
      throw new KfpInputError(
        `--token-file: ${opts.tokenFile} is empty (got no token). Write the bearer token into it`,
      );
    return t;
  } catch (e) {
    if (e instanceof KfpInputError) throw e;
    throw new KfpInputError(
      `--token-file: cannot read ${opts.tokenFile} (got ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Pass a readable file holding the bearer token`,
    );
  }
}

function renderRequest(host: string, r: KfpRequest): string[] {
  const head = `${r.method} ${requestUrl(host, r)}`;
  if (r.file)
    return [head, `  multipart/form-data: uploadfile=${basename(r.file.name)} (${r.file.bytes.length} bytes)`];
  if (r.json !== undefined)
    return [
      head,
      ...JSON.stringify(r.json, null, 2)
        .split('\n')
        .map((l) => `  ${l}`),
    ];
  return [head];
}

function renderStep(s: KfpUploadStep): string {
  switch (s.kind) {
    case 'pipeline-created':
      return `✓ pipeline ${s.name}: created (id ${s.pipelineId}), with its first version`;
    case 'version-created':
      return `✓ pipeline ${s.name}: new version ${s.version} (id ${s.versionId})`;
    case 'pipeline-unchanged':
      return `= pipeline ${s.name}: unchanged, version ${s.version} holds this spec`;
    case 'recurring-run-created':
      return `✓ recurring run ${s.name}: created (id ${s.recurringRunId})`;
    case 'recurring-run-exists':
      return `= recurring run ${s.name}: exists (id ${s.recurringRunId}), left as it is: KFP cannot update a recurring run; delete it to replace it`;
  }
}

/**
 * `argosy upload --target kfp [paths...]`: uploads the PipelineSpecs and recurring runs that
 * `argosy synth --target kfp` wrote to a Kubeflow Pipelines API server. Exit 0 when everything is
 * uploaded or unchanged, 1 when the server refused or could not be reached (what was done so far
 * is printed), 2 on usage errors (nothing sent).
 *
 * @example
 * ```ts
 * await runUpload(['out/production'], { target: 'kfp', host: 'http://localhost:8888', namespace: 'ml' }, io);
 * ```
 */
export async function runUpload(
  paths: readonly string[],
  opts: UploadCommandOptions,
  io: CommandIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let input: KfpUploadInput;
  let host: string | undefined;
  let token: string | undefined;
  try {
    if (opts.target !== 'kfp')
      throw new KfpInputError(
        `--target: argosy upload sends to Kubeflow Pipelines only (got ${JSON.stringify(opts.target)}). Pass --target kfp; Argo objects go to the cluster with argosy apply`,
      );
    if (opts.namespace !== undefined && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(opts.namespace))
      throw new KfpInputError(
        `--namespace: not a Kubernetes namespace name (got ${JSON.stringify(opts.namespace)}). Use lower-case letters, digits and '-'`,
      );
    host = hostOf(opts, env);
    if (!host && !opts.dryRun)
      throw new KfpInputError(
        '--host: no KFP API address (got neither --host nor KFP_HOST). Pass --host http://<kfp-api>:8888 or set KFP_HOST',
      );
    token = tokenOf(opts, env);
    const dirs = paths.length ? paths : ['dist'];
    input = readKfpInput(dirs, opts.namespace);
    if (!input.pipelines.length && !input.recurringRuns.length)
      throw new KfpInputError(
        `${dirs.join(', ')}: no KFP PipelineSpec or recurring run (got no pipelinespec.*.yaml or recurringrun.*.yaml). Write them with argosy synth --target kfp --out <dir>, then upload <dir>/<environment>`,
      );
  } catch (e) {
    if (!(e instanceof KfpInputError)) throw e;
    for (const line of e.message.split('\n')) io.err(`✗ ${line}.`);
    return EXIT_USAGE;
  }
  if (opts.dryRun) {
    const requests = plannedRequests(input, opts.namespace);
    for (const r of requests) for (const l of renderRequest(host ?? '$KFP_HOST', r)) io.out(l);
    io.out(
      `dry run: ${requests.length} requests for ${input.pipelines.length} pipelines and ${input.recurringRuns.length} recurring runs, nothing sent. An existing pipeline gets POST /apis/v2beta1/pipelines/upload_version instead, and none when a version holds the same spec; an existing recurring run is left as it is`,
    );
    return EXIT_OK;
  }
  const conn = { host: host as string, ...(token ? { token } : {}) };
  io.err(
    `uploading ${input.pipelines.length} pipelines and ${input.recurringRuns.length} recurring runs to ${conn.host}…`,
  );
  const steps: KfpUploadStep[] = [];
  try {
    await uploadToKfp(conn, input, {
      ...(opts.namespace ? { namespace: opts.namespace } : {}),
      onStep: (s) => {
        steps.push(s);
        io.out(renderStep(s));
      },
    });
  } catch (e) {
    if (!(e instanceof KfpError)) throw e;
    io.err(`✗ ${e.message}.`);
    io.err(`✗ stopped after ${steps.length} of ${input.pipelines.length + input.recurringRuns.length} uploads`);
    return EXIT_FINDINGS;
  }
  const changed = steps.filter((s) => s.kind.endsWith('created')).length;
  io.out(`✓ uploaded to ${conn.host}: ${changed} created, ${steps.length - changed} unchanged`);
  return EXIT_OK;
}
