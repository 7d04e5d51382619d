import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { yamlFilesUnder } from '../../synth/validate/documents.ts';
import { ROOT, sharedDir } from '../shared-dir.ts';

/**
 * The example programs reproduce upstream output, so values (script sources, annotations,
 * arguments) must equal upstream text; comments need not, and the project never copies upstream
 * text. This check flags any comment line of test/argo-examples/*.ts that equals, contains or is
 * contained in an upstream comment line, for lines longer than MIN_LENGTH.
 */
const MIN_LENGTH = 40;

const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Text after `#` where `#` starts a YAML comment: at the line start or after whitespace. */
export function yamlCommentLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /(?:^|\s)#+(.*)$/.exec(line);
    if (m) out.push(normalize(m[1] ?? ''));
  }
  return out;
}

/** Every comment line of a TypeScript file (parsed, so `//` inside strings is not one), with its line number. */
export function tsCommentLines(fileName: string, text: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const seen = new Set<number>();
  const out: { line: number; text: string }[] = [];
  const collect = (ranges: readonly ts.CommentRange[] | undefined): void => {
    for (const r of ranges ?? []) {
      if (seen.has(r.pos)) continue;
      seen.add(r.pos);
      const first = source.getLineAndCharacterOfPosition(r.pos).line + 1;
      text
        .slice(r.pos, r.end)
        .split('\n')
        .forEach((raw, i) => {
          const t = normalize(
            raw
              .replace(/^\s*(\/\/+|\/\*+|\*(?!\/))?/, '')
              .replace(/\*\/\s*$/, '')
              .replace(/^#+/, ''),
          );
          if (t) out.push({ line: first + i, text: t });
        });
    }
  };
  const walk = (node: ts.Node): void => {
    collect(ts.getLeadingCommentRanges(text, node.getFullStart()));
    collect(ts.getTrailingCommentRanges(text, node.getEnd()));
    node.getChildren(source).forEach(walk);
  };
  walk(source);
  return out;
}

describe('Argo example programs do not copy upstream comments', () => {
  const corpus = resolve(sharedDir(), 'corpus', 'argo-examples');
  const upstream = [
    ...new Set(yamlFilesUnder(corpus).flatMap((f) => yamlCommentLines(readFileSync(f, 'utf8')))),
  ].filter((l) => l.length > MIN_LENGTH);
  const programs = resolve(ROOT, 'test', 'argo-examples');

  it('GIVEN the parsers WHEN reading comments THEN strings and template literals are not comments', () => {
    expect(
      tsCommentLines('x.ts', "// a\nconst s = `http://x ${'//'} /* no */`; /* b\n * c */\n").map((c) => c.text),
    ).toEqual(['a', 'b', 'c']);
    expect(yamlCommentLines('a: 1 # one\nurl: http://x#frag\n  # two\n')).toEqual(['one', 'two']);
  });

  it(`GIVEN test/argo-examples/*.ts WHEN compared with ${upstream.length} upstream comment lines THEN none is copied`, () => {
    const copied: string[] = [];
    for (const f of readdirSync(programs)
      .filter((n) => n.endsWith('.ts'))
      .sort()) {
      for (const c of tsCommentLines(f, readFileSync(join(programs, f), 'utf8'))) {
        if (c.text.length <= MIN_LENGTH) continue;
        if (upstream.some((u) => u === c.text || u.includes(c.text) || c.text.includes(u)))
          copied.push(`${f}:${c.line}: ${c.text}`);
      }
    }
    expect(copied).toEqual([]);
  });
});
