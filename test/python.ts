import { spawnSync } from 'node:child_process';

let cached: string | undefined;

/**
 * The Python interpreter for script-component tests: ARGOSY_PYTHON, else the first of `python3`
 * and `/usr/bin/python3` that imports numpy and scipy (.ci/run installs Debian's python3-numpy
 * and python3-scipy when none does). Throws with a fix when there is none.
 */
export function python(): string {
  if (cached) return cached;
  const candidates = [process.env.ARGOSY_PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => Boolean(c));
  for (const c of candidates) {
    const r = spawnSync(c, ['-c', 'import numpy, scipy'], { encoding: 'utf8' });
    if (r.status === 0) return (cached = c);
  }
  throw new Error(
    `no python3 with numpy and scipy found (tried ${candidates.join(', ')}). Install them: apt-get install python3-numpy python3-scipy, or set ARGOSY_PYTHON.`,
  );
}
