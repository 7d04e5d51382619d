import { fileURLToPath } from 'node:url';
import pkg from '../package.json' with { type: 'json' };

type Exports = Record<string, string | Record<string, string>>;

/**
 * Vitest aliases for the package self-reference: `import 'argosy'` (and `argosy/testing`,
 * `argosy/components`, ...) in the reference project and the tests resolve to the TypeScript
 * sources, the `argosy-source` condition of package.json's `exports` (tsc reads the same condition
 * through `customConditions`), so tests never depend on a stale build/.
 *
 * @example
 * ```ts
 * export default defineConfig({ resolve: { alias: selfReferenceAliases() }, test: { ... } });
 * ```
 */
export function selfReferenceAliases(): { find: RegExp; replacement: string }[] {
  return Object.entries(pkg.exports as Exports).flatMap(([sub, target]) => {
    const source = typeof target === 'object' ? target['argosy-source'] : undefined;
    if (!source) return [];
    const name = sub === '.' ? 'argosy' : `argosy/${sub.slice(2)}`;
    return [{ find: new RegExp(`^${name}$`), replacement: fileURLToPath(new URL(`../${source}`, import.meta.url)) }];
  });
}
