import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadKubernetesYaml } from '../yaml/load.ts';
import { readInputFile } from '../yaml/read-input.ts';
import { recurringRunRequest } from './kfp-recurring-body.ts';
import type { KfpPipelineFile, KfpRecurringRunFile, KfpUploadInput } from './kfp-upload.ts';

/**
 * A problem with the command line or the input files: nothing was sent (exit 2).
 *
 * @example
 * ```ts
 * try {
 *   readKfpInput(['out/production']);
 * } catch (e) {
 *   if (e instanceof KfpInputError) console.error(e.message); // one line per problem
 * }
 * ```
 */
export class KfpInputError extends Error {
  override name = 'KfpInputError';
}

const KFP_FILE = /^(pipelinespec|recurringrun)\..+\.ya?ml$/;

/** The KFP files under the paths: in directories those named `pipelinespec.*` / `recurringrun.*`, files as given. */
function kfpFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new KfpInputError(
        `${dir}: cannot be read (got ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Fix its permissions or leave it out of the paths`,
      );
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
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

/**
 * Reads the files `argosy synth --target kfp` wrote under the paths and sorts them into pipelines
 * and recurring-run request bodies (with the namespace set). Every problem is reported at once, in
 * one {@link KfpInputError}, one line each.
 *
 * @example
 * ```ts
 * const input = readKfpInput(['out/production'], 'ml-production');
 * await uploadToKfp({ host: 'http://localhost:8888' }, input, { namespace: 'ml-production' });
 * ```
 */
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
