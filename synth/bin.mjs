#!/usr/bin/env node
// The `argosy` command. It runs the compiled CLI in build/ (what the package ships, built by
// `npm run build`): no TypeScript loader for Argosy's own code; one is registered later, only to
// load the user's project file. A source checkout without build/ (e.g. the base revision
// `argosy diff` checks out), or ARGOSY_SOURCE=1 (this repository's tests), runs the TypeScript
// sources through tsx instead, with the `argosy-source` export condition so `import 'argosy'`
// resolves to dsl/index.ts. So does a checkout whose sources changed after the last build: a stale
// build/ must never answer for edited code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../build/synth/cli.js', import.meta.url);
const args = process.argv.slice(2);

/** True when this is a source checkout (the package ships no .ts) with a source newer than build/. */
function buildIsStale() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (!existsSync(`${root}synth/cli.ts`)) return false;
  let built;
  try {
    built = statSync(`${root}build/.built`).mtimeMs;
  } catch {
    return true;
  }
  const newer = (dir) =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory()
        ? newer(`${dir}/${e.name}`)
        : /\.(ts|py)$/.test(e.name) && statSync(`${dir}/${e.name}`).mtimeMs > built,
    );
  return ['dsl', 'charts', 'synth', 'components/library', 'components/scripts'].some(
    (d) => existsSync(root + d) && newer(root + d),
  );
}

if (process.env.ARGOSY_SOURCE_CHILD === '1') {
  const { main } = await import('./cli.ts');
  process.exitCode = await main(args);
} else if (process.env.ARGOSY_SOURCE !== '1' && existsSync(compiled) && !buildIsStale()) {
  const { main } = await import(compiled.href);
  process.exitCode = await main(args);
} else {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(
    process.execPath,
    // tsx as Argosy resolves it: the project in the working directory may have no node_modules.
    ['--conditions=argosy-source', '--import', import.meta.resolve('tsx'), fileURLToPath(import.meta.url), ...args],
    { stdio: 'inherit', env: { ...process.env, ARGOSY_SOURCE_CHILD: '1' } },
  );
  process.exitCode = r.status ?? 1;
}
