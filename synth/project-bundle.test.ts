import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledProject, processConditions } from './project-bundle.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A throwaway ESM TypeScript project: `files` by relative path, plus an empty cache directory beside it. */
function project(files: Record<string, string>): { dir: string; cache: string; entry: string } {
  const base = mkdtempSync(join(tmpdir(), 'argosy-bundle-'));
  const dir = join(base, 'project');
  for (const [path, text] of Object.entries({ 'package.json': '{ "type": "module" }', ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, cache: join(base, 'cache'), entry: join(dir, 'index.ts') };
}

const bundleText = (url: string): string => readFileSync(fileURLToPath(url), 'utf8');

describe('bundledProject', () => {
  const twoFiles = {
    'index.ts': "import { greeting } from './greeting.ts';\nexport default { kind: 'project', greeting };\n",
    'greeting.ts': "export const greeting: string = 'hello';\n",
  };

  it('GIVEN a project bundled once WHEN nothing changed THEN the cached bundle is reused (a missing cache directory is created)', async () => {
    const p = project(twoFiles);
    const first = await bundledProject(p.entry, { cacheDir: p.cache, conditions: [] });
    expect(first?.reused).toBe(false);
    expect(bundleText(first!.url)).toContain('"hello"');
    const second = await bundledProject(p.entry, { cacheDir: p.cache, conditions: [] });
    expect(second).toEqual({ url: first!.url, reused: true });
  });

  it('GIVEN a cached bundle WHEN an imported file is edited THEN it is rebuilt with the new content, under a new URL', async () => {
    const p = project(twoFiles);
    const first = await bundledProject(p.entry, { cacheDir: p.cache, conditions: [] });
    writeFileSync(join(p.dir, 'greeting.ts'), "export const greeting: string = 'bonjour';\n");
    const second = await bundledProject(p.entry, { cacheDir: p.cache, conditions: [] });
    expect(second?.reused).toBe(false);
    expect(second!.url).not.toBe(first!.url);
    expect(bundleText(second!.url)).toContain('"bonjour"');
  });

  it('GIVEN a cached bundle WHEN a tsconfig.json appears beside the project THEN it is rebuilt (configuration decides resolution)', async () => {
    const p = project(twoFiles);
    await bundledProject(p.entry, { cacheDir: p.cache, conditions: [] });
    writeFileSync(join(p.dir, 'tsconfig.json'), '{}');
    expect((await bundledProject(p.entry, { cacheDir: p.cache, conditions: [] }))?.reused).toBe(false);
  });

  it('GIVEN a package and a tsconfig paths alias WHEN bundled THEN the package is imported by its resolved URL and the aliased file is bundled', async () => {
    const p = project({
      'index.ts': "import { v } from 'pkg';\nimport { w } from '@app/w.ts';\nexport default [v, w];\n",
      'src/w.ts': "export const w = 'aliased';\n",
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@app/*": ["./src/*"] } } }',
      'node_modules/pkg/package.json': '{ "name": "pkg", "type": "module", "exports": "./index.js" }',
      'node_modules/pkg/index.js': "export const v = 'from the package';\n",
    });
    const text = bundleText((await bundledProject(p.entry, { cacheDir: p.cache, conditions: [] }))!.url);
    expect(text).toContain(`from "file://${join(p.dir, 'node_modules/pkg/index.js')}"`);
    expect(text).not.toContain('from the package');
    expect(text).toContain('"aliased"');
  });

  it('GIVEN a cached bundle WHEN the bundle file was damaged THEN it is rebuilt', async () => {
    const p = project(twoFiles);
    const first = await bundledProject(p.entry, { cacheDir: p.cache, conditions: [] });
    writeFileSync(fileURLToPath(first!.url), 'export default {');
    const second = await bundledProject(p.entry, { cacheDir: p.cache, conditions: [] });
    expect(second?.reused).toBe(false);
    expect(bundleText(second!.url)).toContain('"hello"');
  });

  it('GIVEN the bundle of a project that was deleted WHEN another project is bundled THEN its manifest is removed', async () => {
    const gone = project(twoFiles);
    const kept = project(twoFiles);
    await bundledProject(gone.entry, { cacheDir: kept.cache, conditions: [] });
    rmSync(gone.dir, { recursive: true });
    await bundledProject(kept.entry, { cacheDir: kept.cache, conditions: [] });
    const manifests = readdirSync(kept.cache).filter((f) => f.endsWith('.json'));
    expect(
      manifests.map((f) => (JSON.parse(readFileSync(join(kept.cache, f), 'utf8')) as { entry: string }).entry),
    ).toEqual([kept.entry]);
  });

  it('GIVEN a cache directory that cannot be created WHEN bundling THEN undefined (the caller loads module by module)', async () => {
    const p = project(twoFiles);
    writeFileSync(join(p.dir, 'not-a-dir'), '');
    expect(await bundledProject(p.entry, { cacheDir: join(p.dir, 'not-a-dir', 'cache'), conditions: [] })).toBe(
      undefined,
    );
  });

  it('GIVEN files a bundle cannot reproduce WHEN bundling THEN undefined', async () => {
    const cases: Record<string, string>[] = [
      { 'index.ts': "const name = './x.ts';\nexport default await import(name);\n" },
      { 'index.ts': "export default require('./x.cjs');\n" },
      { 'index.ts': 'export default __dirname;\n' },
      { 'index.ts': "export default import.meta.resolve('./x.ts');\n" },
      { 'package.json': '{}', 'index.ts': 'export default 1;\n' }, // CommonJS scope
      { 'index.ts': 'export default {;\n' }, // a syntax error: tsx reports it
    ];
    for (const files of cases) {
      const p = project(files);
      expect(await bundledProject(p.entry, { cacheDir: p.cache, conditions: [] }), JSON.stringify(files)).toBe(
        undefined,
      );
    }
  });

  it("GIVEN a file that reads import.meta WHEN bundled THEN it sees its own URL, not the bundle's", async () => {
    const p = project({ 'index.ts': "import { here } from './sub/here.ts';\nexport default here;\n" });
    mkdirSync(join(p.dir, 'sub'));
    writeFileSync(join(p.dir, 'sub/here.ts'), 'export const here = [import.meta.url, import.meta.dirname];\n');
    const b = await bundledProject(p.entry, { cacheDir: p.cache, conditions: [] });
    const text = bundleText(b!.url);
    expect(text).toContain(JSON.stringify(`file://${join(p.dir, 'sub/here.ts')}`));
    expect(text).toContain(JSON.stringify(join(p.dir, 'sub')));
    expect(text).not.toContain('import.meta');
  });

  it('GIVEN Node options WHEN reading the conditions THEN every spelling of --conditions counts', () => {
    expect(processConditions(['--conditions=a', '-C', 'b', '--import', 'tsx'], '--conditions c -C=d')).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });
});

describe('argosy synth of a TypeScript project through its cached bundle', () => {
  it('GIVEN a synthesized project WHEN a file it imports is edited THEN the next synth writes the edited output', () => {
    const p = project({
      'index.ts': [
        "import { app, component, cron, environment, pipeline, project, schedule } from 'argosy';",
        "import { readFileSync } from 'node:fs';",
        "import { text } from './text.ts';",
        "const say = component('say', { image: 'busybox:1.36', inputs: {}, outputs: {},",
        "  command: () => ['sh', '-c', readFileSync(new URL('./say.sh', import.meta.url), 'utf8') + text] });",
        "const hello = pipeline('hello', {}, (p) => { p.task('say', say, {}); });",
        "export default project('small', { environments: [environment('dev', { namespace: 'dev' })],",
        "  apps: [app('greetings', { schedules: [schedule(hello, { cron: cron.daily({ hour: 6 }) })] })] });",
        '',
      ].join('\n'),
      'text.ts': "export const text = 'hello';\n",
      'say.sh': 'echo ',
    });
    mkdirSync(join(p.dir, 'node_modules'));
    symlinkSync(ROOT, join(p.dir, 'node_modules/argosy'));
    const synth = (): string => {
      const r = spawnSync(process.execPath, [join(ROOT, 'synth/bin.mjs'), 'synth', '--app', 'index.ts'], {
        cwd: p.dir,
        encoding: 'utf8',
        env: { ...process.env, XDG_CACHE_HOME: p.cache, ARGOSY_PROJECT_BUNDLE: '' },
      });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(join(p.dir, 'dist/dev/greetings/workflowtemplate.hello.yaml'), 'utf8');
    };
    expect(synth()).toContain('echo hello');
    expect(readdirSync(join(p.cache, 'argosy/projects')).filter((f) => f.endsWith('.mjs'))).toHaveLength(1);
    writeFileSync(join(p.dir, 'text.ts'), "export const text = 'bonjour';\n");
    expect(synth()).toContain('echo bonjour');
  });
});
