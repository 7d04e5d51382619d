import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { CRD_MODULES, crdDir, generateModule } from './crd-types.ts';

/** The project root and the folder every generated module lives in. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const IMPORTS_DIR = resolve(ROOT, 'charts', 'imports');

/** Every generated module by file name, formatted as `npm run format` would. */
export async function generatedModules(): Promise<Map<string, string>> {
  const crds = crdDir(ROOT);
  const options = (await resolveConfig(resolve(IMPORTS_DIR, 'x.ts'))) ?? {};
  const out = new Map<string, string>();
  for (const m of CRD_MODULES) {
    const text = await generateModule(crds, m);
    out.set(m.file, await format(text, { ...options, parser: 'typescript' }));
  }
  return out;
}

// `npm run gen:types`: rewrites charts/imports/ from ../shared/crds.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const modules = await generatedModules();
    mkdirSync(IMPORTS_DIR, { recursive: true });
    for (const f of readdirSync(IMPORTS_DIR)) if (f.endsWith('.ts') && !modules.has(f)) rmSync(resolve(IMPORTS_DIR, f));
    for (const [file, text] of modules) {
      writeFileSync(resolve(IMPORTS_DIR, file), text);
      console.log(`✓ charts/imports/${file} (${text.split('\n').length} lines)`);
    }
  } catch (e) {
    console.error(`✗ ${(e as Error).message}`);
    process.exit(1);
  }
}
