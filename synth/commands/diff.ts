import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cliSynthesizer, resolveBase, type SynthesizeCheckout, withBaseTree } from '../diff/git-base.ts';
import { objectSet, type TreeObject } from '../diff/object-set.ts';
import { DEFAULT_MAX_CHARS, renderMarkdown } from '../diff/render-markdown.ts';
import { renderText } from '../diff/render-text.ts';
import { diffTrees, isEmpty, type TreeDiffResult } from '../diff/tree-diff.ts';
import { isDslErrors } from '../../dsl/errors.ts';
import { buildProject, synthesizeProject } from '../build-project.ts';
import { appEntry, UsageError } from '../load-app.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, reportError, type CommandIO } from '../report.ts';
import { readSources } from '../validate/documents.ts';
import { COLORS, PLAIN } from '../validate/render.ts';

export interface DiffCommandOptions {
  readonly base?: string;
  readonly app?: string;
  readonly format?: 'markdown' | 'text';
  /** Write the diff to this file instead of stdout; only written when the comparison completed. */
  readonly output?: string;
  /** Also write the uncapped diff (same format) here, e.g. for a CI artifact. */
  readonly fullOutput?: string;
  /** Cap of the markdown output in characters (default 60,000; 0 for none). */
  readonly maxChars?: number;
  /** How the base checkout is synthesized (tests replace the CLI run). */
  readonly synthesizeCheckout?: SynthesizeCheckout;
  /** A directory holding the working tree's manifests, instead of synthesizing it in-process (tests). */
  readonly synthesizeWorkingTree?: () => string;
}

function treeFromDir(dir: string): Map<string, TreeObject> {
  if (!existsSync(dir)) return new Map();
  const sources = readSources(['.'], dir, () => '');
  const broken = sources.problems.find((p) => p.severity === 'error');
  if (broken)
    throw new UsageError(`${resolve(dir, broken.file)}: ${broken.message}. Fix the file or compare other directories`);
  return objectSet(sources.documents);
}

async function workingTree(opts: DiffCommandOptions, app: string, cwd: string): Promise<Map<string, TreeObject>> {
  if (opts.synthesizeWorkingTree) return treeFromDir(opts.synthesizeWorkingTree());
  try {
    const files = synthesizeProject((await buildProject(app, cwd)).ir);
    return objectSet(files.flatMap((f) => f.documents.map((object, index) => ({ file: f.path, index, object }))));
  } catch (e) {
    // Every mistake of the working tree is listed, as `argosy synth` lists them.
    if (e instanceof UsageError || isDslErrors(e)) throw e;
    throw new UsageError(
      `${app}: the working tree does not synthesize (got ${(e as Error).message.split('\n')[0]}). Fix it (\`argosy synth\` shows the same error) and diff again`,
    );
  }
}

/** Replaces `file` whole (never leaves it, or a temporary file, half-written), relative to `cwd`. */
function writeWhole(file: string, text: string, cwd: string): void {
  const abs = resolve(cwd, file);
  const tmp = `${abs}.argosy-tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UsageError(
      `${file}: could not write the diff (got ${(e as Error).message}). Pass a writable --output/--full-output path`,
    );
  }
}

function render(d: TreeDiffResult, title: string, opts: DiffCommandOptions, color: boolean, maxChars: number): string {
  if (opts.format === 'markdown') return renderMarkdown(d, title, { maxChars }).trimEnd();
  return renderText(d, color ? COLORS : PLAIN).join('\n');
}

/**
 * `argosy diff [--base <ref>]` compares the project synthesized at a git ref with the working
 * tree; `argosy diff <before> <after>` compares two directories. Exit codes follow diff(1):
 * 0 equal, 1 different, 2 trouble (a side that does not synthesize, a bad ref, an unreadable
 * directory). On trouble nothing is printed to stdout and no --output file is written, so a CI
 * step never posts an empty or partial comment.
 */
export async function runDiff(
  dirs: readonly string[],
  opts: DiffCommandOptions,
  io: CommandIO,
  cwd = process.cwd(),
): Promise<number> {
  let d: TreeDiffResult;
  let title = 'Argosy diff';
  try {
    let before: Map<string, TreeObject>;
    let after: Map<string, TreeObject>;
    if (dirs.length === 2) {
      const [b, a] = dirs.map((x) => resolve(cwd, x)) as [string, string];
      for (const x of [b, a])
        if (!existsSync(x) || !statSync(x).isDirectory())
          throw new UsageError(`${x}: not a directory. Pass two directories of YAML, or none to compare with --base`);
      before = treeFromDir(b);
      after = treeFromDir(a);
      title = `Argosy diff ${dirs[0]} → ${dirs[1]}`;
    } else if (dirs.length === 0) {
      const app = appEntry(opts.app, cwd);
      const base = opts.base ?? 'HEAD';
      const commit = resolveBase(base, cwd);
      // Both syntheses take seconds on a real project: say what is happening.
      io.err(`  synthesizing ${base} in a temporary git worktree...`);
      before = withBaseTree(commit, cwd, opts.synthesizeCheckout ?? cliSynthesizer(app), treeFromDir);
      io.err('  synthesizing the working tree...');
      after = await workingTree(opts, app, cwd);
      title = `Argosy diff against ${base}`;
    } else {
      throw new UsageError(
        `argosy diff takes no directory or two (got ${dirs.length}). Use \`argosy diff --base origin/main\` or \`argosy diff before/ after/\``,
      );
    }
    d = diffTrees(before, after);
  } catch (e) {
    reportError(e, io);
    if (isDslErrors(e)) io.err('✗ the working tree does not synthesize: fix the mistakes above and diff again.');
    io.err('✗ argosy diff could not compare the trees (exit 2); nothing was written.');
    return EXIT_USAGE;
  }
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const shown = render(d, title, opts, io.color && !opts.output, maxChars);
  try {
    if (opts.fullOutput) writeWhole(opts.fullOutput, `${render(d, title, opts, false, 0)}\n`, cwd);
    if (opts.output) writeWhole(opts.output, `${shown}\n`, cwd);
  } catch (e) {
    return reportError(e, io);
  }
  if (opts.output) io.err(`  wrote ${opts.output}`);
  else if (opts.format === 'markdown') io.out(shown);
  else shown.split('\n').forEach((l) => io.out(l));
  return isEmpty(d) ? EXIT_OK : EXIT_FINDINGS;
}
