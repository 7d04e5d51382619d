import { readFileSync } from 'node:fs';

/**
 * Reads a script that lives in components/scripts/, at definition time, so its text is inlined
 * into the component (Argo `script.source`) and reviewed as a normal file in pull requests.
 *
 * @example
 * ```ts
 * script: { source: readScript('champion_gate.py') }
 * ```
 */
export function readScript(fileName: string): string {
  return readFileSync(new URL(`./scripts/${fileName}`, import.meta.url), 'utf8');
}
