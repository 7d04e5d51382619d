import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIO as capture } from '../../test/capture-io.ts';
import { main } from '../cli.ts';

/*
 * The mistakes `argosy stubs --from-cluster` reports before or without a cluster. What it reads
 * from a real API server (lists, selector, namespaces, 403) is in stubs-cluster.cluster.test.ts.
 */

/** A port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function kubeconfig(server: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'argosy-stubs-')), 'kubeconfig');
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: '${server}', insecure-skip-tls-verify: true}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: dev, context: {cluster: c, user: u, namespace: ml}}]
current-context: dev
`,
  );
  return file;
}

describe('argosy stubs --from-cluster without a cluster', () => {
  const saved = {
    KUBECONFIG: process.env.KUBECONFIG,
    HOME: process.env.HOME,
    HOST: process.env.KUBERNETES_SERVICE_HOST,
  };
  beforeEach(() => {
    process.env.HOME = mkdtempSync(join(tmpdir(), 'argosy-home-'));
    delete process.env.KUBECONFIG;
    delete process.env.KUBERNETES_SERVICE_HOST;
  });
  afterEach(() => {
    for (const [k, v] of Object.entries({
      KUBECONFIG: saved.KUBECONFIG,
      HOME: saved.HOME,
      KUBERNETES_SERVICE_HOST: saved.HOST,
    }))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  });

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
    expect(await main(['stubs', '--from-cluster', '--kubeconfig', kubeconfig(server)], io)).toBe(1);
    expect(io.errs.at(-1)).toBe(
      `✗ cannot reach the API server at ${server} (got ECONNREFUSED). Check that the cluster is up and the kubeconfig's server address (kubectl cluster-info), or pick another --context.`,
    );
    expect(io.lines).toEqual([]);
  });
});
