import type { PipelineBackend } from '../../charts/index.ts';
import { buildProject, synthesizeProject } from '../build-project.ts';
import { appEntry } from '../load-app.ts';
import { EXIT_FINDINGS, EXIT_OK, reportError, type CommandIO } from '../report.ts';
import { resourceWarnings } from '../resource-warnings.ts';
import { scheduleWarnings } from '../schedule-warnings.ts';
import { budgetProblems } from '../validate/size-budget.ts';
import { diffTree, writeTree } from '../writer.ts';

export interface SynthCommandOptions {
  readonly app?: string;
  readonly out?: string;
  readonly check?: boolean;
  readonly target?: PipelineBackend;
  /** Validate the objects in memory before writing (as `argosy validate` would the written tree). */
  readonly validate?: boolean;
  /** Schemas for --validate (default: the `argosy schemas pull` cache). */
  readonly schemaLocation?: string;
}

const fileCount = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;

/**
 * `--validate`: every layer of `argosy validate` over the objects just built, as they will be
 * written (no second process, no YAML round trip). False, after the findings, when there are errors.
 */
async function validateInMemory(
  files: Parameters<typeof writeTree>[1],
  out: string,
  schemaLocation: string | undefined,
  io: CommandIO,
): Promise<boolean> {
  // Loaded only here: a plain synth never pays for the validators.
  const [{ checkSources, resolveSchemaLocation }, { synthSources }, { errorCount }] = await Promise.all([
    import('./validate.ts'),
    import('../validate/synth-sources.ts'),
    import('../validate/finding.ts'),
  ]);
  const reports = await checkSources(synthSources(files, out), resolveSchemaLocation(schemaLocation), {}, io);
  const errors = errorCount(reports);
  if (errors > 0)
    io.err(
      `✗ nothing written: ${errors} error${errors === 1 ? '' : 's'} found by --validate. Fix them, or synthesize without --validate to look at the output`,
    );
  return errors === 0;
}

/**
 * `argosy synth`: builds the project and writes (or, with --check, compares) the output tree;
 * with --validate, validates it first. Any error leaves the existing tree untouched and exits 1.
 */
export async function runSynth(opts: SynthCommandOptions, io: CommandIO): Promise<number> {
  const out = opts.out ?? 'dist';
  try {
    const { ir } = await buildProject(appEntry(opts.app));
    const files = synthesizeProject(ir, {
      ...(opts.target ? { pipelineBackend: opts.target } : {}),
      onProgress: ({ env, app, files: n }) => io.err(`  synthesized ${env}/${app} (${fileCount(n)})`),
      onNote: (message) => io.err(`ℹ ${message}`),
    });
    resourceWarnings(ir).forEach((w) => io.err(`⚠ ${w}`));
    scheduleWarnings(ir).forEach((w) => io.err(`⚠ ${w}`));
    // The same size budget as `argosy validate`: an object etcd would reject is never written.
    const budget = budgetProblems(files);
    budget.warnings.forEach((w) => io.err(`⚠ ${w}`));
    if (budget.errors.length > 0) {
      budget.errors.forEach((e) => io.err(`✗ ${e}`));
      io.err(`✗ nothing written: ${budget.errors.length} object(s) over the size budget.`);
      return EXIT_FINDINGS;
    }
    if (opts.validate && !(await validateInMemory(files, out, opts.schemaLocation, io))) return EXIT_FINDINGS;
    if (opts.check) {
      const diff = diffTree(out, files);
      const problems = [
        ...diff.stale.map((p) => `stale    ${out}/${p}`),
        ...diff.missing.map((p) => `missing  ${out}/${p}`),
        ...diff.extra.map((p) => `extra    ${out}/${p}`),
      ];
      if (problems.length === 0) {
        io.out(`✓ ${out}/ is up to date (${fileCount(files.length)})`);
        return EXIT_OK;
      }
      problems.forEach((p) => io.out(p));
      io.err(
        `✗ ${out}/ is out of date: ${problems.length} file(s) differ. Run \`argosy synth\` and commit the result.`,
      );
      return EXIT_FINDINGS;
    }
    const diff = writeTree(out, files);
    for (const note of diff.notes ?? []) io.err(`⚠ ${note}`);
    const changed = diff.stale.length + diff.missing.length;
    io.out(
      `✓ wrote ${out}/: ${fileCount(files.length)} (${diff.missing.length} new, ${diff.stale.length} changed, ${diff.extra.length} removed${changed === 0 && diff.extra.length === 0 ? ', nothing to do' : ''})`,
    );
    return EXIT_OK;
  } catch (e) {
    return reportError(e, io);
  }
}
