import { randomBytes } from 'node:crypto';
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** What a file looked like when the tree was scanned; a different one was changed meanwhile. */
export interface Seen {
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

/** One change to the output tree, relative to its root. */
export type Op =
  | { readonly op: 'create'; readonly path: string; readonly content: string }
  | { readonly op: 'replace'; readonly path: string; readonly content: string; readonly seen: Seen }
  | { readonly op: 'remove'; readonly path: string; readonly seen: Seen };

/** The transaction directories a write keeps inside the output root while it runs. */
export const TXN_DIR = /^\.argosy-txn-[0-9a-f]{8}$/;

interface Journal {
  readonly tool: 'argosy';
  readonly ops: readonly { readonly op: Op['op']; readonly path: string }[];
  /** Directories the write creates, outermost first. */
  readonly dirs: readonly string[];
  readonly done: boolean;
}

/** A change made to the tree by someone else while the write ran. */
export class ChangedMeanwhile extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/** Snapshot of a file for {@link Seen} comparisons. */
export function seenOf(file: string): Seen {
  const s = lstatSync(file);
  return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
}

const same = (a: Seen, b: Seen): boolean => a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

/** Directories (relative, outermost first) missing under `root` for the created files. */
function missingDirs(root: string, ops: readonly Op[]): string[] {
  const dirs = new Set<string>();
  for (const o of ops) {
    if (o.op !== 'create') continue;
    for (let d = dirname(o.path); d !== '.' && !existsSync(join(root, d)); d = dirname(d)) dirs.add(d);
  }
  return [...dirs].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
}

/**
 * Applies `ops` to the tree at `root` all-or-nothing, in place: the root directory and every
 * file not in `ops` keep their inode and mtime. Content is staged in `<root>/.argosy-txn-<id>/new`,
 * replaced and removed files are moved to `.../old`, and a journal written before the first
 * change lets {@link rollback} (here on failure, or by the next run after a crash) put the
 * previous tree back. A file created by someone else where one is created, or a replaced or
 * removed file changed since `seen`, aborts the write ({@link ChangedMeanwhile}) and rolls back.
 *
 * @example
 * ```ts
 * commit('dist', [{ op: 'create', path: 'a.yaml', content: '# Generated ...\n' }]);
 * ```
 */
export function commit(root: string, ops: readonly Op[]): void {
  const txn = join(root, `.argosy-txn-${randomBytes(4).toString('hex')}`);
  const journal: Journal = {
    tool: 'argosy',
    ops: ops.map((o) => ({ op: o.op, path: o.path })),
    dirs: missingDirs(root, ops),
    done: false,
  };
  mkdirSync(txn);
  try {
    writeJournal(txn, journal);
    for (const o of ops) {
      if (o.op === 'remove') continue;
      mkdirSync(dirname(join(txn, 'new', o.path)), { recursive: true });
      writeFileSync(join(txn, 'new', o.path), o.content);
    }
    for (const d of journal.dirs) mkdirSync(join(root, d));
    for (const o of ops) apply(root, txn, o);
    writeJournal(txn, { ...journal, done: true });
  } catch (e) {
    rollback(root, txn, journal);
    rmSync(txn, { recursive: true, force: true });
    throw e;
  }
  rmSync(txn, { recursive: true, force: true });
  pruneEmptied(
    root,
    ops.filter((o) => o.op === 'remove').map((o) => o.path),
  );
}

/** Written whole or not at all, so a journal that exists is complete. */
function writeJournal(txn: string, journal: Journal): void {
  writeFileSync(join(txn, 'journal.tmp'), JSON.stringify(journal));
  renameSync(join(txn, 'journal.tmp'), join(txn, 'journal.json'));
}

function apply(root: string, txn: string, o: Op): void {
  const target = join(root, o.path);
  if (o.op !== 'create') {
    if (!same(seenOf(target), o.seen))
      throw new ChangedMeanwhile(
        o.path,
        'changed while synth ran (got a new modification time or size). Run synth again',
      );
    mkdirSync(dirname(join(txn, 'old', o.path)), { recursive: true });
    renameSync(target, join(txn, 'old', o.path));
  }
  if (o.op === 'remove') return;
  try {
    // A hard link never replaces what is there: a file someone created meanwhile stays theirs.
    linkSync(join(txn, 'new', o.path), target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new ChangedMeanwhile(
        o.path,
        'a file appeared there while synth ran (got a file Argosy did not write). Move it away and run synth again',
      );
    throw e;
  }
}

/**
 * Puts back the tree a journal describes: files created are removed (only if still the ones
 * written), replaced and removed ones are moved back, created directories removed if empty.
 * Best effort per step, so one failure does not keep the rest from being restored.
 */
function rollback(root: string, txn: string, journal: Journal): void {
  for (const o of [...journal.ops].reverse()) {
    const target = join(root, o.path);
    const staged = join(txn, 'new', o.path);
    const old = join(txn, 'old', o.path);
    try {
      if (
        o.op !== 'remove' &&
        existsSync(staged) &&
        existsSync(target) &&
        lstatSync(target).ino === lstatSync(staged).ino
      )
        rmSync(target);
      if (o.op !== 'create' && existsSync(old)) renameSync(old, target);
    } catch {
      // Keep restoring the others; what remains is reported by the next run's recovery.
    }
  }
  for (const d of [...journal.dirs].reverse()) {
    try {
      rmdirSync(join(root, d));
    } catch {
      // Not empty: someone put a file there meanwhile, which stays.
    }
  }
}

/** Removes directories that removing `paths` left empty (never the root, never one still used). */
function pruneEmptied(root: string, paths: readonly string[]): void {
  const dirs = new Set(paths.flatMap((p) => (dirname(p) === '.' ? [] : [dirname(p)])));
  for (const d of [...dirs].sort((a, b) => b.split('/').length - a.split('/').length)) {
    for (let x = d; x !== '.'; x = dirname(x)) {
      try {
        if (readdirSync(join(root, x)).length > 0) break;
        rmdirSync(join(root, x));
      } catch {
        break;
      }
    }
  }
}

/**
 * Cleans up after writes that died (their transaction directory is left in the root): an
 * unfinished one is rolled back, a finished one removed. Only directories holding Argosy's
 * journal are touched; the caller holds the lock, so none of them belongs to a live run.
 *
 * @example
 * ```ts
 * recoverTransactions('dist'); // ['rolled back an interrupted write (3 files)']
 * ```
 */
export function recoverTransactions(root: string): string[] {
  if (!existsSync(root)) return [];
  const notes: string[] = [];
  const dirs = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() && TXN_DIR.test(e.name));
  for (const { name } of dirs) {
    const txn = join(root, name);
    let journal: Journal | undefined;
    try {
      const j = JSON.parse(readFileSync(join(txn, 'journal.json'), 'utf8')) as Journal;
      journal = j.tool === 'argosy' && Array.isArray(j.ops) ? j : undefined;
    } catch {
      journal = undefined;
    }
    if (!journal) {
      // Created, and the run died before its journal: nothing in the tree was changed yet.
      if (readdirSync(txn).every((n) => n === 'journal.tmp')) rmSync(txn, { recursive: true, force: true });
      else notes.push(`left ${name} alone: it holds no Argosy journal. Remove it if you know what it is`);
      continue;
    }
    if (!journal.done) rollback(root, txn, journal);
    rmSync(txn, { recursive: true, force: true });
    notes.push(
      journal.done
        ? `removed ${name}, left by a run that finished its write`
        : `rolled back ${name}, an interrupted write (${journal.ops.length} file${journal.ops.length === 1 ? '' : 's'})`,
    );
  }
  return notes;
}
