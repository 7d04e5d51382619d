import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The uid and gid the tests drop to when run as root (nobody/nogroup). */
export const NOBODY = 65534;

const ROOT = resolve(import.meta.dirname, '..');

/**
 * A temporary directory the unprivileged user owns, for permission tests. Root ignores mode
 * bits, so what a read-only directory does to a real user is only seen by running as one.
 *
 * @example
 * ```ts
 * const dir = userDir();
 * ```
 */
export function userDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'argosy-user-'));
  if (process.getuid?.() === 0) chownSync(dir, NOBODY, NOBODY);
  return dir;
}

/**
 * Runs an ES module (TypeScript allowed; `@/` in imports is the repository root) as an
 * unprivileged user: as nobody via `setpriv` when the tests run as root, else as the current
 * user, who is unprivileged already. Returns what the module printed.
 *
 * @example
 * ```ts
 * runUnprivileged(dir, "import { writeTree } from '@/synth/writer.ts'; console.log(1);").stdout; // '1\n'
 * ```
 */
export function runUnprivileged(
  dir: string,
  source: string,
): { status: number | null; stdout: string; stderr: string } {
  const script = join(dir, `.script-${process.pid}.mts`);
  writeFileSync(script, source.replaceAll("'@/", `'${ROOT}/`), { mode: 0o644 });
  const node = [process.execPath, '--import', 'tsx', script];
  const argv =
    process.getuid?.() === 0
      ? ['setpriv', ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', ...node]]
      : [node[0] as string, node.slice(1)];
  const r = spawnSync(argv[0] as string, argv[1] as string[], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
