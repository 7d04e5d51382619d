import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { dump } from 'js-yaml';
import { apiRequest } from '../../synth/commands/apply-client.ts';
import { ensureGoBinary, progress, requiredVersion } from '../peers/cache.ts';
import { ROOT } from '../shared-dir.ts';
import { installCrds } from './crds.ts';
import { freePort, ManagedProcess, waitFor } from './processes.ts';

/** The pinned kube-apiserver module (test/cluster/apiserver/go.mod). */
const APISERVER_MODULE = 'test/cluster/apiserver';

export const KUBERNETES_VERSION =
  requiredVersion(readFileSync(join(ROOT, APISERVER_MODULE, 'go.mod'), 'utf8'), 'k8s.io/kubernetes') ?? 'unknown';

/** The admin identity of the kubeconfig: a member of system:masters, which RBAC lets do anything. */
export const ADMIN_USER = 'argosy-test-admin';

/** kube-apiserver built from the pinned module once, then cached. */
export function kubeApiserverBinary(): string {
  const [major, minor] = KUBERNETES_VERSION.replace(/^v/, '').split('.');
  const stamp = 'k8s.io/component-base/version';
  return ensureGoBinary({
    module: APISERVER_MODULE,
    pkg: 'k8s.io/kubernetes/cmd/kube-apiserver',
    name: 'kube-apiserver',
    ldflags: `-X ${stamp}.gitVersion=${KUBERNETES_VERSION} -X ${stamp}.gitMajor=${major} -X ${stamp}.gitMinor=${minor}`,
  });
}

/** Debian's etcd-server (ARGOSY_ETCD to use another build). */
export function etcdBinary(): string {
  const candidates = [process.env.ARGOSY_ETCD, '/usr/bin/etcd', 'etcd'].filter((c): c is string => Boolean(c));
  for (const c of candidates) if (spawnSync(c, ['--version'], { encoding: 'utf8' }).status === 0) return c;
  throw new Error(
    `etcd not found (tried ${candidates.join(', ')}). Install Debian's etcd-server (apt-get install etcd-server; .ci/run does), or set ARGOSY_ETCD`,
  );
}

export interface StartOptions {
  /** CRD manifests to install (YAML files); default: the top-level files of ../shared/crds. */
  readonly crds?: readonly string[];
  /** Keep the state directory (logs, etcd data) after stop; also ARGOSY_KEEP_CLUSTER=1. */
  readonly keep?: boolean;
}

export interface TestCluster {
  /** A kubeconfig file for the admin identity (context `argosy-test`). */
  readonly kubeconfig: string;
  readonly server: string;
  /** The state directory: kubeconfig, logs, etcd data. */
  readonly dir: string;
  readonly version: string;
  /** Names of the CRDs installed (and Established). */
  readonly crds: readonly string[];
  /** A fresh client-node KubeConfig for the admin identity. */
  kubeConfig(): KubeConfig;
  stop(): Promise<void>;
}

/** Writes a kubeconfig (YAML) for `server` with a bearer token; returns its path. */
export function writeKubeconfig(file: string, server: string, caPem: string, token: string, user: string): string {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: 'argosy-test', cluster: { server, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } },
    ],
    users: [{ name: user, user: { token } }],
    contexts: [{ name: 'argosy-test', context: { cluster: 'argosy-test', user, namespace: 'default' } }],
    'current-context': 'argosy-test',
  };
  writeFileSync(file, dump(config), { mode: 0o600 });
  return file;
}

function stateDir(): string {
  // etcd fsyncs on every write: on tmpfs a cluster start and a full apply take seconds, not minutes.
  // .ci/run sets ARGOSY_CLUSTER_DIR to a directory of its own, whose pid files its trap reads.
  const base = process.env.ARGOSY_CLUSTER_DIR || (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, 'argosy-cluster-'));
}

/** Records a server's process group, so a shell trap can end it whatever happened to Node. */
function recordPid(dir: string, p: ManagedProcess): void {
  if (p.pid !== undefined) appendFileSync(join(dir, 'pids'), `${p.pid}\n`);
}

/**
 * Starts etcd and kube-apiserver on loopback (random free ports), with RBAC, an admin token,
 * a ServiceAccount token issuer (TokenRequest works), and the given CRDs installed and
 * Established. Always `stop()` it (vitest globalSetup's teardown does); if this process dies
 * first, a watchdog ends both servers within seconds.
 */
export async function startCluster(opts: StartOptions = {}): Promise<TestCluster> {
  const started = Date.now();
  const apiserverBin = kubeApiserverBinary();
  const etcdBin = etcdBinary();
  const dir = stateDir();
  const keep = opts.keep ?? process.env.ARGOSY_KEEP_CLUSTER === '1';
  const procs: ManagedProcess[] = [];
  const stop = async (): Promise<void> => {
    for (const p of procs.reverse()) await p.stop();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const [etcdPort, peerPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    const etcdUrl = `http://127.0.0.1:${etcdPort}`;
    const peerUrl = `http://127.0.0.1:${peerPort}`;
    const etcd = new ManagedProcess(
      'etcd',
      etcdBin,
      [
        `--data-dir=${join(dir, 'etcd')}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=default=${peerUrl}`,
        // Argo Workflows' CRDs are ~2.7 MB: above etcd's default 1.5 MiB request limit.
        '--max-request-bytes=16777216',
        '--log-level=warn',
        '--logger=zap',
      ],
      join(dir, 'etcd.log'),
    );
    procs.push(etcd);
    recordPid(dir, etcd);
    await waitFor(
      'etcd to be healthy',
      async () => {
        const r = await fetch(`${etcdUrl}/health`);
        return r.ok && ((await r.json()) as { health?: string }).health === 'true' ? true : undefined;
      },
      { timeoutMs: 30_000, process: etcd },
    );

    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(join(dir, 'sa.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(join(dir, 'sa.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
    const token = randomBytes(24).toString('hex');
    writeFileSync(join(dir, 'tokens.csv'), `${token},${ADMIN_USER},${ADMIN_USER},"system:masters"\n`, { mode: 0o600 });
    const certDir = join(dir, 'certs');
    mkdirSync(certDir);
    const issuer = 'https://argosy-test.kubernetes.invalid';
    const apiserver = new ManagedProcess(
      'kube-apiserver',
      apiserverBin,
      [
        `--etcd-servers=${etcdUrl}`,
        '--bind-address=127.0.0.1',
        '--advertise-address=127.0.0.1',
        `--secure-port=${apiPort}`,
        `--cert-dir=${certDir}`,
        '--authorization-mode=RBAC',
        '--anonymous-auth=false',
        `--token-auth-file=${join(dir, 'tokens.csv')}`,
        `--service-account-issuer=${issuer}`,
        `--api-audiences=${issuer}`,
        `--service-account-key-file=${join(dir, 'sa.pub')}`,
        `--service-account-signing-key-file=${join(dir, 'sa.key')}`,
        // The built-in "kubernetes" Service would get a loopback endpoint, which validation rejects.
        '--endpoint-reconciler-type=none',
        // Cluster IPs are only allocated, never routed: there is no kubelet or proxy.
        '--service-cluster-ip-range=10.96.0.0/24',
        '--profiling=false',
        '--v=1',
      ],
      join(dir, 'kube-apiserver.log'),
    );
    procs.push(apiserver);
    recordPid(dir, apiserver);
    const server = `https://127.0.0.1:${apiPort}`;
    const caFile = join(certDir, 'apiserver.crt');
    await waitFor(
      'kube-apiserver to write its serving certificate',
      async () => (existsSync(caFile) ? true : undefined),
      {
        timeoutMs: 60_000,
        process: apiserver,
      },
    );
    const kubeconfig = writeKubeconfig(
      join(dir, 'kubeconfig'),
      server,
      readFileSync(caFile, 'utf8'),
      token,
      ADMIN_USER,
    );
    const kubeConfig = (): KubeConfig => {
      const kc = new KubeConfig();
      kc.loadFromFile(kubeconfig);
      return kc;
    };
    await waitFor(
      'kube-apiserver to be ready (/readyz)',
      async () => ((await apiRequest(kubeConfig(), 'GET', '/readyz')).status === 200 ? true : undefined),
      { timeoutMs: 120_000, process: apiserver, intervalMs: 300 },
    );
    const ready = Date.now();
    const crds = await installCrds(kubeConfig(), opts.crds ?? defaultCrdFiles());
    progress(
      `kube-apiserver ${KUBERNETES_VERSION} (etcd ${etcdVersion(etcdBin)}) ready at ${server} in ${((ready - started) / 1000).toFixed(1)} s; ${crds.length} CRDs established in ${((Date.now() - ready) / 1000).toFixed(1)} s`,
    );
    return { kubeconfig, server, dir, version: KUBERNETES_VERSION, crds, kubeConfig, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

function etcdVersion(bin: string): string {
  return /etcd Version: (\S+)/.exec(spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout)?.[1] ?? '?';
}

/** The CRDs of ../shared/crds (top level: the versions Argosy targets; versions/ holds older releases). */
export function defaultCrdFiles(): string[] {
  const dir = sharedCrdsDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));
}

export function sharedCrdsDir(): string {
  const shared = process.env.ARGOSY_SHARED ?? join(ROOT, '..', 'shared');
  const dir = join(shared, 'crds');
  if (!existsSync(join(dir, 'README.md')))
    throw new Error(
      `${dir}: the upstream CRDs were not found. Check out ../shared beside the project or set ARGOSY_SHARED; the cluster tests cannot run without them`,
    );
  return dir;
}
