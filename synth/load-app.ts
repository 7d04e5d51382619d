import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensurePeriod } from '../dsl/errors.ts';
import type { Project } from '../dsl/index.ts';

/** The app entry used when neither --app nor package.json names one: the reference project's. */
export const DEFAULT_APP_ENTRY = 'pipelines/index.ts';

/**
 * A mistake in how argosy was invoked (exit 2). The message follows the house format
 * `<path>: <problem> (got <value>). <fix>.`; the final period is added here so no call site
 * can forget it.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(ensurePeriod(message));
    this.name = 'UsageError';
  }
}

/**
 * Which module default-exports the project: `--app` when given, else the `argosy.app` field of
 * the package.json in `cwd` (what `argosy init` writes), else {@link DEFAULT_APP_ENTRY}.
 *
 * @example
 * ```ts
 * // package.json: { "argosy": { "app": "pipelines/index.ts" } }
 * appEntry(undefined); // 'pipelines/index.ts'
 * ```
 */
export function appEntry(app: string | undefined, cwd = process.cwd()): string {
  if (app) return app;
  const file = resolve(cwd, 'package.json');
  if (!existsSync(file)) return DEFAULT_APP_ENTRY;
  let field: unknown;
  try {
    field = (JSON.parse(readFileSync(file, 'utf8')) as { argosy?: { app?: unknown } }).argosy?.app;
  } catch (e) {
    throw new UsageError(
      `package.json: not valid JSON (got ${(e as Error).message}). Fix the file, or pass --app <file>`,
    );
  }
  if (field === undefined) return DEFAULT_APP_ENTRY;
  if (typeof field !== 'string' || field === '')
    throw new UsageError(
      `package.json: "argosy.app" must name the module that default-exports the project (got ${JSON.stringify(field)}). Set it to a path such as "pipelines/index.ts"`,
    );
  return field;
}

let tsLoader: Promise<void> | undefined;

/**
 * Compiled Argosy (the .js files in build/) runs without a TypeScript loader; the user's project is TypeScript,
 * so tsx is registered, once, just before it is imported (for ESM and CommonJS packages alike).
 * From the sources (tests, tsx) a loader is already there.
 */
function ensureTsLoader(file: string): Promise<void> {
  if (!/\.[cm]?tsx?$/.test(file) || !import.meta.url.endsWith('.js')) return Promise.resolve();
  tsLoader ??= Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]).then(([esm, cjs]) => {
    esm.register();
    cjs.register();
  });
  return tsLoader;
}

/**
 * What to import for the app entry: a cached bundle of the project (see project-bundle.ts) when
 * Node's own loader runs Argosy (compiled, or the sources under tsx in a child process), else the
 * entry itself, with tsx registered for a TypeScript entry. Under a test runner's module loader
 * (vitest) the entry is imported as it is. ARGOSY_PROJECT_BUNDLE=0 turns the bundle off.
 */
async function projectUrl(file: string): Promise<string> {
  const compiled = import.meta.url.endsWith('.js');
  if (
    /\.[cm]?tsx?$/.test(file) &&
    process.env.ARGOSY_PROJECT_BUNDLE !== '0' &&
    (compiled || process.env.ARGOSY_SOURCE_CHILD === '1')
  ) {
    const { bundledProject } = await import('./project-bundle.ts');
    const bundle = await bundledProject(file, { tsLoader: !compiled });
    if (bundle) {
      // Stack traces point at the user's .ts lines (error-list.ts reads them), as under tsx.
      process.setSourceMapsEnabled(true);
      return bundle.url;
    }
  }
  await ensureTsLoader(file);
  return pathToFileURL(file).href;
}

/** Imports the app entry module and returns its default-exported project. */
export async function loadProject(entry: string, cwd = process.cwd()): Promise<Project> {
  const file = resolve(cwd, entry);
  if (!existsSync(file)) {
    throw new UsageError(
      `${entry}: app entry not found (got ${file}). Pass --app <file> pointing at the module that default-exports project(...), or set "argosy": { "app": "<file>" } in package.json`,
    );
  }
  const mod = (await import(await projectUrl(file))) as { default?: unknown };
  // A CommonJS module's exports arrive as `default`; its own default export one level down.
  const exported = mod.default as { kind?: unknown; default?: unknown } | undefined;
  const project = (exported && exported.kind !== 'project' && exported.default ? exported.default : exported) as
    Project | undefined;
  if (!project || project.kind !== 'project') {
    throw new UsageError(
      `${entry}: the module has no default-exported project (got ${project === undefined ? 'no default export' : typeof project}). Add \`export default project('name', { environments, apps })\`.`,
    );
  }
  return project;
}
