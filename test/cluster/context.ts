import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { inject } from 'vitest';

/** The admin kubeconfig file of the shared test API server that globalSetup started. */
export function clusterKubeconfig(): string {
  const file = inject('clusterKubeconfig');
  if (!file)
    throw new Error('no test API server: run this file with `npm run test:cluster` (vitest.cluster.config.ts)');
  return file;
}

/** A client-node KubeConfig for the shared test API server's admin identity. */
export function clusterKubeConfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(clusterKubeconfig());
  return kc;
}

/** A scratch directory for a test's kubeconfigs and files (under the OS temp dir). */
export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `argosy-${prefix}-`));
}
