import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../shared-dir.ts';
import { cacheRoot, progress, shortHash } from './cache.ts';

const REQUIREMENTS = join(ROOT, 'test', 'peers', 'requirements.txt');

function run(cmd: string, args: readonly string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0)
    throw new Error(
      `${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}):\n${(r.stderr || r.stdout || '').trim().split('\n').slice(-20).join('\n')}`,
    );
  return r.stdout;
}

/** The first python3 that can make a venv (ARGOSY_PEERS_PYTHON to choose). */
function basePython(): string {
  const candidates = [process.env.ARGOSY_PEERS_PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string =>
    Boolean(c),
  );
  for (const c of candidates)
    if (spawnSync(c, ['-c', 'import venv, ensurepip'], { encoding: 'utf8' }).status === 0) return c;
  throw new Error(
    `no python3 with venv and ensurepip found (tried ${candidates.join(', ')}). Install python3-venv (apt-get install python3-venv) or set ARGOSY_PEERS_PYTHON`,
  );
}

/**
 * The Python of a venv with test/peers/requirements.txt installed (the KFP SDK and Hera), made
 * once from PyPI and cached under `<cache>/venv/<hash of the requirements and the Python version>`.
 */
export function peersPython(): string {
  const base = basePython();
  const version = run(base, ['-c', 'import sys; print(sys.version)']).trim();
  const dir = join(cacheRoot(), 'venv', `peers-${shortHash(readFileSync(REQUIREMENTS), version)}`);
  const python = join(dir, 'bin', 'python');
  const done = join(dir, '.argosy-complete');
  if (existsSync(done)) return python;
  rmSync(dir, { recursive: true, force: true });
  const started = Date.now();
  progress(`creating the peers venv (kfp, hera) from test/peers/requirements.txt in ${dir} (minutes; cached after)…`);
  run(base, ['-m', 'venv', dir]);
  run(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '-q', '-r', REQUIREMENTS]);
  writeFileSync(done, `${new Date().toISOString()}\n`);
  progress(`created the peers venv in ${Math.round((Date.now() - started) / 1000)} s`);
  return python;
}
