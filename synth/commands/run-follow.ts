import type { Run } from '../client/run.ts';
import type { RunStatus } from '../client/run-status.ts';
import { EXIT_FINDINGS, EXIT_OK, type CommandIO } from '../report.ts';
import { phaseChanges, renderRunTree } from './run-render.ts';

/** How `--watch` draws: a live tree redrawn in place on a terminal, plain lines otherwise. */
export interface FollowOptions {
  readonly tty: boolean;
  /** Writes raw text (cursor movements) to the terminal; default process.stdout. */
  readonly write?: (text: string) => void;
  readonly now?: () => Date;
  /** Passed to the watch (tests shorten the server's stream timeout to see it resume). */
  readonly streamSeconds?: number;
}

/** Exit code of a finished run: 0 Succeeded, 1 Failed or Error. */
export const exitCodeOf = (s: RunStatus): number => (s.phase === 'Succeeded' ? EXIT_OK : EXIT_FINDINGS);

/**
 * Follows a run until it finishes and returns its exit code. On a terminal the task tree is
 * redrawn in place after each change; otherwise each phase change is one line, so CI logs stay
 * readable. A dropped watch resumes (plain mode says so).
 */
export async function followRun(run: Run, io: CommandIO, opts: FollowOptions): Promise<number> {
  const now = opts.now ?? (() => new Date());
  const write = opts.write ?? ((t: string) => process.stdout.write(t));
  let last: RunStatus | undefined;
  let drawn = 0;
  for await (const e of run.watch(opts.streamSeconds ? { streamSeconds: opts.streamSeconds } : {})) {
    if (e.type === 'RESUMED') {
      if (!opts.tty && e.attempt > 0) io.err(`  (watch reconnected at resourceVersion ${e.resourceVersion})`);
      continue;
    }
    if (opts.tty) {
      const lines = renderRunTree(e.status, now());
      // Up to the first line we drew, clear to the end of the screen, draw again.
      write(`${drawn > 0 ? `\x1b[${drawn}F\x1b[J` : ''}${lines.join('\n')}\n`);
      drawn = lines.length;
    } else phaseChanges(last, e.status, now()).forEach((l) => io.out(l));
    last = e.status;
    if (e.type === 'DELETED') {
      io.err(`✗ run ${e.status.name} was deleted while watching it`);
      return EXIT_FINDINGS;
    }
  }
  if (!last) return EXIT_FINDINGS;
  return exitCodeOf(last);
}
