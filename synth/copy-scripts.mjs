// Part of `npm run build`: copies the Python scripts the component library inlines
// (`readScript('x.py')` in components/library/*.ts) to build/components/scripts/, where the
// compiled modules look for them. Only those: the reference project's scripts and tests stay out.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const lib = new URL('../components/library/', import.meta.url);
const from = new URL('../components/scripts/', import.meta.url);
const to = new URL('../build/components/scripts/', import.meta.url);
const scripts = new Set(
  readdirSync(lib)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .flatMap((f) => [...readFileSync(new URL(f, lib), 'utf8').matchAll(/readScript\('([^']+)'\)/g)].map((m) => m[1])),
);
mkdirSync(to, { recursive: true });
for (const s of scripts) copyFileSync(new URL(s, from), new URL(s, to));
console.log(`copied ${scripts.size} component scripts to build/components/scripts/`);
// The build's finish time: synth/bin.mjs in a source checkout runs the sources when any is newer
// (tsc's incremental .tsbuildinfo is not rewritten when nothing changed, so it cannot serve).
writeFileSync(new URL('../build/.built', import.meta.url), `${new Date().toISOString()}\n`);
