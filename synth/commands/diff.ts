import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { cliSynthesizer, type SynthesizeCheckout, withBaseTree } from '../diff/git-base.ts';
import { objectSet, type TreeObject } from '../diff/object-set.ts';
import { renderMarkdown } from '../diff/render-markdown.ts';
import { renderText } from '../diff/render-text.ts';
import { diffTrees, isEmpty } from '../diff/tree-diff.ts';
import { synthesize } from '../engine.ts';
import { DEFAULT_APP_ENTRY, loadProject, UsageError } from '../load-app.ts';
import { EXIT_FINDINGS, EXIT_OK, reportError, type CommandIO } from '../report.ts';
import { readSources } from '../validate/documents.ts';
import { COLORS, PLAIN } from '../validate/render.ts';

export interface DiffCommandOptions {
  readonly base?: string;
  readonly app?: string;
  readonly format?: 'markdown' | 'text';
  /** How the base checkout is synthesized (tests replace the CLI run). */
  readonly synthesizeCheckout?: SynthesizeCheckout;
  /** A directory holding the working tree's manifests, instead of synthesizing it in-process (tests). */
  readonly synthesizeWorkingTree?: () => string;
}

function treeFromDir(dir: string): Map<string, TreeObject> {
  if (!existsSync(dir)) return new Map();
  const sources = readSources(['.'], dir, () => '');
  const broken = sources.problems.find((p) => p.severity === 'error');
  if (broken) throw new UsageError(`${resolve(dir, broken.file)}: ${broken.message}. Fix the file or compare other directories`);
  return objectSet(sources.documents);
}

/**
 * `argosy diff [--base <ref>]` compares the project synthesized at a git ref with the working
 * tree; `argosy diff <before> <after>` compares two directories. Exit 0 when equal, 1 when not.
 */
export async function runDiff(dirs: readonly string[], opts: DiffCommandOptions, io: CommandIO, cwd = process.cwd()): Promise<number> {
  try {
    let before: Map<string, TreeObject>;
    let after: Map<string, TreeObject>;
    let title = 'Argosy diff';
    if (dirs.length === 2) {
      const [b, a] = dirs.map((d) => resolve(cwd, d)) as [string, string];
      for (const d of [b, a]) if (!existsSync(d) || !statSync(d).isDirectory()) throw new UsageError(`${d}: not a directory. Pass two directories of YAML, or none to compare with --base`);
      before = treeFromDir(b);
      after = treeFromDir(a);
      title = `Argosy diff ${dirs[0]} → ${dirs[1]}`;
    } else if (dirs.length === 0) {
      const app = opts.app ?? DEFAULT_APP_ENTRY;
      const base = opts.base ?? 'HEAD';
      // Both syntheses take seconds on a real project: say what is happening.
      io.err(`  synthesizing ${base} in a temporary git worktree...`);
      before = withBaseTree(base, cwd, opts.synthesizeCheckout ?? cliSynthesizer(app), treeFromDir);
      io.err('  synthesizing the working tree...');
      if (opts.synthesizeWorkingTree) {
        after = treeFromDir(opts.synthesizeWorkingTree());
      } else {
        const { files } = synthesize(await loadProject(app, cwd));
        after = objectSet(files.flatMap((f) => f.documents.map((object) => ({ file: f.path, object }))));
      }
      title = `Argosy diff against ${base}`;
    } else {
      throw new UsageError(`argosy diff takes no directory or two (got ${dirs.length}). Use \`argosy diff --base origin/main\` or \`argosy diff before/ after/\``);
    }
    const d = diffTrees(before, after);
    if (opts.format === 'markdown') io.out(renderMarkdown(d, title).trimEnd());
    else renderText(d, io.color ? COLORS : PLAIN).forEach((l) => io.out(l));
    return isEmpty(d) ? EXIT_OK : EXIT_FINDINGS;
  } catch (e) {
    return reportError(e, io);
  }
}
