import { relative, resolve } from 'node:path';
import type { SynthFile } from '../engine.ts';
import { canonicalize } from '../serialize.ts';
import type { SourceSet } from './documents.ts';

/**
 * The synthesized files as `argosy validate <out>` would read them once written, without
 * writing or parsing anything: each document in its canonical form (the keys, order and
 * values the YAML holds), named by the path it gets under `out`, relative to `cwd`.
 */
export function synthSources(files: readonly SynthFile[], out: string, cwd = process.cwd()): SourceSet {
  return {
    documents: files.flatMap((f) =>
      f.documents.map((d, index) => ({
        file: relative(cwd, resolve(cwd, out, f.path)),
        index,
        object: canonicalize(d),
      })),
    ),
    problems: [],
    files: files.length,
  };
}
