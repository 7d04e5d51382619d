import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ApiextensionsV1Api, KubeConfig } from '@kubernetes/client-node';
import { crdSchemas } from './crd-to-schema.ts';

export interface PullOptions {
  readonly out: string;
  /** A kubeconfig file; default: $KUBECONFIG or ~/.kube/config, as kubectl. */
  readonly kubeconfig?: string;
  readonly context?: string;
}

export interface PullResult {
  readonly crds: number;
  readonly files: readonly string[];
  readonly server: string;
}

/**
 * Fetches every CustomResourceDefinition of the current cluster once and writes their schemas
 * to `out` in the layout `argosy validate --schema-location` reads, so validation is offline after.
 */
export async function pullSchemas(opts: PullOptions): Promise<PullResult> {
  const kc = new KubeConfig();
  if (opts.kubeconfig) kc.loadFromFile(opts.kubeconfig);
  else kc.loadFromDefault();
  if (opts.context) kc.setCurrentContext(opts.context);
  const server = kc.getCurrentCluster()?.server ?? '(no cluster)';
  const api = kc.makeApiClient(ApiextensionsV1Api);
  const list = await api.listCustomResourceDefinition();
  const files: string[] = [];
  for (const crd of list.items ?? []) {
    for (const [path, schema] of crdSchemas(crd)) {
      const file = join(opts.out, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
      files.push(path);
    }
  }
  return { crds: (list.items ?? []).length, files: files.sort(), server };
}
