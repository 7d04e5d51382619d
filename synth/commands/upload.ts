import { basename } from 'node:path';
import { KfpError, requestUrl, type KfpRequest } from '../client/kfp-api.ts';
import { KfpInputError, readKfpInput } from '../client/kfp-input.ts';
import { plannedRequests, uploadToKfp, type KfpUploadInput, type KfpUploadStep } from '../client/kfp-upload.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CommandIO } from '../command-io.ts';
import { readInputFile } from '../yaml/read-input.ts';

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
  // Read like any input: regular files only, never blocking on a FIFO, never past the size limit.
  const read = readInputFile(opts.tokenFile);
  if (read.kind !== 'bytes') throw new KfpInputError(`--token-file: ${opts.tokenFile}: ${read.message}`);
  const t = read.bytes.toString('utf8').trim();
  if (!t || /\s/.test(t))
    throw new KfpInputError(
      `--token-file: ${opts.tokenFile} holds no single token (got ${t ? 'several words' : 'nothing'}). Write just the bearer token into it`,
    );
  return t;
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
