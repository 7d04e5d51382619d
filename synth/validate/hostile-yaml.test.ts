import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIO as capture } from '../../test/capture-io.ts';
import { runValidate } from '../commands/validate.ts';
import { checkExpansion, MAX_FILE_BYTES, YamlLimitError } from '../yaml/limits.ts';
import { loadKubernetesYaml } from '../yaml/load.ts';
import { readSources } from './documents.ts';

/** A "billion laughs" Workflow: 9 levels of 9 aliases each, under 800 bytes, 9^10 strings expanded. */
export function aliasBomb(levels = 10): string {
  const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  return `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: bomb}\nspec:\n  ${lines.join('\n  ')}\n`;
}

const OK = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok, namespace: a}\ndata: {a: b}\n';

function dir(files: Record<string, string | Buffer>): string {
  const d = mkdtempSync(join(tmpdir(), 'argosy-hostile-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

describe('hostile YAML', () => {
  it('GIVEN an alias bomb under 800 bytes WHEN loaded THEN it is rejected as over the expansion limit', () => {
    expect(aliasBomb().length).toBeLessThan(800);
    expect(() => loadKubernetesYaml(aliasBomb())).toThrow(YamlLimitError);
    expect(() => loadKubernetesYaml(aliasBomb())).toThrow(
      /^a document expands to more than 16 MiB once its aliases are resolved \(got an alias bomb/,
    );
  });

  it('GIVEN shared aliases that stay small WHEN loaded THEN they are accepted', () => {
    expect(loadKubernetesYaml(aliasBomb(3)).documents).toHaveLength(1);
    expect(() => checkExpansion({ a: 'x'.repeat(100) }, 50)).toThrow(YamlLimitError);
  });

  it('GIVEN an alias inside the node it names WHEN loaded THEN the cycle is reported, not walked forever', () => {
    expect(() => loadKubernetesYaml('a: &x {b: *x}\n')).toThrow(
      'an alias refers to a node that contains it (got a cycle). Kubernetes cannot represent it: write the value out instead of the alias',
    );
  });

  it('GIVEN an alias bomb WHEN validated THEN it is one finding, exit 1, and the other files are still checked', async () => {
    const io = capture();
    const d = dir({ 'bomb.yaml': aliasBomb(), 'ok.yaml': OK });
    expect(await runValidate(['.'], { skip: ['schema'] }, io, d)).toBe(1);
    expect(io.lines).toContain(
      '    error   yaml/parse: a document expands to more than 16 MiB once its aliases are resolved (got an alias bomb, or an object far over the 3 MiB Kubernetes accepts). Write repeated values out, or use fewer nested aliases',
    );
    expect(io.lines.at(-1)).toMatch(/^✗ 1 object checked: 1 error/);
  });

  it('GIVEN bytes that are not UTF-8 WHEN read THEN the first one is reported with its line and column', () => {
    const d = dir({ 'latin1.yaml': Buffer.concat([Buffer.from(OK), Buffer.from('  x: caf\xe9\n', 'latin1')]) });
    const s = readSources(['.'], d, () => '');
    expect(s.documents).toEqual([]);
    expect(s.problems).toEqual([
      {
        file: 'latin1.yaml',
        severity: 'error',
        message:
          'not valid UTF-8 (got byte 0xe9 at line 5, column 9). Kubernetes rejects such manifests: save the file as UTF-8',
      },
    ]);
  });

  it('GIVEN non-UTF-8 bytes on stdin WHEN read THEN they are reported too', () => {
    const s = readSources(['-'], '/', () => Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]));
    expect(s.problems.map((p) => p.message)).toEqual([
      'not valid UTF-8 (got byte 0xff at line 1, column 4). Kubernetes rejects such manifests: save the file as UTF-8',
    ]);
  });

  it('GIVEN a *.yaml symlink loop and a FIFO WHEN a directory is read THEN each gets its own note and the rest is read', () => {
    const d = dir({ 'ok.yaml': OK });
    symlinkSync('loop.yaml', join(d, 'loop.yaml'));
    execFileSync('mkfifo', [join(d, 'pipe.yaml')]);
    const s = readSources(['.'], d, () => '');
    expect(s.documents).toHaveLength(1);
    expect(s.problems).toEqual([
      {
        file: 'loop.yaml',
        severity: 'error',
        message: 'cannot be read: a symlink loop (got ELOOP). Fix or remove the file, or leave it out of the paths',
      },
      {
        file: 'pipe.yaml',
        severity: 'warning',
        message:
          'skipped: not a regular file (got a FIFO). Only regular files are read; rename it if it is not meant as YAML input',
      },
    ]);
  });

  it('GIVEN a file over the size limit WHEN read THEN it is reported without being read', () => {
    const d = dir({ 'huge.yaml': '' });
    truncateSync(join(d, 'huge.yaml'), MAX_FILE_BYTES + 1);
    expect(readSources(['huge.yaml'], d, () => '').problems).toEqual([
      {
        file: 'huge.yaml',
        severity: 'error',
        message:
          'file is larger than Argosy reads (got 65 MiB, the limit is 64 MiB). Split it: Kubernetes accepts no object over 3 MiB',
      },
    ]);
  });
});
