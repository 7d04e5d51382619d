import { describe, expect, it } from 'vitest';
import { main } from './cli.ts';
import { captureIO as capture } from '../test/capture-io.ts';

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

const APP = ['--app', 'test/fixtures/graph-app.ts'];

describe('argosy graph <deployment>', () => {
  it('GIVEN a deployment name WHEN run THEN its strategy is printed as Mermaid and it exits 0', async () => {
    const io = capture();
    expect(await main(['graph', 'ranker', ...APP], io)).toBe(0);
    const out = io.lines.join('\n');
    expect(out).toMatch(/^flowchart TD\n {2}%% deployment ranker\n/);
    expect(out).toContain(
      'rollout_step_0[["<b>1. setWeight 10</b><br/>10% → v8 via ranker-canary<br/>90% → v7 via ranker-stable"]]',
    );
  });

  it('GIVEN --format dot WHEN run THEN DOT is printed', async () => {
    const io = capture();
    expect(await main(['graph', 'ranker', '--format', 'dot', ...APP], io)).toBe(0);
    expect(io.lines[0]).toMatch(/^digraph "deployment ranker" \{/);
  });

  it('GIVEN a name a pipeline and a deployment share WHEN run without a kind THEN it is a usage error naming both; with kind/name THEN that one is drawn', async () => {
    const io = capture();
    expect(await main(['graph', 'churn', ...APP], io)).toBe(2);
    expect(io.errs.join('\n')).toBe(
      '✗ "churn": a pipeline and a deployment share this name (got pipeline/churn, deployment/churn). Pass one of these.',
    );
    const deployment = capture();
    expect(await main(['graph', 'deployment/churn', ...APP], deployment)).toBe(0);
    expect(deployment.lines.join('\n')).toContain('WorkflowTemplate churn-evaluate');
    const pipeline = capture();
    expect(await main(['graph', 'pipeline/churn', ...APP], pipeline)).toBe(0);
    expect(pipeline.lines.join('\n')).toContain('%% pipeline churn');
  });

  it('GIVEN an unknown name WHEN run THEN the usage error lists pipelines and deployments', async () => {
    const io = capture();
    expect(await main(['graph', 'rankr', ...APP], io)).toBe(2);
    expect(io.errs.join('\n')).toBe(
      '✗ "rankr": nothing to draw by that name (got deployment churn, deployment ranker, pipeline churn). Pass one of these names.',
    );
  });
});
