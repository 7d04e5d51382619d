import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensurePeriod } from '../dsl/errors.ts';
import type { Project } from '../dsl/index.ts';

/** The app entry used when none is given: the reference project. */
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

/** Imports the app entry module and returns its default-exported project. */
export async function loadProject(entry: string, cwd = process.cwd()): Promise<Project> {
  const file = resolve(cwd, entry);
  if (!existsSync(file)) {
    throw new UsageError(
      `${entry}: app entry not found (got ${file}). Pass --app <file> pointing at the module that default-exports project(...).`,
    );
  }
  const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  const project = mod.default as Project | undefined;
  if (!project || project.kind !== 'project') {
    throw new UsageError(
      `${entry}: the module has no default-exported project (got ${project === undefined ? 'no default export' : typeof project}). Add \`export default project('name', { environments, apps })\`.`,
    );
  }
  return project;
}
