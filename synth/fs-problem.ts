/**
 * Turns a file-system error into the CLI's message form, `<path>: <problem> (got <value>).
 * <fix>.`, so a user never reads a raw `EACCES: permission denied, unlink ...`.
 */
const PROBLEMS: Readonly<Record<string, readonly [problem: string, fix: string]>> = {
  EACCES: [
    'permission denied',
    'Make it writable for you (chmod u+rwx on directories, u+rw on files) or pass --out <dir>',
  ],
  EPERM: ['operation not permitted', 'Make it writable for you (and not immutable) or pass --out <dir>'],
  EROFS: ['the file system is read-only', 'Pass --out <dir> on a writable file system'],
  ENOTDIR: ['a part of the path is a file, not a directory', 'Move that file away or pass --out <dir>'],
  ELOOP: ['a symlink loop', 'Fix or remove the link, or pass --out <dir>'],
  ENOSPC: ['no space left on the device', 'Free some space and run again; nothing was changed'],
  EDQUOT: ['disk quota exceeded', 'Free some space and run again; nothing was changed'],
  ENAMETOOLONG: ['the path is too long', 'Pass a shorter --out <dir>'],
  EEXIST: ['already exists', 'Move it away and run again'],
  ENOENT: ['does not exist', 'Create it, or pass --out <dir>'],
  EBUSY: ['is busy', 'Close what holds it and run again'],
  EXDEV: ['crosses file systems', 'Keep the output directory on one file system'],
};

/**
 * The readable message of an fs error about `path` (`e.path` when the error names one).
 *
 * @example
 * ```ts
 * fsProblem(Object.assign(new Error('x'), { code: 'EACCES' }), 'dist/prod');
 * // 'dist/prod: permission denied (got EACCES). Make it writable for you ...'
 * ```
 */
export function fsProblem(e: unknown, path: string): string {
  const err = e as NodeJS.ErrnoException;
  const code = err?.code ?? 'error';
  const [problem, fix] = PROBLEMS[code] ?? [
    `the system refused (${(err?.message ?? String(e)).split('\n')[0]})`,
    'Check the path and run again',
  ];
  return `${path}: ${problem} (got ${code}). ${fix}.`;
}
