import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  realpathSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { SynthFile } from './engine.ts';
import { fsProblem } from './fs-problem.ts';
import { GENERATED_HEADER } from './serialize.ts';
import { ChangedMeanwhile, commit, type Op, recoverTransactions, seenOf, TXN_DIR } from './writer-commit.ts';
import { acquireLock, LOCK_FILE, LockedError } from './writer-lock.ts';

export interface TreeDiff {
  /** Generated files whose content would change. */
  readonly stale: readonly string[];
  /** Files Argosy would create. */
  readonly missing: readonly string[];
  /** Generated files Argosy would remove (no longer produced). */
  readonly extra: readonly string[];
}

/** What a write did, plus what it cleaned up from an earlier, interrupted run. */
export interface WriteResult extends TreeDiff {
  readonly notes?: readonly string[];
}

export class WriteError extends Error {}

/** What is in the output tree, never following symlinks: those belong to the user. */
interface Tree {
  /** Regular files. */
  readonly files: readonly string[];
  /** Symlinks, to files or directories (never read or written through). */
  readonly links: readonly string[];
  /** FIFOs, sockets, devices: the user's, left where they are. */
  readonly others: readonly string[];
}

const HEADER = Buffer.from(GENERATED_HEADER);

function scan(root: string): Tree {
  const files: string[] = [];
  const links: string[] = [];
  const others: string[] = [];
  const rel = (full: string): string => relative(root, full).split('\\').join('/');
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new WriteError(fsProblem(e, dir).replace(/ or pass --out <dir>\.$/, '.'));
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      // The lock and transactions of a write, never part of the tree.
      if (dir === root && (entry.name === LOCK_FILE || (TXN_DIR.test(entry.name) && entry.isDirectory()))) continue;
      if (entry.isSymbolicLink()) links.push(rel(full));
      else if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(rel(full));
      else others.push(rel(full));
    }
  };
  if (existsSync(root)) walk(root);
  return { files: files.sort(), links: links.sort(), others: others.sort() };
}

/**
 * Whether Argosy wrote `file`, from its first line only: files the user keeps in the output
 * tree are never read into memory, however large. One that cannot be opened is not Argosy's
 * (Argosy writes readable files).
 */
function isGenerated(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(HEADER.length);
    const n = readSync(fd, head, 0, head.length, 0);
    return n === HEADER.length && head.equals(HEADER);
  } finally {
    closeSync(fd);
  }
}

/** Whether a generated file already holds `content`, reading it only when the sizes match. */
function holds(file: string, content: string): boolean {
  return statSync(file).size === Buffer.byteLength(content) && readFileSync(file, 'utf8') === content;
}

/** The first of a path and its parent directories (outermost first) that is in `set`. */
function onPath(path: string, set: ReadonlySet<string>): string | undefined {
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    if (set.has(prefix)) return prefix;
  }
  return undefined;
}

/**
 * The directory to write: `outDir` itself, or the directory it links to when `outDir` is a
 * symlink (a `dist` pointing at a shared checkout stays a link, its target gets the files).
 */
function outputRoot(outDir: string): string {
  const abs = resolve(outDir);
  let stat;
  try {
    stat = lstatSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return abs;
    throw new WriteError(fsProblem(e, outDir));
  }
  if (stat.isSymbolicLink()) {
    let target: string;
    try {
      target = realpathSync(abs);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new WriteError(fsProblem(e, outDir));
      throw new WriteError(
        `${outDir}: the output directory is a symlink to nothing (got ${readlinkSync(abs)}). Create its target or pass --out <dir>.`,
      );
    }
    if (!statSync(target).isDirectory())
      throw new WriteError(
        `${outDir}: the output directory is a symlink to a file (got ${target}). Point it at a directory or pass --out <dir>.`,
      );
    return target;
  }
  if (!stat.isDirectory())
    throw new WriteError(
      `${outDir}: the output path exists and is not a directory (got a file). Move it away or pass --out <dir>.`,
    );
  return abs;
}

/** The changes that bring the tree at `root` to `files`; a path Argosy may not write is an error. */
function plan(outDir: string, root: string, files: readonly SynthFile[]): Op[] {
  const tree = scan(root);
  const links = new Set(tree.links);
  const onDisk = new Set(tree.files);
  const generated = new Set(tree.files.filter((p) => isGenerated(join(root, p))));
  const theirs = new Set([...tree.files.filter((p) => !generated.has(p)), ...tree.others]);
  const ops: Op[] = [];
  for (const f of files) {
    const link = onPath(f.path, links);
    if (link !== undefined)
      throw new WriteError(
        `${join(outDir, link)}: is a symlink where Argosy writes ${f.path} (got a link to ${readlinkSync(join(root, link))}). Replace it with a real ${link === f.path ? 'file' : 'directory'} or remove it; Argosy never writes through symlinks.`,
      );
    const user = onPath(f.path, theirs);
    if (user !== undefined)
      throw new WriteError(
        `${join(outDir, user)}: file exists and was not generated by Argosy (got ${onDisk.has(user) ? `no "${GENERATED_HEADER.split(' from ')[0]} ..." first line` : 'a FIFO, socket or device'}). Move it away or rename the object; if Argosy wrote it and its header line was removed, delete it. Argosy never overwrites files it did not write.`,
      );
    const target = join(root, f.path);
    if (!generated.has(f.path)) {
      if (existsSync(target))
        throw new WriteError(
          `${join(outDir, f.path)}: a directory is where Argosy writes a file (got a directory). Move it away or rename the object.`,
        );
      ops.push({ op: 'create', path: f.path, content: f.content });
    } else if (!holds(target, f.content))
      ops.push({ op: 'replace', path: f.path, content: f.content, seen: seenOf(target) });
  }
  const wanted = new Set(files.map((f) => f.path));
  for (const p of [...generated].filter((x) => !wanted.has(x)))
    ops.push({ op: 'remove', path: p, seen: seenOf(join(root, p)) });
  return ops;
}

const asDiff = (ops: readonly Op[]): TreeDiff => ({
  stale: ops.filter((o) => o.op === 'replace').map((o) => o.path),
  missing: ops.filter((o) => o.op === 'create').map((o) => o.path),
  extra: ops.filter((o) => o.op === 'remove').map((o) => o.path),
});

/**
 * Compares the desired files with what is on disk, touching nothing. A path Argosy could not
 * write (a user's file or symlink there) fails exactly as {@link writeTree} would.
 *
 * @example
 * ```ts
 * diffTree('dist', files).stale; // ['prod/app/deployment.yaml']
 * ```
 */
export function diffTree(outDir: string, files: readonly SynthFile[]): TreeDiff {
  return asDiff(plan(outDir, outputRoot(outDir), files));
}

/** Every directory a write changes must let us add and remove entries: checked before any change. */
function preflight(outDir: string, root: string, ops: readonly Op[]): void {
  const dirs = new Set<string>(['.']);
  for (const o of ops) {
    let d = dirname(o.path);
    while (d !== '.' && !existsSync(join(root, d))) d = dirname(d);
    dirs.add(d);
  }
  for (const d of [...dirs].sort()) {
    const abs = d === '.' ? root : join(root, d);
    try {
      accessSync(abs, constants.W_OK | constants.X_OK);
    } catch (e) {
      const mode = (statSync(abs).mode & 0o777).toString(8);
      throw new WriteError(
        `${d === '.' ? outDir : join(outDir, d)}: directory is not writable (got mode ${mode}, ${(e as NodeJS.ErrnoException).code ?? 'refused'}). Make it writable (chmod u+w) or pass --out <dir>; nothing was changed.`,
      );
    }
  }
}

/**
 * Brings the generated part of `outDir` up to date in place, all-or-nothing: only generated
 * files that change are written, the directory and every other file keep their inode and
 * mtime, and files Argosy did not write are never read, moved or removed. A lock file keeps two
 * writes from interleaving; a write that fails, or finds the tree changed under it, puts the
 * previous tree back. Argosy never writes through a symlink.
 *
 * @example
 * ```ts
 * writeTree('dist', files); // { stale: [...], missing: [...], extra: [...] }
 * ```
 */
export function writeTree(outDir: string, files: readonly SynthFile[]): WriteResult {
  const root = outputRoot(outDir);
  const pending = plan(outDir, root, files);
  const leftovers = existsSync(root) && readdirSync(root).some((n) => n === LOCK_FILE || TXN_DIR.test(n));
  if (pending.length === 0 && !leftovers) return asDiff(pending);
  const created = existsSync(root) ? undefined : mkdirRoot(outDir, root);
  try {
    return locked(outDir, root, files, pending);
  } catch (e) {
    // A directory made for a write that did not happen is not left behind.
    if (created) rmSync(created, { recursive: true, force: true });
    throw e;
  }
}

/** Creates the output directory and its missing parents; returns the outermost one created. */
function mkdirRoot(outDir: string, root: string): string {
  let top = root;
  while (!existsSync(dirname(top))) top = dirname(top);
  try {
    mkdirSync(root, { recursive: true });
  } catch (e) {
    const at = (e as NodeJS.ErrnoException).path;
    throw new WriteError(fsProblem(e, at ? relative(process.cwd(), at) || at : outDir));
  }
  return top;
}

function locked(outDir: string, root: string, files: readonly SynthFile[], pending: readonly Op[]): WriteResult {
  preflight(outDir, root, pending);
  const notes: string[] = [];
  let release: () => void;
  try {
    release = acquireLock(root, notes);
  } catch (e) {
    throw new WriteError(e instanceof LockedError ? `${e.message}.` : fsProblem(e, join(outDir, LOCK_FILE)));
  }
  try {
    notes.push(...recoverTransactions(root));
    // Planned again under the lock: what another run or the recovery changed is seen.
    const ops = plan(outDir, root, files);
    preflight(outDir, root, ops);
    if (ops.length > 0) commit(root, ops);
    return notes.length > 0 ? { ...asDiff(ops), notes } : asDiff(ops);
  } catch (e) {
    if (e instanceof WriteError) throw e;
    if (e instanceof ChangedMeanwhile)
      throw new WriteError(`${join(outDir, e.path)}: ${e.problem}; nothing was changed.`);
    const path = (e as NodeJS.ErrnoException).path;
    throw new WriteError(
      `${fsProblem(e, path ? relative(dirname(root), path) : outDir).replace(/\.$/, '')}; the previous tree was put back.`,
    );
  } finally {
    release();
  }
}
