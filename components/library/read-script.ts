import { readFileSync } from 'node:fs';

/**
 * Reads a script of the component library, at definition time, so its text is inlined into the
 * component (Argo `script.source`). The scripts live in components/scripts/ beside the reference
 * project's own; `npm run build` copies the library's to build/components/scripts/, the same
 * place relative to the compiled modules.
 *
 * @example
 * ```ts
 * script: { source: readScript('champion_gate.py') }
 * ```
 */
export function readScript(fileName: string): string {
  return readFileSync(new URL(`../scripts/${fileName}`, import.meta.url), 'utf8');
}
