import { pathToFileURL } from 'node:url';
import { kubeApiserverBinary, startCluster } from './harness.ts';
import { argoLintBinary } from '../peers/argo-lint.ts';
import { peersPython } from '../peers/venv.ts';

/**
 * `node --import tsx test/cluster/up.ts [build|serve]`
 *
 * build: builds (or finds in the cache) every test tool: kube-apiserver, argo-lint, the peers
 *   venv. .ci/run calls this first, so cold builds show their progress in one place.
 * serve: starts the test API server with ../shared/crds and waits; prints KUBECONFIG for a
 *   manual look (kubectl, argosy apply). Ctrl-C stops it.
 */
async function main(cmd: string | undefined): Promise<void> {
  if (cmd === 'build') {
    const started = Date.now();
    console.log(`kube-apiserver: ${kubeApiserverBinary()}`);
    console.log(`argo-lint:      ${argoLintBinary()}`);
    console.log(`peers python:   ${peersPython()}`);
    console.log(`test tools ready in ${Math.round((Date.now() - started) / 1000)} s`);
    return;
  }
  if (cmd === 'serve') {
    const cluster = await startCluster();
    console.log(
      `export KUBECONFIG=${cluster.kubeconfig}   # ${cluster.server}, ${cluster.crds.length} CRDs; Ctrl-C stops it`,
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await cluster.stop();
    return;
  }
  console.error('usage: node --import tsx test/cluster/up.ts build|serve');
  process.exitCode = 2;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv[2]);
