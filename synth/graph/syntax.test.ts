// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import mermaid from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../test/shared-dir.ts';

/**
 * Every diagram we commit goes through the real parsers: Mermaid's own (GitHub renders with
 * Mermaid; jsdom stands in for the browser it expects) and Graphviz compiled to WebAssembly.
 */
const files = (dir: string, ext: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name))
    .sort();

const GOLDEN = join(ROOT, 'test', 'golden', 'graph');
const mermaidBlocks = (): { where: string; text: string }[] => [
  ...files(GOLDEN, '.mmd').map((f) => ({ where: relative(ROOT, f), text: readFileSync(f, 'utf8') })),
  ...[...files(join(ROOT, 'docs'), '.md'), join(ROOT, 'README.md')].flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m, i) => ({
      where: `${relative(ROOT, f)} block ${i + 1}`,
      text: m[1] ?? '',
    })),
  ),
];

async function mermaidError(text: string): Promise<string | undefined> {
  try {
    await mermaid.parse(text);
    return undefined;
  } catch (e) {
    return String((e as Error).message ?? e)
      .split('\n')
      .slice(0, 3)
      .join(' ');
  }
}

describe('diagram syntax', () => {
  let graphviz: Graphviz;
  beforeAll(async () => {
    mermaid.initialize({ startOnLoad: false });
    graphviz = await Graphviz.load();
  });

  it('GIVEN broken Mermaid and DOT WHEN parsed THEN both parsers reject them (the checks below can fail)', async () => {
    expect(await mermaidError('flowchart TD\n  a["unclosed] --> b\n')).toMatch(/Parse error/);
    expect(() => graphviz.dot('digraph { a -> ; }')).toThrow(/syntax error/);
  });

  it('GIVEN every committed Mermaid diagram (graph goldens and docs) WHEN parsed by Mermaid THEN none has a syntax error', async () => {
    const blocks = mermaidBlocks();
    expect(blocks.length).toBeGreaterThan(30);
    const errors: string[] = [];
    for (const b of blocks) {
      const error = await mermaidError(b.text);
      if (error) errors.push(`${b.where}: ${error}`);
    }
    expect(errors).toEqual([]);
  });

  it('GIVEN every DOT golden WHEN laid out by Graphviz THEN it is valid', () => {
    const dots = files(GOLDEN, '.dot');
    expect(dots.length).toBeGreaterThan(12);
    const errors = dots.flatMap((f) => {
      try {
        graphviz.dot(readFileSync(f, 'utf8'));
        return [];
      } catch (e) {
        return [`${relative(ROOT, f)}: ${(e as Error).message}`];
      }
    });
    expect(errors).toEqual([]);
  });
});
