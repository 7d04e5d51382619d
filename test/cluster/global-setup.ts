import type { TestProject } from 'vitest/node';
import { startCluster, type TestCluster } from './harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The admin kubeconfig of the shared test API server (see test/cluster/context.ts). */
    clusterKubeconfig: string;
    clusterServer: string;
    clusterVersion: string;
    clusterCrds: readonly string[];
  }
}

let cluster: TestCluster | undefined;

/**
 * `npm run test:cluster`: one kube-apiserver (with ../shared/crds installed) for every test file,
 * started before the first and stopped after the last, also when tests fail. A server that
 * cannot start fails the run: these tests never skip.
 */
export async function setup(project: TestProject): Promise<void> {
  cluster = await startCluster();
  project.provide('clusterKubeconfig', cluster.kubeconfig);
  project.provide('clusterServer', cluster.server);
  project.provide('clusterVersion', cluster.version);
  project.provide('clusterCrds', cluster.crds);
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
  cluster = undefined;
}
