import { collectErrors, collectErrorsSync } from '../dsl/common/collect.ts';
import { resolveProject, type Project } from '../dsl/index.ts';
import type { ProjectIR } from '../dsl/ir/index.ts';
import { synthesizeIR, type SynthFile, type SynthOptions } from './engine.ts';
import { loadProject } from './load-app.ts';

/**
 * Loads the app entry and resolves the project, collecting every independent mistake of the
 * build instead of stopping at the first: all of them are thrown together as a `DslErrors`,
 * which `reportError` lists. Every command that builds the project goes through here.
 */
export async function buildProject(entry: string, cwd = process.cwd()): Promise<{ project: Project; ir: ProjectIR }> {
  // Each mistake is located by its stack, which must reach past Argosy's frames to the user's line.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = Math.max(limit, 100);
  try {
    return await collectErrors(async () => {
      const project = await loadProject(entry, cwd);
      return { project, ir: resolveProject(project) };
    });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** {@link synthesizeIR} with the mistakes of every app's targets (e.g. a KFP limit) reported at once. */
export function synthesizeProject(ir: ProjectIR, opts: SynthOptions = {}): SynthFile[] {
  return collectErrorsSync(() => synthesizeIR(ir, opts));
}
