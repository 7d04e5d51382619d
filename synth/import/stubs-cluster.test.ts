import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIO as capture } from '../../test/capture-io.ts';
import { closedPort, kubeconfigFor, withoutClusters } from '../../test/no-cluster.ts';
import { main } from '../cli.ts';

/*
 * The mistakes `argosy stubs --from-cluster` reports before or without a cluster. What it reads
 * from a real API server (lists, selector, namespaces, 403) is in stubs-cluster.cluster.test.ts.
 */

describe('argosy stubs --from-cluster without a cluster', () => {
  withoutClusters();

  it('GIVEN files and --from-cluster WHEN run THEN exit 2 says to pass one of them', async () => {
    const io = capture();
    expect(await main(['stubs', '--from-cluster', 'a.yaml'], io)).toBe(2);
    expect(io.errs).toEqual([
      '✗ argosy stubs --from-cluster: also given files (got a.yaml). Pass either files or --from-cluster.',
    ]);
  });

  it('GIVEN a cluster flag without --from-cluster WHEN run on files THEN exit 2 names the flag', async () => {
    const io = capture();
    expect(await main(['stubs', '-l', 'team=data', 'test/fixtures/stubs/library.yaml'], io)).toBe(2);
    expect(io.errs).toEqual([
      '✗ --selector: only applies with --from-cluster (got files). Add --from-cluster, or drop it.',
    ]);
  });

  it('GIVEN --namespace and --all-namespaces WHEN run THEN exit 2', async () => {
    const io = capture();
    expect(await main(['stubs', '--from-cluster', '-n', 'ml', '-A'], io)).toBe(2);
    expect(io.errs.at(-1)).toBe(
      '✗ --namespace ml: cannot be combined with --all-namespaces (got both). Pass one of them.',
    );
  });

  it('GIVEN no kubeconfig anywhere WHEN run THEN exit 2 says how to point at a cluster and nothing is written', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'argosy-stubs-out-')), 'stubs.ts');
    const io = capture();
    expect(await main(['stubs', '--from-cluster', '--out', out], io)).toBe(2);
    expect(io.errs.at(-1)).toMatch(
      /^✗ no kubeconfig found \(got KUBECONFIG=\(unset\), no .*\)\. Pass --kubeconfig <file>, set KUBECONFIG/,
    );
    expect(io.lines).toEqual([]);
  });

  it('GIVEN a server that does not answer WHEN run THEN exit 1 names the address and the cause, no stack trace', async () => {
    const server = `https://127.0.0.1:${await closedPort()}`;
    const io = capture();
    expect(
      await main(['stubs', '--from-cluster', '--kubeconfig', kubeconfigFor(server, { namespace: 'ml' })], io),
    ).toBe(1);
    expect(io.errs.at(-1)).toBe(
      `✗ cannot reach the API server at ${server} (got ECONNREFUSED). Check that the cluster is up and the kubeconfig's server address (kubectl cluster-info), or pick another --context.`,
    );
    expect(io.lines).toEqual([]);
  });
});
