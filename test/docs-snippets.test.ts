import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project } from '../dsl/index.ts';
import { synthesize } from '../synth/engine.ts';
import { GENERATED_HEADER } from '../synth/serialize.ts';
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
    synthCache.set(key, new Map(files.map((f) => [f.path.split('/').pop() as string, f.content.replace(`${GENERATED_HEADER}\n`, '')])));
  }
  return synthCache.get(key)?.get(file);
}

describe('YAML in the docs matches the synthesizer', () => {
  const snippets = DOCS.flatMap((doc) => [...readFileSync(resolve(ROOT, doc), 'utf8').matchAll(MARKER)].map((m) => ({ doc, module: m[1] as string, backend: m[2] as 'argo' | 'kfp', file: m[3] as string, excerpt: Boolean(m[4]), text: m[5] as string })));

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
