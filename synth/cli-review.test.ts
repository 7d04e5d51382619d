import { describe, expect, it } from 'vitest';
import { main } from './cli.ts';
import type { CommandIO } from './report.ts';

function capture(): CommandIO & { lines: string[]; errs: string[] } {
  const lines: string[] = [];
  const errs: string[] = [];
  return { lines, errs, out: (l) => lines.push(l), err: (l) => errs.push(l), color: false };
}

describe('argosy CLI: review commands', () => {
  it('GIVEN graph with a pipeline name WHEN run THEN Mermaid is printed and it exits 0', async () => {
    const io = capture();
    expect(await main(['graph', 'ctr-training'], io)).toBe(0);
    expect(io.lines[0]).toMatch(/^flowchart TD/);
  });

  it('GIVEN graph --format dot WHEN run THEN DOT is printed', async () => {
    const io = capture();
    expect(await main(['graph', 'ctr-training', '--format', 'dot'], io)).toBe(0);
    expect(io.lines[0]).toMatch(/^digraph "pipeline ctr-training"/);
  });

  it('GIVEN graph with an unknown name or environment WHEN run THEN it is a usage error listing what exists', async () => {
    const io = capture();
    expect(await main(['graph', 'nope'], io)).toBe(2);
    expect(io.errs.join('\n')).toContain('pipeline ctr-training');
    expect(await main(['graph', 'ctr-training', '--env', 'qa'], capture())).toBe(2);
  });

  it('GIVEN an invalid option value WHEN run THEN it exits 2', async () => {
    expect(await main(['validate', '--policy-level', 'fatal'], capture())).toBe(2);
    expect(await main(['diff', '--format', 'html'], capture())).toBe(2);
  });

  it('GIVEN validate on the committed dist WHEN run THEN it is clean', async () => {
    const io = capture();
    expect(await main(['validate', 'dist', '--skip', 'schema'], io)).toBe(0);
  });
});
