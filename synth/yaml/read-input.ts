import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_BYTES } from './limits.ts';

/** A YAML input file read, skipped (not a regular file), or unreadable (with the reason). */
export type InputRead =
  | { readonly kind: 'bytes'; readonly bytes: Buffer }
  | { readonly kind: 'skipped'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

const WHY: Readonly<Record<string, string>> = {
  ELOOP: 'a symlink loop',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such file (a dangling symlink, or removed while reading)',
  EISDIR: 'a directory',
  ENXIO: 'a socket or device without a reader',
};

/**
 * Reads one input file without ever blocking or reading more than {@link MAX_FILE_BYTES}: it is
 * opened non-blocking (a FIFO named `*.yaml` would otherwise wait for a writer forever), and
 * what the opened descriptor is decides: a regular file is read, anything else is skipped with
 * a note, a file over the limit or one that cannot be opened is an error naming the cause.
 *
 * @example
 * ```ts
 * const r = readInputFile('dist/app.yaml');
 * if (r.kind === 'bytes') console.log(r.bytes.length);
 * ```
 */
export function readInputFile(file: string): InputRead {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return {
      kind: 'error',
      message: `cannot be read: ${WHY[code] ?? 'the system refused'} (got ${code}). Fix or remove the file, or leave it out of the paths`,
    };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      return {
        kind: 'skipped',
        message: `skipped: not a regular file (got a ${stat.isFIFO() ? 'FIFO' : stat.isSocket() ? 'socket' : stat.isDirectory() ? 'directory' : 'device'}). Only regular files are read; rename it if it is not meant as YAML input`,
      };
    if (stat.size > MAX_FILE_BYTES) return { kind: 'error', message: tooLarge(stat.size) };
    const bytes = Buffer.alloc(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return { kind: 'bytes', bytes: bytes.subarray(0, at) };
  } finally {
    closeSync(fd);
  }
}

/**
 * The finding for input over {@link MAX_FILE_BYTES}.
 *
 * @example
 * ```ts
 * tooLarge(100 * 1024 * 1024); // 'file is larger than Argosy reads (got 100 MiB ...'
 * ```
 */
export function tooLarge(bytes: number): string {
  return `file is larger than Argosy reads (got ${Math.ceil(bytes / (1024 * 1024))} MiB, the limit is ${MAX_FILE_BYTES / (1024 * 1024)} MiB). Split it: Kubernetes accepts no object over 3 MiB`;
}

/**
 * Decodes UTF-8 strictly: Kubernetes rejects manifests that are not valid UTF-8, where a
 * lenient decoder would silently turn the bad bytes into U+FFFD. A leading BOM is dropped.
 *
 * @example
 * ```ts
 * decodeUtf8(Buffer.from([0x61, 0xff])); // { message: 'not valid UTF-8: ... (got byte 0xff at line 1, column 2) ...' }
 * ```
 */
export function decodeUtf8(bytes: Buffer): { readonly text: string } | { readonly message: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const at = firstInvalid(bytes);
    const before = bytes.subarray(0, at);
    const line = before.filter((b) => b === 0x0a).length + 1;
    const column = at - (before.lastIndexOf(0x0a) + 1) + 1;
    return {
      message: `not valid UTF-8 (got byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at line ${line}, column ${column}). Kubernetes rejects such manifests: save the file as UTF-8`,
    };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalid(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    const seq = bytes.subarray(i, i + len);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(seq);
    } catch {
      return i;
    }
    i += len;
  }
  return bytes.length;
}
