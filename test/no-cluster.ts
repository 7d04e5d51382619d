import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/*
 * What the tests of cluster commands without a cluster share: a machine with no kubeconfig and no
 * in-cluster environment, a port nothing listens on, and a kubeconfig pointing at it.
 */

/**
 * Registers hooks that give every test of the enclosing describe an empty HOME and no KUBECONFIG
 * or KUBERNETES_SERVICE_HOST, restored afterwards: the developer's own cluster is never reached.
 *
 * @example
 * ```ts
 * describe('argosy apply without a cluster', () => { withoutClusters(); it('...', async () => {}); });
 * ```
 */
export function withoutClusters(): void {
  const names = ['KUBECONFIG', 'HOME', 'KUBERNETES_SERVICE_HOST'] as const;
  const saved = new Map<string, string | undefined>();
  beforeEach(() => {
    for (const name of names) saved.set(name, process.env[name]);
    process.env.HOME = mkdtempSync(join(tmpdir(), 'argosy-home-'));
    delete process.env.KUBECONFIG;
    delete process.env.KUBERNETES_SERVICE_HOST;
  });
  afterEach(() => {
    for (const [name, value] of saved)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  });
}

/**
 * A loopback port nothing listens on (bound, then closed).
 *
 * @example
 * ```ts
 * const server = `https://127.0.0.1:${await closedPort()}`;
 * ```
 */
export async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Writes a kubeconfig whose only context, `dev`, points at `server` with a token, and returns its
 * path (in `dir`, or a new temporary directory).
 *
 * @example
 * ```ts
 * const file = kubeconfigFor(`https://127.0.0.1:${await closedPort()}`, { namespace: 'ml' });
 * ```
 */
export function kubeconfigFor(server: string, opts: { namespace?: string; dir?: string } = {}): string {
  const file = join(opts.dir ?? mkdtempSync(join(tmpdir(), 'argosy-kubeconfig-')), 'kubeconfig');
  const namespace = opts.namespace ? `, namespace: ${opts.namespace}` : '';
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: '${server}', insecure-skip-tls-verify: true}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: dev, context: {cluster: c, user: u${namespace}}}]
current-context: dev
`,
  );
  return file;
}
