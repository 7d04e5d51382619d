import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { COMMITTED } from './outputs.ts';
import { runPeer } from './python-peers.ts';

const python = inject('peersPython');
const inputs = inject('peerInputs');

describe('the KFP SDK loads every PipelineSpec Argosy writes and compiles a pipeline that uses it', () => {
  it('golden, reference project (--target kfp, both environments) and equivalence outputs: all load and compile', () => {
    const r = runPeer(python, 'kfp_load.py', [
      join(COMMITTED.goldens, 'kfp'),
      inputs.kfpReference,
      inputs.kfpEquivalence,
    ]);
    console.log(r.lines.join('\n'));
    expect(r.lines.slice(0, -1)).toEqual([]);
    expect(r.lines.at(-1)).toMatch(
      /^kfp: (\d+) PipelineSpecs loaded as components and compiled into a pipeline, 0 failed$/,
    );
    expect(Number(/kfp: (\d+)/.exec(r.lines.at(-1) ?? '')?.[1])).toBeGreaterThanOrEqual(40);
    expect(r.status).toBe(0);
  });

  it('GIVEN a PipelineSpec with a parameter type KFP does not define THEN the SDK rejects it (negative control)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'argosy-kfp-'));
    const good = readFileSync(join(COMMITTED.goldens, 'kfp', 'pipelinespec.ctr-training.yaml'), 'utf8');
    const broken = good.replace('parameterType: STRING', 'parameterType: TEXT');
    expect(broken).not.toBe(good);
    writeFileSync(join(dir, 'pipelinespec.broken.yaml'), broken);
    const r = runPeer(python, 'kfp_load.py', [dir]);
    expect(r.status).toBe(1);
    expect(r.lines.at(-1)).toBe('kfp: 0 PipelineSpecs loaded as components and compiled into a pipeline, 1 failed');
  });
});
