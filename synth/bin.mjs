#!/usr/bin/env node
// The `argosy` command. It runs the compiled CLI in build/ (what the package ships, built by
// `npm run build`): no TypeScript loader for Argosy's own code; one is registered later, only to
// load the user's project file. A source checkout without build/ (e.g. the base revision
// `argosy diff` checks out), or ARGOSY_SOURCE=1 (this repository's tests), runs the TypeScript
// sources through tsx instead, with the `argosy-source` export condition so `import 'argosy'`
// resolves to dsl/index.ts.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../build/synth/cli.js', import.meta.url);
const args = process.argv.slice(2);

if (process.env.ARGOSY_SOURCE_CHILD === '1') {
  const { main } = await import('./cli.ts');
  process.exitCode = await main(args);
} else if (process.env.ARGOSY_SOURCE !== '1' && existsSync(compiled)) {
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
