import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, openSync } from 'node:fs';

/** How one process ended. */
export interface ProcessEnd {
  /** Exit code; undefined when it could not start, was killed or timed out. */
  readonly code?: number;
  readonly timedOut: boolean;
  /** Why it could not start (e.g. the program is not installed). */
  readonly error?: string;
  readonly killed: boolean;
}

/** The processes a run has started and not yet seen end, so a run timeout can end them all. */
export class ProcessGroup {
  private readonly live = new Set<ChildProcess>();
  private stopped = false;

  add(child: ChildProcess): void {
    if (this.stopped) kill(child);
    else this.live.add(child);
  }

  remove(child: ChildProcess): void {
    this.live.delete(child);
  }

  /** Ends every live process (its whole process group) and every one started later. */
  stopAll(): void {
    this.stopped = true;
    for (const c of this.live) kill(c);
  }

  get isStopped(): boolean {
    return this.stopped;
  }
}

function kill(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/**
 * Runs a program in its own process group with its output appended to two files, ending the
 * whole group when `timeoutMs` passes. Never rejects: how it ended is in the result.
 *
 * @example
 * ```ts
 * await runProcess(['python3', 'script'], { cwd, env, stdout: 'out.log', stderr: 'err.log', group });
 * ```
 */
export function runProcess(
  argv: readonly string[],
  opts: {
    cwd: string;
    env: Readonly<Record<string, string | undefined>>;
    stdout: string;
    stderr: string;
    timeoutMs?: number;
    group: ProcessGroup;
  },
): Promise<ProcessEnd> {
  return new Promise((resolve) => {
    const [program, ...args] = argv;
    if (program === undefined) {
      resolve({ timedOut: false, killed: false, error: 'empty command' });
      return;
    }
    const out = openSync(opts.stdout, 'a');
    const err = openSync(opts.stderr, 'a');
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    let done = false;
    const finish = (end: ProcessEnd): void => {
      // A program that cannot start emits 'error' and then 'close': the first one counts.
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      closeSync(out);
      closeSync(err);
      resolve(end);
    };
    let child: ChildProcess;
    try {
      child = spawn(program, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', out, err], detached: true });
    } catch (e) {
      appendFileSync(opts.stderr, `${(e as Error).message}\n`);
      finish({ timedOut: false, killed: false, error: (e as Error).message });
      return;
    }
    opts.group.add(child);
    if (opts.timeoutMs !== undefined)
      timer = setTimeout(() => {
        timedOut = true;
        kill(child);
      }, opts.timeoutMs);
    child.on('error', (e) => {
      opts.group.remove(child);
      appendFileSync(opts.stderr, `${program}: ${e.message}\n`);
      finish({ timedOut: false, killed: false, error: `${program}: ${e.message}` });
    });
    child.on('close', (code, signal) => {
      opts.group.remove(child);
      finish({ ...(code !== null ? { code } : {}), timedOut, killed: signal !== null });
    });
  });
}
