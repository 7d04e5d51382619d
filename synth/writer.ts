import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { SynthFile } from './engine.ts';
import { GENERATED_HEADER } from './serialize.ts';

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
  /** Symlinks, to files or directories (kept as links, never read through). */
  readonly links: readonly string[];
  /** Directories with nothing in them (only a user makes those). */
  readonly emptyDirs: readonly string[];
}

function scan(root: string): Tree {
  const files: string[] = [];
  const links: string[] = [];
  const emptyDirs: string[] = [];
  const rel = (full: string): string => relative(root, full).split('\\').join('/');
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true });
    if (entries.length === 0 && dir !== root) emptyDirs.push(rel(dir));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isSymbolicLink()) links.push(rel(full));
      else if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(rel(full));
      else
        throw new WriteError(`${full}: not a regular file, directory or symlink. Move it out of the output directory.`);
    }
  };
  if (existsSync(root)) walk(root);
  return { files: files.sort(), links: links.sort(), emptyDirs: emptyDirs.sort() };
}

function isGenerated(file: string): boolean {
  return readFileSync(file, 'utf8').startsWith(GENERATED_HEADER);
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
  } catch {
    return abs;
  }
  if (stat.isSymbolicLink()) {
    let target: string;
    try {
      target = realpathSync(abs);
    } catch {
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
    throw new WriteError(`${outDir}: the output path exists and is not a directory. Move it away or pass --out <dir>.`);
  return abs;
}

/** Compares the desired files with what is on disk, touching nothing. */
export function diffTree(outDir: string, files: readonly SynthFile[]): TreeDiff {
  const root = outputRoot(outDir);
  const tree = scan(root);
  const links = new Set(tree.links);
  const onDisk = new Set(tree.files);
  const wanted = new Map(files.map((f) => [f.path, f.content]));
  const stale: string[] = [];
  const missing: string[] = [];
  for (const [path, content] of wanted) {
    // A user's symlink where a generated file belongs is never what Argosy would write.
    if (onPath(path, links) !== undefined) stale.push(path);
    else if (!onDisk.has(path)) missing.push(path);
    else if (readFileSync(join(root, path), 'utf8') !== content) stale.push(path);
  }
  const extra = tree.files.filter((p) => !wanted.has(p) && isGenerated(join(root, p)));
  return { stale, missing, extra };
}

const LEFTOVER = /^\.argosy-(tmp|old)-(\d+)$/;

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Cleans up after a run that died mid-write (its process is gone): a half-built
 * `<out>.argosy-tmp-<pid>` is removed; an `<out>.argosy-old-<pid>` is the previous tree, put
 * back when `<out>` is missing (the run died between its two renames), else removed.
 */
function recoverInterrupted(root: string): string[] {
  const parent = dirname(root);
  const base = basename(root);
  if (!existsSync(parent)) return [];
  const leftovers = readdirSync(parent)
    .filter((n) => n.startsWith(`${base}.argosy-`))
    .flatMap((n) => {
      const m = LEFTOVER.exec(n.slice(base.length));
      return m && !isRunning(Number(m[2])) ? [{ path: join(parent, n), kind: m[1] as 'tmp' | 'old' }] : [];
    });
  const notes: string[] = [];
  const olds = leftovers
    .filter((l) => l.kind === 'old')
    .sort((a, b) => statSync(b.path).mtimeMs - statSync(a.path).mtimeMs);
  for (const l of olds) {
    if (!existsSync(root)) {
      renameSync(l.path, root);
      notes.push(`restored ${root} from ${basename(l.path)}, left by a run interrupted while swapping trees`);
    } else {
      rmSync(l.path, { recursive: true, force: true });
      notes.push(`removed ${basename(l.path)}, left by an interrupted run`);
    }
  }
  for (const l of leftovers.filter((x) => x.kind === 'tmp')) {
    rmSync(l.path, { recursive: true, force: true });
    notes.push(`removed ${basename(l.path)}, left by an interrupted run`);
  }
  return notes;
}

/**
 * Replaces the generated part of `outDir` in one step. The new tree is built beside it (files,
 * symlinks and empty directories Argosy did not generate are carried over as they are), then
 * swapped in with two renames, so a failure at any point leaves the previous tree as it was.
 * Argosy never writes through a symlink: a generated file whose path is, or passes through, a
 * link inside the tree is an error.
 */
export function writeTree(outDir: string, files: readonly SynthFile[]): WriteResult {
  const root = outputRoot(outDir);
  const notes = recoverInterrupted(root);
  const withNotes = (d: TreeDiff): WriteResult => (notes.length > 0 ? { ...d, notes } : d);
  const diff = diffTree(root, files);
  if (diff.stale.length === 0 && diff.missing.length === 0 && diff.extra.length === 0) return withNotes(diff);
  const tree = scan(root);
  const links = new Set(tree.links);
  const keep = tree.files.filter((p) => !isGenerated(join(root, p)));
  const kept = new Set(keep);
  for (const f of files) {
    const link = onPath(f.path, links);
    if (link !== undefined) {
      throw new WriteError(
        `${join(outDir, link)}: is a symlink where Argosy writes ${f.path} (got a link to ${readlinkSync(join(root, link))}). Replace it with a real ${link === f.path ? 'file' : 'directory'} or remove it; Argosy never writes through symlinks.`,
      );
    }
  }
  const clash = files.flatMap((f) => onPath(f.path, kept) ?? []);
  if (clash.length > 0) {
    throw new WriteError(
      `${join(outDir, clash[0] as string)}: file exists and was not generated by Argosy (got ${clash.length} such file${clash.length > 1 ? 's' : ''}). Move it away or rename the object; Argosy never overwrites files it did not write.`,
    );
  }
  const tmp = `${root}.argosy-tmp-${process.pid}`;
  const old = `${root}.argosy-old-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const f of files) {
      const target = join(tmp, f.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, f.content);
    }
    for (const p of keep) {
      mkdirSync(dirname(join(tmp, p)), { recursive: true });
      copyFileSync(join(root, p), join(tmp, p));
    }
    for (const p of tree.links) {
      mkdirSync(dirname(join(tmp, p)), { recursive: true });
      symlinkSync(readlinkSync(join(root, p)), join(tmp, p));
    }
    for (const p of tree.emptyDirs) mkdirSync(join(tmp, p), { recursive: true });
    mkdirSync(tmp, { recursive: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const hadRoot = existsSync(root);
  if (hadRoot) renameSync(root, old);
  try {
    mkdirSync(dirname(root), { recursive: true });
    renameSync(tmp, root);
  } catch (e) {
    if (hadRoot) renameSync(old, root);
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  if (hadRoot) rmSync(old, { recursive: true, force: true });
  return withNotes(diff);
}
