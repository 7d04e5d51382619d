import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Name of the lock file inside the output directory while a write runs. */
export const LOCK_FILE = '.argosy-lock';

/** Who holds a lock: a pid alone is reused by the system, its start time is not. */
export interface Owner {
  readonly tool: 'argosy';
  readonly pid: number;
  readonly start: string | null;
}

/** A process's start time (clock ticks since boot) on Linux, else null. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22, counted after the command name, which may itself hold spaces and parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/**
 * This process as a lock owner.
 *
 * @example
 * ```ts
 * me().pid === process.pid; // true
 * ```
 */
export function me(): Owner {
  return { tool: 'argosy', pid: process.pid, start: startTime(process.pid) };
}

/**
 * Whether `o` is still running: the pid exists and, where the system tells, was started at the
 * same time (a new process that got the pid of a dead run is not that run).
 *
 * @example
 * ```ts
 * isAlive(me()); // true
 * ```
 */
export function isAlive(o: Owner): boolean {
  try {
    process.kill(o.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = startTime(o.pid);
  return o.start === null || now === null || now === o.start;
}

function readOwner(file: string): Owner | undefined {
  try {
    const o = JSON.parse(readFileSync(file, 'utf8')) as Partial<Owner>;
    return o.tool === 'argosy' && typeof o.pid === 'number' ? (o as Owner) : undefined;
  } catch {
    return undefined;
  }
}

/** Held by another live synth: the message says who and how to go on. */
export class LockedError extends Error {}

/**
 * Takes `<root>/.argosy-lock` (created exclusively), so two synths never interleave their
 * writes; a lock whose owner is gone is taken over and reported in `notes`. Returns the release.
 *
 * @example
 * ```ts
 * const release = acquireLock('dist', []);
 * release();
 * ```
 */
export function acquireLock(root: string, notes: string[]): () => void {
  const file = join(root, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(me()));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readOwner(file);
      if (owner && isAlive(owner))
        throw new LockedError(
          `${file}: another argosy synth is writing this directory (got pid ${owner.pid}). Wait for it to finish, or delete the lock file if no synth runs`,
        );
      rmSync(file, { force: true });
      notes.push(`took over ${LOCK_FILE}, left by an interrupted run`);
    }
  }
  throw new LockedError(`${file}: could not take the lock (got a new lock after removing a stale one). Run again`);
}
