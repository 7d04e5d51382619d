import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIO as capture } from '../../test/capture-io.ts';
import { closedPort, kubeconfigFor, withoutClusters } from '../../test/no-cluster.ts';
import { main } from '../cli.ts';

const SA = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: runner\n';

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'argosy-apply-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('argosy apply without a cluster (usage and connection errors)', () => {
  withoutClusters();

  it('GIVEN no kubeconfig anywhere WHEN dry-run applied THEN exit 2 says how to point at a cluster', async () => {
    const io = capture();
    expect(await main(['apply', '--dry-run=server', dirWith({ 'sa.yaml': SA })], io)).toBe(2);
    expect(io.errs[0]).toMatch(
      /^✗ no kubeconfig found \(got KUBECONFIG=\(unset\), no .*\.kube\/config\)\. Pass --kubeconfig <file>, set KUBECONFIG, or log in to your cluster first\.$/,
    );
  });

  it('GIVEN --kubeconfig naming a missing file THEN exit 2', async () => {
    const io = capture();
    expect(
      await main(['apply', '--dry-run=server', '--kubeconfig', '/no/such/kubeconfig', dirWith({ 'sa.yaml': SA })], io),
    ).toBe(2);
    expect(io.errs[0]).toBe(
      '✗ --kubeconfig /no/such/kubeconfig: no such file (got /no/such/kubeconfig). Pass the path of a kubeconfig file.',
    );
  });

  it('GIVEN a server that does not answer WHEN dry-run applied THEN exit 1 names the address and the cause, no stack trace', async () => {
    const dir = dirWith({ 'sa.yaml': SA });
    const server = `https://127.0.0.1:${await closedPort()}`;
    const io = capture();
    expect(
      await main(
        ['apply', '--dry-run=server', '--kubeconfig', kubeconfigFor(server, { dir }), join(dir, 'sa.yaml')],
        io,
      ),
    ).toBe(1);
    expect(io.errs.at(-1)).toBe(
      `✗ cannot reach the API server at ${server} (got ECONNREFUSED). Check that the cluster is up and the kubeconfig's server address (kubectl cluster-info).`,
    );
  });

  it('GIVEN --dry-run=client THEN exit 2 points to server or validate', async () => {
    const io = capture();
    expect(await main(['apply', '--dry-run=client', dirWith({ 'sa.yaml': SA })], io)).toBe(2);
    expect(io.errs[0]).toMatch(/^✗ --dry-run=client: not supported \(got client\)\. Pass --dry-run=server/);
  });

  it('GIVEN a path that does not exist or holds no objects THEN exit 2 before any kubeconfig is read', async () => {
    const io = capture();
    expect(await main(['apply', '--dry-run=server', '/no/such/dir'], io)).toBe(2);
    expect(io.errs[0]).toMatch(/^✗ \/no\/such\/dir: no such file or directory/);
    const empty = capture();
    expect(await main(['apply', '--dry-run=server', dirWith({})], empty)).toBe(2);
    expect(empty.errs[0]).toMatch(/no Kubernetes objects to apply \(got 0 YAML files, 0 documents\)/);
  });

  it('GIVEN a file that does not parse THEN exit 2 and nothing is sent', async () => {
    const io = capture();
    expect(await main(['apply', '--dry-run=server', dirWith({ 'bad.yaml': 'kind: [' })], io)).toBe(2);
    expect(io.errs[0]).toMatch(
      /bad\.yaml: not valid YAML: .*\(got 1 file that does not parse\)\. Fix the YAML; nothing was sent\.$/,
    );
  });
});
