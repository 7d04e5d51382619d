import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../dsl/common/hash.ts';
import type { ComponentIR } from '../../dsl/ir/index.ts';
import type { LocalOutput } from './types.ts';

/** SHA-256 of a file, or of a folder's relative paths and contents in sorted order. */
export function contentHash(path: string): string {
  const h = createHash('sha256');
  const walk = (p: string, rel: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name), `${rel}/${name}`);
    } else {
      h.update(`${rel}\0${st.size}\0`);
      h.update(readFileSync(p));
    }
  };
  walk(path, '');
  return h.digest('hex');
}

/**
 * The cache key of a component task: the component's name and content hash (a changed component
 * never reuses old results), how it runs (a local command override), the parameter inputs and the
 * content of the artifact inputs, so a renamed upstream file with the same bytes still hits.
 *
 * @example
 * ```ts
 * cacheKey(component, { model: { kind: 'param', value: 'ctr' } }, undefined); // 64 hex digits
 * ```
 */
export function cacheKey(
  component: ComponentIR,
  inputs: Readonly<Record<string, LocalOutput>>,
  command: readonly string[] | undefined,
): string {
  const parts = Object.fromEntries(
    Object.entries(inputs).map(([name, v]) => [
      name,
      v.kind === 'param'
        ? { value: v.value }
        : v.kind === 'artifact'
          ? { artifact: existsSync(v.path) ? contentHash(v.path) : 'missing' }
          : { artifacts: v.paths.map((p) => (existsSync(p) ? contentHash(p) : 'missing')) },
    ]),
  );
  const text = canonicalJson({
    component: component.name,
    hash: component.contentHash,
    command: command ?? null,
    parts,
  });
  return createHash('sha256').update(text).digest('hex');
}

interface CacheEntry {
  readonly createdAt: number;
  readonly params: Record<string, string>;
  readonly artifacts: readonly string[];
  /** The outputs in the component's order, so a cached step reads like a run one. */
  readonly order?: readonly string[];
}

/** Cached outputs of component tasks under one folder, one sub-folder per key. */
export class OutputCache {
  constructor(private readonly dir: string) {}

  /**
   * Copies the outputs stored under `key` into `outputsDir` and returns them, or undefined on a
   * miss or when the entry is older than `maxAgeSeconds`.
   */
  restore(key: string, outputsDir: string, maxAgeSeconds?: number): Record<string, LocalOutput> | undefined {
    const entryDir = join(this.dir, key);
    const metaFile = join(entryDir, 'entry.json');
    if (!existsSync(metaFile)) return undefined;
    let meta: CacheEntry;
    try {
      meta = JSON.parse(readFileSync(metaFile, 'utf8')) as CacheEntry;
    } catch {
      return undefined;
    }
    if (maxAgeSeconds !== undefined && Date.now() - meta.createdAt > maxAgeSeconds * 1000) return undefined;
    const out: Record<string, LocalOutput> = {};
    for (const [name, value] of Object.entries(meta.params)) out[name] = { kind: 'param', value };
    rmSync(outputsDir, { recursive: true, force: true });
    mkdirSync(outputsDir, { recursive: true });
    for (const name of meta.artifacts) {
      const target = join(outputsDir, name);
      cpSync(join(entryDir, 'outputs', name), target, { recursive: true });
      out[name] = { kind: 'artifact', path: target };
    }
    const order = meta.order ?? Object.keys(out);
    return Object.fromEntries(order.filter((k) => k in out).map((k) => [k, out[k] as LocalOutput]));
  }

  /** Stores a task's outputs under `key`, written aside and renamed so a reader never sees half an entry. */
  store(key: string, outputs: Readonly<Record<string, LocalOutput>>): void {
    const entryDir = join(this.dir, key);
    const tmp = `${entryDir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    mkdirSync(join(tmp, 'outputs'), { recursive: true });
    const params: Record<string, string> = {};
    const artifacts: string[] = [];
    for (const [name, o] of Object.entries(outputs)) {
      if (o.kind === 'param') params[name] = o.value;
      else if (o.kind === 'artifact') {
        cpSync(o.path, join(tmp, 'outputs', name), { recursive: true });
        artifacts.push(name);
      }
    }
    const meta: CacheEntry = { createdAt: Date.now(), params, artifacts, order: Object.keys(outputs) };
    writeFileSync(join(tmp, 'entry.json'), JSON.stringify(meta, null, 2));
    rmSync(entryDir, { recursive: true, force: true });
    renameSync(tmp, entryDir);
  }
}
