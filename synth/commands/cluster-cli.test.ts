import { describe, expect, it } from 'vitest';
import { captureIO as capture } from '../../test/capture-io.ts';
import { closedPort, kubeconfigFor, withoutClusters } from '../../test/no-cluster.ts';
import { main } from '../cli.ts';

const APP = ['--app', 'test/fixtures/client-app.ts'];

describe('cluster commands without a cluster (the errors a user hits first)', () => {
  withoutClusters();

  it('GIVEN no kubeconfig anywhere WHEN runs list THEN exit 2 says how to point at a cluster', async () => {
    const io = capture();
    expect(await main(['runs', 'list'], io)).toBe(2);
    expect(io.errs[0]).toMatch(
      /^✗ no kubeconfig found \(got KUBECONFIG=\(unset\), no .*\)\. Pass --kubeconfig <file>, set KUBECONFIG/,
    );
  });

  it('GIVEN an unknown context THEN exit 2 lists the contexts there are', async () => {
    const io = capture();
    expect(
      await main(
        [
          'status',
          'ranker',
          '--kubeconfig',
          kubeconfigFor('https://127.0.0.1:1', { namespace: 'ml' }),
          '--context',
          'prod',
        ],
        io,
      ),
    ).toBe(2);
    expect(io.errs[0]).toBe('✗ --context prod: no such context in the kubeconfig (got prod). Pass one of dev.');
  });

  it('GIVEN a server that does not answer THEN exit 1 names the address and the cause, no stack trace', async () => {
    const server = `https://127.0.0.1:${await closedPort()}`;
    const io = capture();
    expect(await main(['runs', 'list', '--kubeconfig', kubeconfigFor(server, { namespace: 'ml' })], io)).toBe(1);
    expect(io.errs).toEqual([
      `✗ cannot reach the API server at ${server} (got ECONNREFUSED). Check that the cluster is up and the kubeconfig's server address (kubectl cluster-info), or pick another --context.`,
    ]);
  });

  it('GIVEN parameters that do not fit the pipeline THEN exit 2 before any kubeconfig is read, naming each parameter', async () => {
    const io = capture();
    expect(
      await main(['submit', 'client-training', ...APP, '-p', 'snapshotDat=2026-12-01', '-p', 'trees=1.5'], io),
    ).toBe(2);
    expect(io.errs[0]).toBe(
      '✗ trees: pipeline "client-training" takes an int here (got "1.5"). Pass -p trees=<int> (nothing was submitted).',
    );
    const misspelt = capture();
    expect(await main(['submit', 'client-training', ...APP, '-p', 'snapshotDat=2026-12-01'], misspelt)).toBe(2);
    expect(misspelt.errs[0]).toBe(
      '✗ snapshotDat: pipeline "client-training" has no parameter "snapshotDat" (got "2026-12-01"). Did you mean "snapshotDate"? (nothing was submitted).',
    );
  });

  it('GIVEN an unknown pipeline or environment THEN exit 2 lists the known ones', async () => {
    const io = capture();
    expect(await main(['submit', 'client-trainig', ...APP], io)).toBe(2);
    expect(io.errs[0]).toBe(
      '✗ client-trainig: no pipeline of that name (got client-training, client-unapplied). Pass one of these.',
    );
    const env = capture();
    expect(await main(['runs', 'list', ...APP, '--env', 'prod'], env)).toBe(2);
    expect(env.errs[0]).toBe('✗ --env prod: no such environment (got dev). Pass one of them.');
  });

  it('GIVEN a wrong runs action, a missing name or an unknown phase THEN exit 2', async () => {
    for (const argv of [
      ['runs', 'show', 'x'],
      ['runs', 'get'],
      ['runs', 'list', '--phase', 'Done'],
    ]) {
      const io = capture();
      expect(await main(argv, io)).toBe(2);
      expect(io.errs[0]).toMatch(
        /^✗ (runs show: no such action|runs get: needs the run's name|--phase Done: not a run phase)/,
      );
    }
  });
});
