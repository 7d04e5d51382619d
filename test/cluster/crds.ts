import { readFileSync } from 'node:fs';
import type { KubeConfig } from '@kubernetes/client-node';
import { applyObject, Discovery, type KubeObject, readObject } from '../../synth/commands/apply-server.ts';
import { loadKubernetesYaml } from '../../synth/yaml/load.ts';
import { waitFor } from './processes.ts';

const CRD_API = 'apiextensions.k8s.io/v1';

interface Crd extends KubeObject {
  readonly metadata: { readonly name: string };
  readonly spec?: { readonly group?: string; readonly versions?: readonly { name: string; served?: boolean }[] };
  readonly status?: { readonly conditions?: readonly { type: string; status: string }[] };
}

/**
 * Installs the CRDs of `files` with server-side apply (client-side apply cannot: Argo Workflows'
 * CRDs are far larger than the 256 KiB last-applied annotation allows), then waits until each is
 * Established and its group version is served by discovery, so objects of those kinds apply at once.
 */
export async function installCrds(kc: KubeConfig, files: readonly string[]): Promise<string[]> {
  const crds: Crd[] = [];
  for (const file of files) {
    const { documents } = loadKubernetesYaml(readFileSync(file, 'utf8'), { lenient: true, fileName: file });
    for (const d of documents as KubeObject[]) if (d?.kind === 'CustomResourceDefinition') crds.push(d as Crd);
  }
  const discovery = new Discovery(kc);
  // The server compiles each CRD's schema and CEL rules on its own; a few at a time use both cores.
  await inParallel(crds, 4, async (crd) => {
    // A server-side apply is idempotent, so a server timeout (504) on a loaded machine is retried;
    // any other finding is a real rejection.
    for (let attempt = 1; ; attempt++) {
      const r = await applyObject(kc, discovery, crd, {
        dryRun: false,
        fieldManager: 'argosy-test',
        force: true,
        namespace: 'default',
        timeoutMs: 600_000,
      });
      const errors = r.findings.filter((f) => f.severity === 'error');
      if (errors.length === 0) return;
      const timedOut = errors.every((f) => /HTTP 504|Timeout: request did not complete/.test(f.message));
      if (timedOut && attempt < 4) continue;
      throw new Error(
        `CRD ${crd.metadata.name} was rejected: ${errors.map((f) => `${f.path ? `${f.path}: ` : ''}${f.message}`).join('; ')}`,
      );
    }
  });
  await inParallel(crds, 8, (crd) =>
    waitFor(
      `CRD ${crd.metadata.name} to be Established`,
      async () => {
        const live = (await readObject(
          kc,
          discovery,
          CRD_API,
          'CustomResourceDefinition',
          crd.metadata.name,
          undefined,
        )) as Crd | undefined;
        return live?.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')
          ? true
          : undefined;
      },
      // A loaded 2-core machine has taken over 2 minutes to establish the big Argo CRDs; the
      // limit only bounds a server that never establishes them.
      { timeoutMs: 300_000 },
    ),
  );
  // Established can precede discovery by a moment; applying a custom resource needs discovery.
  const served = new Discovery(kc);
  for (const crd of crds) {
    const kind = (crd as { spec?: { names?: { kind?: string } } }).spec?.names?.kind ?? '';
    for (const v of crd.spec?.versions ?? []) {
      if (v.served === false) continue;
      await waitFor(
        `${crd.spec?.group}/${v.name} ${kind} in discovery`,
        async () => {
          served.refresh();
          return (await served.resource(`${crd.spec?.group}/${v.name}`, kind)) ? true : undefined;
        },
        { timeoutMs: 120_000 },
      );
    }
  }
  return crds.map((c) => c.metadata.name).sort();
}

/** Runs `fn` over `items` with at most `limit` at a time; the first failure rejects. */
async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
