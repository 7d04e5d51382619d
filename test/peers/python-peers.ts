import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../shared-dir.ts';

export interface PeerRun {
  readonly status: number | null;
  readonly lines: readonly string[];
}

/** Runs one of the peer scripts (test/peers/*.py) with the venv's Python. */
export function runPeer(
  python: string,
  script: 'kfp_load.py' | 'hera_roundtrip.py',
  paths: readonly string[],
): PeerRun {
  const r = spawnSync(python, [join(ROOT, 'test', 'peers', script), ...paths], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // Offline and quiet: nothing may be fetched at run time.
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONWARNINGS: 'ignore' },
  });
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${script} failed (exit ${r.status}):\n${r.stderr}`);
  return { status: r.status, lines: r.stdout.trimEnd().split('\n') };
}
