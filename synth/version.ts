import { readFileSync } from 'node:fs';

/** Argosy's own version, read once from package.json (recorded as KFP `sdkVersion: argosy-<version>`). */
export const ARGOSY_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
