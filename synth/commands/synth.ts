import type { PipelineBackend } from '../../charts/index.ts';
import { buildProject, synthesizeProject } from '../build-project.ts';
import { DEFAULT_APP_ENTRY } from '../load-app.ts';
import { EXIT_FINDINGS, EXIT_OK, reportError, type CommandIO } from '../report.ts';
import { resourceWarnings } from '../resource-warnings.ts';
import { budgetProblems } from '../validate/size-budget.ts';
import { diffTree, writeTree } from '../writer.ts';

export interface SynthCommandOptions {
  readonly app?: string;
  readonly out?: string;
  readonly check?: boolean;
  readonly target?: PipelineBackend;
}

const fileCount = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;

/**
 * `argosy synth`: builds the project and writes (or, with --check, compares) the output tree.
 * Any error leaves the existing tree untouched and exits 1.
 */
export async function runSynth(opts: SynthCommandOptions, io: CommandIO): Promise<number> {
  const out = opts.out ?? 'dist';
  try {
    const { ir } = await buildProject(opts.app ?? DEFAULT_APP_ENTRY);
    const files = synthesizeProject(ir, {
      ...(opts.target ? { pipelineBackend: opts.target } : {}),
      onProgress: ({ env, app, files: n }) => io.err(`  synthesized ${env}/${app} (${fileCount(n)})`),
      onNote: (message) => io.err(`ℹ ${message}`),
    });
    resourceWarnings(ir).forEach((w) => io.err(`⚠ ${w}`));
    // The same size budget as `argosy validate`: an object etcd would reject is never written.
    const budget = budgetProblems(files);
    budget.warnings.forEach((w) => io.err(`⚠ ${w}`));
    if (budget.errors.length > 0) {
      budget.errors.forEach((e) => io.err(`✗ ${e}`));
      io.err(`✗ nothing written: ${budget.errors.length} object(s) over the size budget.`);
      return EXIT_FINDINGS;
    }
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
