import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

export interface SourceFile {
  /** Path relative to the project root, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

const BUILTINS = new Set(builtinModules);
const FORBIDDEN_IN_DSL = ['cdk8s', 'cdk8s-plus-27', 'constructs', 'js-yaml', 'yaml'];

/** Every module specifier a file imports or re-exports (static and dynamic). */
export function importsOf(text: string): string[] {
  const specs: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of text.matchAll(re)) specs.push(m[1] as string);
  return specs;
}

const isTest = (p: string) => /\.test(-d)?\.ts$/.test(p) || p.includes('/__typetests__/');
const layerOf = (p: string) => p.split('/')[0] as string;

/** Checks the layer rules of docs/architecture.md; returns one message per violation. */
export function checkLayers(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const f of files) {
    if (isTest(f.path)) continue;
    const layer = layerOf(f.path);
    for (const spec of importsOf(f.text)) {
      const target = spec.startsWith('.') ? relative('.', join(dirname(f.path), spec)).split('\\').join('/') : undefined;
      const bare = spec.replace(/^node:/, '').split('/')[0] as string;
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string);
      if (layer === 'dsl') {
        if (target && !target.startsWith('dsl/')) problems.push(`${f.path}: dsl/ must not import outside dsl/ (got ${spec}). Move the dependency into dsl/ or invert it.`);
        if (!target && (spec.startsWith('node:') || BUILTINS.has(bare) || FORBIDDEN_IN_DSL.includes(pkg))) problems.push(`${f.path}: dsl/ must stay pure (got import of ${spec}). Keep cdk8s, YAML, node built-ins and I/O in charts/ or synth/.`);
      }
      if (layer === 'charts' && target) {
        const allowed = target.startsWith('charts/') || target.startsWith('dsl/ir/') || target === 'dsl/errors.ts';
        if (!allowed) problems.push(`${f.path}: charts/ may only import dsl/ir/** and dsl/errors.ts, never builders or other layers (got ${spec}). Read the IR instead.`);
      }
      if ((layer === 'components' || layer === 'pipelines') && target && (target.startsWith('charts/') || target.startsWith('synth/'))) {
        problems.push(`${f.path}: ${layer}/ is user code built on dsl/ and must not import ${layerOf(target)}/ (got ${spec}).`);
      }
    }
    if (layer === 'dsl' && /\bprocess\.env\b/.test(f.text)) problems.push(`${f.path}: dsl/ must not read process.env (got process.env). Pass configuration in explicitly.`);
  }
  return problems;
}

/** Reads every .ts file of the given top-level folders. */
export function readSources(root: string, folders: readonly string[]): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (name === 'node_modules') continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts')) out.push({ path: relative(root, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  for (const f of folders) walk(resolve(root, f));
  return out;
}
