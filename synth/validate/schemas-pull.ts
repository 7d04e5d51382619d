import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { ApiextensionsV1Api, KubeConfig } from '@kubernetes/client-node';
import { crdSchemas } from './crd-to-schema.ts';
import type { ValidatorCache } from './validator-cache.ts';

export interface PullOptions {
  readonly out: string;
  /** A kubeconfig file; default: $KUBECONFIG or ~/.kube/config, as kubectl. */
  readonly kubeconfig?: string;
  readonly context?: string;
  /**
   * Where to precompile a validator for every schema written, so the first `argosy validate`
   * after a pull does not compile them (seconds each for the large ones); none: skip that.
   */
  readonly validators?: ValidatorCache;
  /** Called before each schema is compiled (for progress output). */
  readonly onCompile?: (path: string, index: number, total: number) => void;
}

export interface PullResult {
  readonly crds: number;
  readonly files: readonly string[];
  /** Files an earlier pull wrote for CRDs the cluster no longer has, now removed. */
  readonly pruned: readonly string[];
  readonly server: string;
  /** Schemas whose validator was compiled into the validator cache (the others were there already). */
  readonly compiled: number;
  /** Schemas ajv could not compile, with its message (`argosy validate` reports them when used). */
  readonly uncompiled: readonly { readonly path: string; readonly message: string }[];
}

/** The list of files the last pull wrote, so the next one removes only its own stale files. */
export const PULL_MANIFEST = '.argosy-pull.json';

function previousFiles(out: string): string[] {
  const file = join(out, PULL_MANIFEST);
  if (!existsSync(file)) return [];
  try {
    const files = (JSON.parse(readFileSync(file, 'utf8')) as { files?: unknown }).files;
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

/** Removes `path` (relative to `out`, never outside it) and the directories it leaves empty. */
function prune(out: string, path: string): boolean {
  const root = resolve(out);
  const file = resolve(root, path);
  if (!file.startsWith(root + sep) || !existsSync(file)) return false;
  rmSync(file);
  for (
    let dir = dirname(file);
    dir !== root && dir.startsWith(root + sep) && readdirSync(dir).length === 0;
    dir = dirname(dir)
  )
    rmdirSync(dir);
  return true;
}

/**
 * Fetches every CustomResourceDefinition of the current cluster once and writes their schemas
 * to `out` in the layout `argosy validate --schema-location` reads, so validation is offline after.
 * Schemas an earlier pull wrote for CRDs that are gone are removed; files it did not write stay.
 */
export async function pullSchemas(opts: PullOptions): Promise<PullResult> {
  const kc = new KubeConfig();
  if (opts.kubeconfig) kc.loadFromFile(opts.kubeconfig);
  else kc.loadFromDefault();
  if (opts.context) kc.setCurrentContext(opts.context);
  const server = kc.getCurrentCluster()?.server ?? '(no cluster)';
  const api = kc.makeApiClient(ApiextensionsV1Api);
  const list = await api.listCustomResourceDefinition();
  const files: string[] = [];
  const texts: string[] = [];
  for (const crd of list.items ?? []) {
    for (const [path, schema] of crdSchemas(crd)) {
      const file = join(opts.out, path);
      const text = `${JSON.stringify(schema, null, 2)}\n`;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      files.push(path);
      texts.push(text);
    }
  }
  let compiled = 0;
  const uncompiled: { path: string; message: string }[] = [];
  // One schema at a time: each compile holds only its own ajv instance.
  texts.forEach((text, i) => {
    const path = files[i] as string;
    opts.onCompile?.(path, i, texts.length);
    try {
      if (opts.validators?.precompile(text) === 'compiled') compiled += 1;
    } catch (e) {
      uncompiled.push({ path, message: (e as Error).message.split('\n')[0] as string });
    }
  });
  const written = new Set(files);
  const pruned = previousFiles(opts.out)
    .filter((f) => !written.has(f) && prune(opts.out, f))
    .sort();
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, PULL_MANIFEST), `${JSON.stringify({ files: files.sort() }, null, 2)}\n`);
  return { crds: (list.items ?? []).length, files, pruned, server, compiled, uncompiled };
}
