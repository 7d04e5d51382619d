import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import type { Ajv, Options, ValidateFunction } from 'ajv';

// ajv and the runtime helpers its generated code requires are CommonJS: loaded with require, so
// a warm run never loads ajv's compiler at all.
const require = createRequire(import.meta.url);

/** The ajv options every schema is compiled with (those ../shared/schemas/README.md prescribes). */
export const AJV_OPTIONS = { strict: false, allErrors: true } as const;

const versionOf = (pkg: string): string => (require(`${pkg}/package.json`) as { version: string }).version;

// Everything besides the schema that shapes the generated code; a change gives new cache keys.
const CODEGEN = [
  'argosy-validator/1',
  `ajv@${versionOf('ajv')}`,
  `ajv-formats@${versionOf('ajv-formats')}`,
  JSON.stringify(AJV_OPTIONS),
].join('\n');

// V8 rejects a code cache made by another V8 version, architecture or set of V8 flags (vitest's
// workers, --expose-gc): one file per combination, so they do not keep overwriting each other.
const V8_TAG = createHash('sha256')
  .update([process.versions.v8, process.arch, ...process.execArgv, process.env.NODE_OPTIONS ?? ''].join('\0'))
  .digest('hex')
  .slice(0, 16);

/** Compiled validators kept on disk; the least recently used beyond this many are removed. */
export const MAX_CACHED_VALIDATORS = 128;

/**
 * V8 code caches kept per validator. Each set of V8 flags (CLI, test workers, bench) makes its own;
 * a few megabytes each, so without a bound they grew the cache to 600 MB on a developer machine.
 */
export const MAX_CODE_CACHES_PER_VALIDATOR = 3;

/** `${XDG_CACHE_HOME:-~/.cache}/argosy/validators`: where compiled schema validators are kept. */
export function validatorCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'argosy', 'validators');
}

/** The cache key of a schema: its content hash, together with the ajv versions and options. */
export function validatorKey(schemaText: string): string {
  return createHash('sha256').update(CODEGEN).update('\0').update(schemaText).digest('hex');
}

const header = (key: string): string => `// argosy schema validator ${key} (${CODEGEN.split('\n').join(', ')})\n`;
const trailer = (key: string): string => `\n// end of argosy schema validator ${key}\n`;

type FormatsPlugin = (ajv: Ajv) => Ajv;

/** Compiles a schema with ajv into standalone JavaScript (a CommonJS module exporting the validator). */
function generateCode(schemaText: string): string {
  const { Ajv: AjvClass } = require('ajv') as { Ajv: new (opts: Options) => Ajv };
  const addFormats = require('ajv-formats') as FormatsPlugin;
  const standaloneCode = require('ajv/dist/standalone') as (ajv: Ajv, v: ValidateFunction) => string;
  // A fresh instance per schema: once its code is generated the instance and its compiled
  // schemas are garbage, so compiling many schemas holds only one in memory at a time.
  const ajv = addFormats(new AjvClass({ ...AJV_OPTIONS, code: { source: true } }));
  return standaloneCode(ajv, ajv.compile(JSON.parse(schemaText) as object));
}

/** Where the generated code resolves `require("ajv/dist/runtime/...")` and `ajv-formats` from. */
export const RUNTIME_REQUIRE_FROM: string = import.meta.url;

interface Evaluated {
  readonly validate: ValidateFunction;
  readonly script: Script;
}

function evaluate(code: string, filename: string, cachedData: Buffer | undefined): Evaluated & { rejected: boolean } {
  const script = new Script(`(function (require, module, exports) {${code}\n})`, {
    filename,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (r: NodeJS.Require, m: { exports: unknown }, e: unknown) => void)(
    require,
    module,
    module.exports,
  );
  if (typeof module.exports !== 'function') throw new Error(`${filename}: not a validator module`);
  return {
    validate: module.exports as ValidateFunction,
    script,
    rejected: !cachedData || script.cachedDataRejected === true,
  };
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Whether a code file is whole: it starts with its header and ends with its trailer. */
function isComplete(file: string, key: string): boolean {
  const head = Buffer.from(header(key));
  const tail = Buffer.from(trailer(key));
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    if (size < head.length + tail.length) return false;
    const a = Buffer.alloc(head.length);
    const b = Buffer.alloc(tail.length);
    readSync(fd, a, 0, a.length, 0);
    readSync(fd, b, 0, b.length, size - b.length);
    return a.equals(head) && b.equals(tail);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Where a validator's code is: on disk (whole), or in memory when it could not be written. */
export interface ValidatorSource {
  readonly key: string;
  /** Shown in stack traces. */
  readonly filename: string;
  readonly codeFile?: string;
  readonly code?: string;
  /** V8's code cache for it (may not exist yet). */
  readonly binFile?: string;
  /** Whether the code came from the cache (false: compiled by ajv in this run). */
  readonly fromCache: boolean;
}

/** A validator in use; `release()` once done with it, so the cache can keep what V8 compiled. */
export interface CachedValidator {
  readonly validate: ValidateFunction;
  /** Whether it came from the disk cache (false: compiled by ajv in this run). */
  readonly fromCache: boolean;
  release(): void;
}

/**
 * Precompiled JSON Schema validators on disk: ajv's standalone code for each schema, keyed by
 * the schema's content hash (and ajv's version and options), plus V8's code cache for it, so a
 * warm run neither compiles the schema nor parses the generated code again. A missing entry is
 * compiled on first use and written atomically; a truncated or broken entry is compiled again;
 * a cache directory that cannot be written only costs time (see `problems`).
 */
export class ValidatorCache {
  /** What went wrong with the cache directory (reported once; validation goes on without it). */
  readonly problems: string[] = [];
  private writable: boolean;

  private readonly maxEntries: number;

  /** @param dir the cache directory; `undefined` compiles in memory and writes nothing. */
  constructor(
    readonly dir: string | undefined = validatorCacheDir(),
    opts: { readonly maxEntries?: number } = {},
  ) {
    this.writable = dir !== undefined;
    this.maxEntries = opts.maxEntries ?? MAX_CACHED_VALIDATORS;
  }

  /** The cached validator for a schema, if the cache holds a whole one (`recompile`: never). */
  lookup(schemaText: string, recompile = false): ValidatorSource {
    const key = validatorKey(schemaText);
    const codeFile = this.dir === undefined ? undefined : join(this.dir, `${key}.cjs`);
    const binFile = this.dir === undefined ? undefined : join(this.dir, `${key}.v8-${V8_TAG}.bin`);
    const src = { key, filename: codeFile ?? `argosy-validator-${key}.cjs`, ...(binFile ? { binFile } : {}) };
    // An entry cut short (a full disk, a copy interrupted) is compiled again, never run.
    if (recompile || !codeFile || !isComplete(codeFile, key)) return { ...src, fromCache: false };
    try {
      const now = new Date();
      utimesSync(codeFile, now, now);
    } catch {
      // A read-only cache still serves; it only cannot record what was used last.
    }
    return { ...src, codeFile, fromCache: true };
  }

  /** Stores the code ajv generated for a validator `lookup` did not find; it stays in memory when it cannot be written. */
  storeCode(src: ValidatorSource, standalone: string): ValidatorSource {
    const code = `${header(src.key)}${standalone}${trailer(src.key)}`;
    const codeFile = this.dir === undefined ? undefined : join(this.dir, `${src.key}.cjs`);
    if (codeFile && this.writable && this.write(codeFile, code)) {
      this.prune();
      return { ...src, codeFile, fromCache: false };
    }
    return { ...src, code, fromCache: false };
  }

  /** Where the validator for a schema is, compiling it into the cache first when needed. */
  source(schemaText: string, recompile = false): ValidatorSource {
    const src = this.lookup(schemaText, recompile);
    return src.fromCache ? src : this.storeCode(src, generateCode(schemaText));
  }

  /** Compiles a schema into the cache unless it is there already (`argosy schemas pull`). */
  precompile(schemaText: string): 'cached' | 'compiled' {
    return this.source(schemaText).fromCache ? 'cached' : 'compiled';
  }

  /** Keeps V8's compiled code for a validator, made after use so it holds what the run compiled. */
  saveCodeCache(src: ValidatorSource, data: Buffer): void {
    if (src.binFile && this.writable && this.write(src.binFile, data)) this.pruneCodeCaches(src.key);
  }

  /** Keeps the most recently written code caches of one validator, one per recent set of V8 flags. */
  private pruneCodeCaches(key: string): void {
    const dir = this.dir as string;
    try {
      const bins = readdirSync(dir)
        .filter((n) => n.startsWith(`${key}.v8-`) && n.endsWith('.bin'))
        .map((n) => ({ n, at: statSync(join(dir, n)).mtimeMs }))
        .sort((a, b) => b.at - a.at || a.n.localeCompare(b.n));
      for (const { n } of bins.slice(MAX_CODE_CACHES_PER_VALIDATOR)) rmSync(join(dir, n), { force: true });
    } catch {
      // Another process pruning at the same time: whatever it left is still a valid cache.
    }
  }

  /** The validator for a schema, evaluated in this thread: from the cache when there, else compiled now. */
  load(schemaText: string): CachedValidator {
    let src = this.source(schemaText);
    const run = (s: ValidatorSource): Evaluated & { rejected: boolean } => {
      const cachedData = s.fromCache && s.binFile ? readOrUndefined(s.binFile) : undefined;
      return evaluate(s.code ?? readFileSync(s.codeFile as string, 'utf8'), s.filename, cachedData);
    };
    let evaluated: Evaluated & { rejected: boolean };
    try {
      evaluated = run(src);
    } catch (e) {
      if (!src.fromCache) throw e;
      // A cached entry that does not run (edited, or written by a broken build) is replaced.
      src = this.source(schemaText, true);
      evaluated = run(src);
    }
    const { validate, script, rejected } = evaluated;
    let released = false;
    return {
      validate,
      fromCache: src.fromCache,
      release: () => {
        if (released) return;
        released = true;
        if (rejected) this.saveCodeCache(src, script.createCachedData());
      },
    };
  }

  /** Writes a file atomically (a temporary file renamed over it): readers see all of it or nothing. */
  private write(file: string, data: string | Buffer): boolean {
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(this.dir as string, { recursive: true });
      writeFileSync(tmp, data);
      renameSync(tmp, file);
      return true;
    } catch (e) {
      rmSync(tmp, { force: true });
      this.writable = false;
      this.problems.push(
        `${this.dir}: cannot write compiled schema validators (got ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); schemas are compiled again on every run. Make the directory writable or set XDG_CACHE_HOME`,
      );
      return false;
    }
  }

  /** Keeps the cache bounded: removes the least recently used entries beyond `maxEntries`. */
  private prune(): void {
    const dir = this.dir as string;
    try {
      const names = readdirSync(dir);
      // Temporary files of a process killed mid-write.
      for (const n of names)
        if (n.endsWith('.tmp') && Date.now() - statSync(join(dir, n)).mtimeMs > 3_600_000)
          rmSync(join(dir, n), { force: true });
      const entries = names
        .filter((n) => /^[0-9a-f]{64}\.cjs$/.test(n))
        .map((n) => ({ key: n.slice(0, 64), used: statSync(join(dir, n)).mtimeMs }))
        .sort((a, b) => b.used - a.used);
      const drop = new Set(entries.slice(this.maxEntries).map((e) => e.key));
      if (drop.size === 0) return;
      for (const n of names) if (drop.has(n.slice(0, 64))) rmSync(join(dir, n), { force: true });
    } catch {
      // Another process pruning at the same time: whatever it left is still a valid cache.
    }
  }
}
