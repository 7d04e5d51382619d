import { existsSync, readFileSync } from 'node:fs';

// synth/version.ts in a source checkout, build/synth/version.js when compiled: package.json is one
// or two folders up.
const PACKAGE_JSON = ['../package.json', '../../package.json']
  .map((p) => new URL(p, import.meta.url))
  .find((u) => existsSync(u) && (JSON.parse(readFileSync(u, 'utf8')) as { name?: string }).name === 'argosy');

/** Argosy's own version, read once from package.json (recorded as KFP `sdkVersion: argosy-<version>`). */
export const ARGOSY_VERSION: string = (
  JSON.parse(readFileSync(PACKAGE_JSON ?? new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
