import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project } from '../dsl/index.ts';
import { runSynth } from '../synth/commands/synth.ts';
import { synthesize } from '../synth/engine.ts';
import { GENERATED_HEADER } from '../synth/serialize.ts';
import { captureIO } from './capture-io.ts';
import { UPDATING } from './golden.ts';
import { ROOT } from './shared-dir.ts';

/**
 * YAML shown in the docs must be what Argosy writes. A fenced block preceded by
 * `<!-- snippet: <project module> <argo|kfp> <output file> [excerpt] -->` is compared with that
 * file as synthesized now: equal, or (for `excerpt`) a verbatim run of its lines.
 */
const DOCS = ['README.md', 'docs/kfp.md'];
const MARKER = /<!-- snippet: (\S+) (argo|kfp) (\S+)( excerpt)? -->\s*\n```yaml\n([\s\S]*?)```/g;

const synthCache = new Map<string, Map<string, string>>();
async function outputOf(module: string, backend: 'argo' | 'kfp', file: string): Promise<string | undefined> {
  const key = `${module} ${backend}`;
  if (!synthCache.has(key)) {
    const project = (await import(resolve(ROOT, module))).default as Project;
    const files = synthesize(project, { pipelineBackend: backend, toolVersion: '0.1.0' }).files;
    synthCache.set(
      key,
      new Map(files.map((f) => [f.path.split('/').pop() as string, f.content.replace(`${GENERATED_HEADER}\n`, '')])),
    );
  }
  return synthCache.get(key)?.get(file);
}

describe('YAML in the docs matches the synthesizer', () => {
  const snippets = DOCS.flatMap((doc) =>
    [...readFileSync(resolve(ROOT, doc), 'utf8').matchAll(MARKER)].map((m) => ({
      doc,
      module: m[1] as string,
      backend: m[2] as 'argo' | 'kfp',
      file: m[3] as string,
      excerpt: Boolean(m[4]),
      text: m[5] as string,
    })),
  );

  it('finds the marked snippets', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(2);
  });

  it.each(snippets.map((s) => [`${s.doc}: ${s.file} (${s.backend})`, s] as const))('%s', async (_name, s) => {
    const actual = await outputOf(s.module, s.backend, s.file);
    expect(actual, `${s.module} does not synthesize ${s.file}`).toBeDefined();
    if (s.excerpt) expect(`\n${actual}`, 'the excerpt must be a verbatim run of whole lines').toContain(`\n${s.text}`);
    else expect(s.text).toBe(actual);
  });
});

const README = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

/** The README's block right after `<!-- <marker>: <project module> -->`, and the module. */
function markedBlock(marker: string): { module: string; text: string } {
  const m = new RegExp(`<!-- ${marker}: (\\S+) -->\\s*\\n\`\`\`text\\n([\\s\\S]*?)\`\`\``).exec(README);
  if (!m) throw new Error(`README.md: no block marked <!-- ${marker}: ... -->`);
  return { module: m[1] as string, text: m[2] as string };
}

async function synthesizedPaths(module: string): Promise<string[]> {
  const project = (await import(resolve(ROOT, module))).default as Project;
  return synthesize(project, { toolVersion: '0.1.0' }).files.map((f) => f.path);
}

describe('the tour in README.md matches the synthesizer', () => {
  it('GIVEN the synth output shown THEN its per-app and total file counts are what the project synthesizes', async () => {
    const { module, text } = markedBlock('synth-output');
    const paths = await synthesizedPaths(module);
    const perDir = new Map<string, number>();
    for (const p of paths)
      perDir.set(p.split('/').slice(0, 2).join('/'), (perDir.get(p.split('/').slice(0, 2).join('/')) ?? 0) + 1);
    const shown = [...text.matchAll(/synthesized (\S+) \((\d+) files?\)/g)].map((m) => [m[1], Number(m[2])]);
    expect(shown.length).toBeGreaterThan(0);
    for (const [dir, n] of shown) expect(perDir.get(dir as string), `README.md: synthesized ${dir}`).toBe(n);
    expect(Number(/wrote dist\/: (\d+) files?/.exec(text)?.[1]), 'README.md: the total of `wrote dist/`').toBe(
      paths.length,
    );
  });

  it('GIVEN the output tree excerpt THEN every file and folder it names is synthesized there', async () => {
    const { module, text } = markedBlock('synth-tree');
    const paths = new Set(await synthesizedPaths(module));
    const dirs = new Set(
      [...paths].flatMap((p) =>
        p
          .split('/')
          .slice(0, -1)
          .map((_, i, parts) => `${parts.slice(0, i + 1).join('/')}/`),
      ),
    );
    const stack: string[] = [];
    const named: string[] = [];
    for (const line of text.split('\n').slice(1)) {
      const m = /^([│ ]*)[├└]── (\S+)/.exec(line);
      if (!m || m[2] === '...') continue;
      const depth = (m[1] as string).length / 4;
      stack.length = depth;
      const path = `${stack.join('')}${m[2]}`;
      if (path.endsWith('/')) stack.push(m[2] as string);
      named.push(path);
    }
    expect(named.length).toBeGreaterThan(5);
    for (const p of named) expect(p.endsWith('/') ? dirs.has(p) : paths.has(p), `README.md tree: dist/${p}`).toBe(true);
  });
});

describe('the errors in README.md are the ones Argosy reports', () => {
  it('GIVEN the project with several mistakes THEN argosy synth lists every one of them as the README shows, in its order', async () => {
    const { module, text } = markedBlock('errors-output');
    const shown = text.trimEnd().split('\n');
    expect(shown[0], 'the block starts with the command').toMatch(/^\$ npm run synth -- --app /);
    const io = captureIO();
    const out = join(mkdtempSync(join(tmpdir(), 'argosy-docs-')), 'dist');
    expect(await runSynth({ app: module, out }, io)).toBe(1);
    expect(io.errs).toEqual(shown.slice(1));
    expect(existsSync(out), 'nothing is written').toBe(false);
  });

  it('GIVEN the project with several mistakes THEN each independent one is reported and none twice', () => {
    const { text } = markedBlock('errors-output');
    expect(text).toMatch(/✗ (\d+) mistakes in the project\./);
    const listed = text.split('\n').filter((l) => /^✗ test\//.test(l));
    expect(listed).toHaveLength(Number(/✗ (\d+) mistakes/.exec(text)?.[1]));
    expect(new Set(listed).size).toBe(listed.length);
  });
});

/**
 * TypeScript examples shown in the docs are whole files that compile: a ```ts block after
 * `<!-- example: <file> -->` is that file (type-checked with the rest of the project by `tsc`),
 * its imports of this repository written as a user writes them: `argosy`, `argosy/components`.
 */
const EXAMPLE = /<!-- example: (\S+) -->\n```ts\n([\s\S]*?)```/g;
const asUserWrites = (source: string): string =>
  source
    .replace(/'(?:\.\.\/)+dsl\/index\.ts'/g, "'argosy'")
    .replace(/'(?:\.\.\/)+components\/index\.ts'/g, "'argosy/components'");

describe('TypeScript examples in the docs compile and synthesize', () => {
  const examples = ['README.md', 'docs/deployments.md'].flatMap((doc) =>
    [...readFileSync(resolve(ROOT, doc), 'utf8').matchAll(EXAMPLE)].map((m) => ({
      doc,
      file: m[1] as string,
      text: m[2] as string,
    })),
  );

  it('GIVEN the docs THEN complete examples of abTest() and server() are among them', () => {
    const shown = examples.map((e) => e.text).join('\n');
    expect(shown).toContain('abTest({');
    expect(shown).toContain('server({');
  });

  it('GIVEN each example THEN it is its file verbatim, with package imports (ARGOSY_UPDATE_GOLDEN=1 rewrites it)', () => {
    const stale: string[] = [];
    for (const doc of new Set(examples.map((e) => e.doc))) {
      const text = readFileSync(resolve(ROOT, doc), 'utf8').replace(EXAMPLE, (_all, file: string, body: string) => {
        const fresh = asUserWrites(readFileSync(resolve(ROOT, file), 'utf8'));
        if (fresh !== body) stale.push(`${doc}: ${file}`);
        return `<!-- example: ${file} -->\n\`\`\`ts\n${fresh}\`\`\``;
      });
      if (UPDATING) writeFileSync(resolve(ROOT, doc), text);
    }
    if (!UPDATING) expect(stale, 'examples out of date: run ARGOSY_UPDATE_GOLDEN=1 npm test').toEqual([]);
  });

  it.each(examples.map((e) => [`${e.doc}: ${e.file}`, e] as const))(
    'GIVEN %s THEN its project synthesizes',
    async (_name, e) => {
      const paths = await synthesizedPaths(e.file);
      expect(paths.length).toBeGreaterThan(0);
    },
  );
});

describe('the DSRPMart use-case table', () => {
  it('GIVEN README.md and docs/dsrpmart.md THEN both show the same table (pipelines/use-cases.test.ts checks its facts)', () => {
    const table = (text: string): string => /^\| use case \| app \|[^\n]*\n(?:\|[^\n]*\n)+/m.exec(text)?.[0] ?? '';
    const readme = table(README);
    expect(readme.split('\n').length).toBeGreaterThan(6);
    expect(readme).toBe(table(readFileSync(resolve(ROOT, 'docs', 'dsrpmart.md'), 'utf8')));
  });
});
