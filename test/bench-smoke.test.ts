import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './shared-dir.ts';

// Keeps `npm run bench` from rotting: the smallest run of every mode. It asserts the shape of the
// results, never a time (performance is measured by the bench, not by tests).
describe('npm run bench (smoke)', () => {
  it('GIVEN the smallest workloads WHEN benched THEN every phase, the floor, validate and the CLI runs are reported', () => {
    const json = join(mkdtempSync(join(tmpdir(), 'argosy-bench-smoke-')), 'result.json');
    const r = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--conditions=argosy-source',
        '--import',
        'tsx',
        'bench/synth-bench.ts',
        '--sizes',
        '2',
        '--kfp',
        '',
        '--deployments',
        '1',
        '--repeats',
        '2',
        '--validate-repeats',
        '1',
        '--cli-repeats',
        '2',
        '--reference-repeats',
        '1',
        '--json',
        json,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    for (const heading of [
      'In process',
      'argosy validate of each output',
      'Whole process',
      'Reference project',
      'Targets',
    ])
      expect(r.stdout).toContain(heading);
    const result = JSON.parse(readFileSync(json, 'utf8')) as {
      workloads: {
        workload: { id: string };
        inProcess: { repeats: Record<string, number>[]; files: number; synthPeakMb: number };
        cli: { synth: { code: number; wallMs: number }[]; validate: { wallMs: number }[] };
      }[];
      reference: { mode: string; first: { code: number }; runs: { code: number }[] }[];
    };
    // The sources always; the compiled build/ too when it is up to date.
    expect(result.reference.map((m) => m.mode)).toContain('sources');
    for (const m of result.reference) expect([m.first.code, ...m.runs.map((r) => r.code)]).toEqual([0, 0]);
    expect(result.workloads.map((w) => w.workload.id)).toEqual(['pipelines-2', 'deployments-1']);
    for (const w of result.workloads) {
      expect(w.inProcess.files).toBeGreaterThan(0);
      expect(w.inProcess.repeats).toHaveLength(2);
      const [first] = w.inProcess.repeats;
      for (const p of [
        'dsl',
        'ir',
        'charts',
        'serialize',
        'budget',
        'write',
        'floorSerialize',
        'floorWrite',
        'validateParse',
        'validateCheck',
      ])
        expect(first?.[p], `${w.workload.id} ${p}`).toBeGreaterThanOrEqual(0);
      expect(w.cli.synth.map((s) => s.code)).toEqual([0, 0]);
      expect(w.cli.validate).toHaveLength(1);
    }
    // A dozen processes: minutes when the machine is busy.
  }, 300_000);
});
