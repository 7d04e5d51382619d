import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { homedir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, Plugin } from 'esbuild';

// Loading the user's TypeScript project module by module through tsx costs a hooks thread and a
// round trip per module (about 0.8 s CPU for the reference project, half of `argosy synth`).
// Instead the project's own files are bundled into one ES module (esbuild, the transpiler tsx
// uses) and kept on disk, keyed by the content of every file it was built from; packages stay
// outside the bundle, imported by the absolute URL Node resolves them to, so `argosy` is the same
// module instance the CLI uses. Anything the bundle could not reproduce exactly (CommonJS files,
// computed imports, `require`) sends the project back to the module-by-module path.

/** Bumped when bundling changes: a bundle made by another version is rebuilt. */
const LOADER_VERSION = 'argosy-project-bundle 1';

/** `${XDG_CACHE_HOME:-~/.cache}/argosy/projects`: where project bundles are kept. */
export function projectCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'argosy', 'projects');
}

/** What the bundle of one entry was built from: each file's hash, or null for one that must not exist. */
interface Manifest {
  readonly loader: string;
  readonly entry: string;
  readonly bundle: string;
  readonly files: Record<string, string | null>;
}

/** The options `--conditions`/`-C` gave this process (Node resolves packages with them; so must the bundle). */
export function processConditions(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions = process.env.NODE_OPTIONS ?? '',
): string[] {
  const args = [...execArgv, ...nodeOptions.split(/\s+/).filter(Boolean)];
  const out: string[] = [];
  args.forEach((a, i) => {
    const m = /^(?:--conditions|-C)(?:=(.+))?$/.exec(a);
    const value = m ? (m[1] ?? args[i + 1]) : undefined;
    if (value) out.push(value);
  });
  return out;
}

const sha = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

function hashOrNull(file: string): string | null {
  try {
    return sha(readFileSync(file));
  } catch {
    return null;
  }
}

function ancestors(dir: string): string[] {
  const out = [dir];
  for (let d = dir; dirname(d) !== d; d = dirname(d)) out.push(dirname(d));
  return out;
}

function nearestPackageJson(file: string): string | undefined {
  return ancestors(dirname(file))
    .map((d) => join(d, 'package.json'))
    .find((p) => hashOrNull(p) !== null);
}

/** An ES module as Node sees it: .mts/.mjs, or a .ts/.js file under a `"type": "module"` package.json. */
function isEsmScoped(file: string): boolean {
  if (/\.m[jt]s$/.test(file)) return true;
  if (/\.c[jt]s$/.test(file)) return false;
  const pkg = nearestPackageJson(file);
  try {
    return pkg !== undefined && (JSON.parse(readFileSync(pkg, 'utf8')) as { type?: unknown }).type === 'module';
  } catch {
    return false;
  }
}

// Argosy's own code beside this module (sources, or the compiled tree in build/).
const OWN = ['../dsl/', '../charts/', './', '../components/library/'].map((p) =>
  fileURLToPath(new URL(p, import.meta.url)),
);

const LOADERS: Record<string, Loader> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.jsx': 'jsx',
};
// Constructs a bundle cannot keep as they are: a computed import() or require() (resolved from the
// bundle's location instead of the file's), CommonJS's per-file names.
const UNBUNDLABLE = /\bimport\s*\(\s*[^'"\s]|\brequire\s*\(|\b__dirname\b|\b__filename\b|\bimport\.meta\.resolve\b/;
const isBuiltin = (s: string): boolean => s.startsWith('node:') || builtinModules.includes(s.split('/')[0] as string);
const packageName = (s: string): string =>
  s
    .split('/')
    .slice(0, s.startsWith('@') ? 2 : 1)
    .join('/');

/** Whether every file recorded in the manifest still has the recorded content. */
function fresh(manifest: Manifest, dir: string): boolean {
  // The bundle is named after its content hash: a truncated or edited bundle is rebuilt too.
  if (manifest.loader !== LOADER_VERSION || manifest.bundle !== `${hashOrNull(join(dir, manifest.bundle))}.mjs`)
    return false;
  return Object.entries(manifest.files).every(([file, hash]) => hashOrNull(file) === hash);
}

interface Built {
  readonly code: string;
  readonly files: Record<string, string | null>;
}

/** Bundles the project's own files; undefined when the bundle would not behave as the modules do. */
async function build(
  entry: string,
  outfile: string,
  conditions: string[],
  tsLoader: boolean,
): Promise<Built | undefined> {
  const esbuild = await import('esbuild');
  const files: Record<string, string | null> = {};
  let unbundlable = false;
  const external = (path: string): { path: string; external: true } => {
    if (!tsLoader && /\.[cm]?tsx?$/.test(path)) unbundlable = true; // TypeScript outside the bundle needs tsx
    files[path] = hashOrNull(path);
    const pkg = nearestPackageJson(path);
    if (pkg) files[pkg] = hashOrNull(pkg);
    return { path: pathToFileURL(path).href, external: true };
  };
  const inputs = new Set<string>();
  const plugin: Plugin = {
    name: 'argosy-project',
    setup(b) {
      // Argosy's own modules stay outside even when imported by path (as this repository's
      // fixtures do): the project must share the CLI's instance of them, as it does under tsx.
      b.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.pluginData === 'inner') return undefined;
        const r = await b.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'inner',
        });
        if (r.errors.length > 0 || !OWN.some((dir) => r.path.startsWith(dir))) return undefined;
        return external(r.path);
      });
      b.onResolve({ filter: /^[^./#]/ }, async (args) => {
        if (args.pluginData === 'inner') return undefined;
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        if (!/^(import-statement|dynamic-import)$/.test(args.kind)) {
          unbundlable = true;
          return undefined;
        }
        const r = await b.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'inner',
        });
        if (r.errors.length > 0 || r.external)
          return r.errors.length > 0 ? { errors: r.errors } : { path: args.path, external: true };
        const pkg = nearestPackageJson(r.path);
        const name = pkg ? (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name : undefined;
        // A tsconfig `paths` alias names one of the project's files: bundled like a relative import.
        if (!r.path.includes(`${sep}node_modules${sep}`) && name !== packageName(args.path)) return { path: r.path };
        return external(r.path);
      });
      b.onLoad({ filter: /.*/ }, async (args) => {
        const loader = LOADERS[extname(args.path)];
        if (!loader) return undefined;
        const source = readFileSync(args.path);
        files[args.path] = sha(source);
        inputs.add(args.path);
        if (!isEsmScoped(args.path)) unbundlable = true;
        const text = source.toString('utf8');
        if (UNBUNDLABLE.test(text)) unbundlable = true;
        if (!text.includes('import.meta')) return { contents: text, loader };
        // import.meta is the file's own, not the bundle's.
        const url = pathToFileURL(args.path).href;
        const r = await esbuild.transform(text, {
          loader,
          sourcefile: args.path,
          sourcemap: 'inline',
          format: 'esm',
          target: `node${process.versions.node}`,
          define: {
            'import.meta.url': JSON.stringify(url),
            'import.meta.filename': JSON.stringify(args.path),
            'import.meta.dirname': JSON.stringify(dirname(args.path)),
          },
        });
        if (r.code.includes('import.meta')) unbundlable = true;
        return { contents: r.code, loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
  let result;
  try {
    result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node}`,
      mainFields: ['main'],
      conditions,
      keepNames: true,
      sourcemap: 'inline',
      sourcesContent: false,
      metafile: true,
      write: false,
      outfile,
      logLevel: 'silent',
      plugins: [plugin],
    });
  } catch {
    return undefined; // tsx reports the mistake, as it always has
  }
  if (unbundlable) return undefined;
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = resolve(input);
    files[file] ??= hashOrNull(file);
    inputs.add(file);
  }
  // The configuration that decides how the project's files are read and resolved: present or
  // absent, it must stay so.
  const dirs = new Set([...inputs].flatMap((f) => ancestors(dirname(f))));
  for (const d of dirs)
    for (const name of ['package.json', 'tsconfig.json']) files[join(d, name)] ??= hashOrNull(join(d, name));
  return { code: result.outputFiles[0]?.text ?? '', files };
}

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/**
 * Removes the manifests of entries that no longer exist (the temporary checkouts `argosy diff`
 * builds, deleted projects) and bundles no manifest names any more, once no process can be about
 * to import them.
 */
function prune(dir: string): void {
  const names = readdirSync(dir);
  const used = new Set<string>();
  for (const n of names.filter((f) => f.endsWith('.json'))) {
    let manifest: Manifest | undefined;
    try {
      manifest = JSON.parse(readFileSync(join(dir, n), 'utf8')) as Manifest;
    } catch {
      manifest = undefined;
    }
    if (manifest && typeof manifest.entry === 'string' && hashOrNull(manifest.entry) !== null)
      used.add(manifest.bundle);
    else rmSync(join(dir, n), { force: true });
  }
  const hourAgo = Date.now() - 3_600_000;
  for (const n of names)
    if ((n.endsWith('.mjs') && !used.has(n)) || n.endsWith('.tmp'))
      if ((statSync(join(dir, n), { throwIfNoEntry: false })?.mtimeMs ?? 0) < hourAgo)
        rmSync(join(dir, n), { force: true });
}

/** Options of {@link bundledProject}. */
export interface BundleOptions {
  /** Default: {@link projectCacheDir}. */
  readonly cacheDir?: string;
  /** Package conditions to resolve with. Default: this process's (`--conditions`). */
  readonly conditions?: readonly string[];
  /** Whether a TypeScript loader (tsx) is registered, so packages that ship TypeScript load. */
  readonly tsLoader?: boolean;
}

/**
 * The `file:` URL of a bundle of the TypeScript project whose entry is `entry`, built now or
 * reused from the cache when none of its files changed; undefined when the project must be loaded
 * module by module instead (a file the bundle cannot reproduce, a build error, a cache directory
 * that cannot be written). `reused` tells whether the cached bundle was used.
 *
 * @example
 * ```ts
 * const b = await bundledProject('/repo/pipelines/index.ts');
 * const mod = await import(b?.url ?? pathToFileURL('/repo/pipelines/index.ts').href);
 * ```
 */
export async function bundledProject(
  entry: string,
  opts: BundleOptions = {},
): Promise<{ url: string; reused: boolean } | undefined> {
  const dir = opts.cacheDir ?? projectCacheDir();
  const conditions = [...(opts.conditions ?? processConditions())];
  const tsLoader = opts.tsLoader ?? false;
  const key = sha([LOADER_VERSION, entry, conditions.join(','), String(tsLoader)].join('\0')).slice(0, 32);
  const manifestFile = join(dir, `${key}.json`);
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    if (fresh(manifest, dir)) return { url: pathToFileURL(join(dir, manifest.bundle)).href, reused: true };
  } catch {
    // no bundle yet, or an unreadable one: build it
  }
  const built = await build(entry, join(dir, 'bundle.mjs'), conditions, tsLoader);
  if (!built) return undefined;
  const bundle = `${sha(built.code)}.mjs`;
  try {
    mkdirSync(dir, { recursive: true });
    writeAtomically(join(dir, bundle), built.code);
    writeAtomically(
      manifestFile,
      JSON.stringify({ loader: LOADER_VERSION, entry, bundle, files: built.files } satisfies Manifest),
    );
    prune(dir);
  } catch {
    return undefined; // a read-only or missing cache: load module by module
  }
  return { url: pathToFileURL(join(dir, bundle)).href, reused: false };
}
