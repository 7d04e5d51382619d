import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ErrorObject } from 'ajv';
import { AJV_OPTIONS, RUNTIME_REQUIRE_FROM, type ValidatorCache, type ValidatorSource } from './validator-cache.ts';

/**
 * The worker: plain JavaScript, because a worker thread does not get the TypeScript loader the
 * CLI runs under. It compiles the schema when the cache has no code for it (the same ajv
 * options and standalone generator as validator-cache.ts), evaluates the code as
 * `ValidatorCache.load` does, validates the objects and returns ajv's errors, the generated code
 * and, when V8 had no usable code cache, a new one.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { Script } = require('node:vm');
const { src, schemaText, objects, requireFrom, ajvOptions } = workerData;
const runtimeRequire = createRequire(requireFrom);
function main() {
  let generated;
  if (!src.fromCache) {
    const { Ajv } = runtimeRequire('ajv');
    const ajv = runtimeRequire('ajv-formats')(new Ajv({ ...ajvOptions, code: { source: true } }));
    generated = runtimeRequire('ajv/dist/standalone')(ajv, ajv.compile(JSON.parse(schemaText)));
  }
  let cachedData;
  if (src.fromCache && src.binFile) {
    try { cachedData = readFileSync(src.binFile); } catch { cachedData = undefined; }
  }
  let validate;
  let script;
  try {
    const code = generated ?? src.code ?? readFileSync(src.codeFile, 'utf8');
    script = new Script('(function (require, module, exports) {' + code + '\\n})', { filename: src.filename, cachedData });
    const module = { exports: {} };
    script.runInThisContext()(runtimeRequire, module, module.exports);
    validate = module.exports;
    if (typeof validate !== 'function') throw new Error(src.filename + ': not a validator module');
  } catch (e) {
    if (!src.fromCache) throw e;
    return { broken: String((e && e.message) || e) };
  }
  const errors = objects.map((o) => (validate(o) ? null : validate.errors));
  const rejected = !cachedData || script.cachedDataRejected === true;
  const codeCache = rejected && src.binFile && generated === undefined ? script.createCachedData() : undefined;
  return { errors, generated, codeCache };
}
parentPort.postMessage(main());
`;

/** What a worker returns: ajv's errors per object (null: valid), or that the cached code is broken. */
type WorkerResult =
  | { readonly broken: string }
  | {
      readonly errors: (ErrorObject[] | null)[];
      readonly generated?: string;
      readonly codeCache?: Uint8Array;
    };

function runWorker(src: ValidatorSource, schemaText: string, objects: readonly unknown[]): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // Node options only: the worker needs neither the TypeScript loader nor the CLI's imports.
      execArgv: [],
      workerData: {
        src,
        // The schema is sent only when it has to be compiled.
        schemaText: src.fromCache ? undefined : schemaText,
        objects,
        requireFrom: RUNTIME_REQUIRE_FROM,
        ajvOptions: AJV_OPTIONS,
      },
    });
    worker.once('message', (m: WorkerResult) => {
      settled = true;
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`schema validator worker stopped (exit code ${code}) before answering`));
    });
  });
}

/** A batch of objects of one kind and the text of its schema. */
export interface WorkerJob {
  readonly schemaText: string;
  readonly objects: readonly unknown[];
}

/**
 * Validates each job in its own worker thread, a few at a time: a validator's memory (tens of MB
 * for the Argo and KServe schemas, which V8 keeps for as long as the thread lives) goes when its
 * worker exits, so validating many kinds needs no more memory than the largest few. Compiles
 * what the cache lacks (in the worker) and stores the code and V8's code cache afterwards.
 * Results are aligned with `jobs` and each job's `objects`: ajv's errors, or null when valid.
 */
export async function validateInWorkers(
  cache: ValidatorCache,
  jobs: readonly WorkerJob[],
  concurrency = Math.min(2, availableParallelism()),
): Promise<(ErrorObject[] | null)[][]> {
  const results: (ErrorObject[] | null)[][] = new Array<(ErrorObject[] | null)[]>(jobs.length);
  const runJob = async (job: WorkerJob): Promise<(ErrorObject[] | null)[]> => {
    let src = cache.lookup(job.schemaText);
    let r = await runWorker(src, job.schemaText, job.objects);
    if ('broken' in r) {
      // A cached entry that does not run (edited, or written by a broken build) is replaced.
      src = cache.lookup(job.schemaText, true);
      r = await runWorker(src, job.schemaText, job.objects);
    }
    if ('broken' in r) throw new Error(r.broken);
    if (r.generated !== undefined) cache.storeCode(src, r.generated);
    else if (r.codeCache) cache.saveCodeCache(src, Buffer.from(r.codeCache));
    return r.errors;
  };
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await runJob(jobs[i] as WorkerJob);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, lane));
  return results;
}
