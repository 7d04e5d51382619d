import { describe, expect, it } from 'vitest';
import { plainProgress, treeProgress } from './progress.ts';
import type { LocalTaskRecord } from './types.ts';

const task = (path: string, extra: Partial<LocalTaskRecord> = {}): LocalTaskRecord => ({
  path,
  id: path.split('/').pop() as string,
  kind: 'component',
  status: 'Succeeded',
  dir: `/runs/x/${path}`,
  attempts: 1,
  cached: false,
  inputs: {},
  outputs: {},
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:00:01.500Z',
  ...extra,
});

describe('progress', () => {
  it('GIVEN a terminal WHEN steps start and end THEN the tree is redrawn in place, loop iterations indented', () => {
    const frames: string[] = [];
    const draw = treeProgress((t) => frames.push(t));
    draw({ kind: 'start', task: task('make') });
    draw({ kind: 'end', task: task('make') });
    draw({ kind: 'start', task: task('score[0]/score-one') });
    draw({ kind: 'end', task: task('score[0]/score-one', { status: 'Failed', message: 'exited with code 1' }) });
    expect(frames[0]).toBe('▶ make running\n');
    expect(frames[1]).toBe('\x1b[1A\x1b[J✓ make 1.5s\n');
    expect(frames[3]).toBe('\x1b[2A\x1b[J✓ make 1.5s\n  ✗ score-one: exited with code 1\n');
  });

  it('GIVEN no terminal THEN one plain line per event, cached and skipped steps say so', () => {
    const lines: string[] = [];
    const log = plainProgress((l) => lines.push(l));
    log({ kind: 'end', task: task('train', { cached: true }) });
    log({ kind: 'end', task: task('promote', { status: 'Skipped', message: 'its condition is false' }) });
    log({ kind: 'retry', task: task('fetch', { status: 'Failed' }), waitMs: 1500, reason: 'exited with code 3' });
    expect(lines).toEqual([
      '✓ train (cached)',
      '↷ promote skipped: its condition is false',
      '⟲ fetch: attempt 1 exited with code 3; retrying in 1.5s',
    ]);
  });
});
