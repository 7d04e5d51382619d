import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Runs `cmd` under a small bash watchdog in its own process group: the watchdog ends the
 * command when this Node process goes away, even by SIGKILL, so no server outlives its test run.
 */
const WATCHDOG = `
parent=$1; shift
"$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 0' TERM INT
while kill -0 "$child" 2>/dev/null; do
  if ! kill -0 "$parent" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null; sleep 3; kill -KILL "$child" 2>/dev/null; exit 0
  fi
  sleep 1 & wait $!
done
wait "$child"
`;

const running = new Set<ManagedProcess>();
let hooked = false;

/** Last resort: the process groups of every server still running die with this process. */
function killAllSync(): void {
  for (const p of running) p.killGroup('SIGKILL');
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  // Signals that kill this process skip 'exit' handlers: the watchdog covers those within a second.
  process.on('exit', killAllSync);
}

export class ManagedProcess {
  private readonly child: ChildProcess;
  private exited: Promise<number | null>;
  exitCode: number | null | undefined;

  constructor(
    readonly name: string,
    cmd: string,
    args: readonly string[],
    readonly logFile: string,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    hookExit();
    const log = openSync(logFile, 'a');
    this.child = spawn('bash', ['-c', WATCHDOG, 'watchdog', String(process.pid), cmd, ...args], {
      stdio: ['ignore', log, log],
      detached: true,
      env,
    });
    closeSync(log);
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code) => {
        this.exitCode = code;
        running.delete(this);
        resolve(code);
      }),
    );
    running.add(this);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  killGroup(signal: NodeJS.Signals): void {
    if (this.child.pid === undefined || !this.alive) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // Already gone.
    }
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process group leader is gone. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.alive) return;
    this.killGroup('SIGTERM');
    const timer = setTimeout(() => this.killGroup('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    // The command itself may still be shutting down after the watchdog left; make sure.
    this.killGroup('SIGKILL');
  }

  /** The last lines of the log, for error messages. */
  tail(lines = 25): string {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns a value, the process dies, or the time is up. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  opts: { timeoutMs: number; process?: ManagedProcess; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (opts.process && !opts.process.alive)
      throw new Error(
        `${opts.process.name} exited (code ${opts.process.exitCode}) while waiting for ${what}. Its log (${opts.process.logFile}) ends:\n${opts.process.tail()}`,
      );
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 200));
  }
  throw new Error(
    `timed out after ${opts.timeoutMs / 1000} s waiting for ${what}${last ? ` (last error: ${last})` : ''}${opts.process ? `. ${opts.process.name}'s log (${opts.process.logFile}) ends:\n${opts.process.tail()}` : ''}`,
  );
}
