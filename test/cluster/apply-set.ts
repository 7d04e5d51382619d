import type { KubeConfig } from '@kubernetes/client-node';
import type { IgnoreDifference } from '../../charts/target.ts';
import { syncOrder, syncWaveOf } from '../../synth/commands/apply-order.ts';
import { applyObject, Discovery, type KubeObject, readObject } from '../../synth/commands/apply-server.ts';
import type { SourceDocument } from '../../synth/validate/documents.ts';
import type { Finding } from '../../synth/validate/finding.ts';
import { driftOf, formatPath, ignored } from './drift.ts';

export const FIELD_MANAGER = 'argosy-test';

export interface ObjectRef {
  readonly file: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export interface SetResult {
  readonly objects: number;
  /** Objects the dry run or the apply rejected, with the server's findings. */
  readonly rejected: readonly (ObjectRef & { readonly findings: readonly Finding[] })[];
  readonly applied: number;
  /** Values we wrote that the server stores differently and no ignoreDifferences covers. */
  readonly drift: readonly (ObjectRef & { readonly path: string; readonly ours: unknown; readonly live: unknown })[];
  /** Drift that ignoreDifferences covers (what a controller or a promotion owns). */
  readonly ignoredDrift: number;
}

export interface ApplySetOptions {
  /** The Argo CD ignoreDifferences in force for an object (its Application's). */
  readonly ignore?: (o: KubeObject) => readonly IgnoreDifference[];
  /** The wave of an object; default: its sync-wave annotation. */
  readonly wave?: (o: KubeObject) => number;
  readonly namespace?: string;
}

const refOf = (d: SourceDocument, namespace?: string): ObjectRef => {
  const o = d.object as KubeObject;
  const name = o.metadata?.name ?? o.metadata?.generateName;
  return {
    file: d.file,
    kind: String(o.kind),
    name: String(name),
    ...(namespace ? { namespace } : {}),
  };
};

/**
 * What `argosy apply` does, checked the way Argo CD would see it: a server-side dry run of every
 * object (nothing is applied if any is rejected), then a real server-side apply in sync order,
 * then each object is read back and compared with what we wrote.
 */
export async function applySet(
  kc: KubeConfig,
  documents: readonly SourceDocument[],
  opts: ApplySetOptions = {},
): Promise<SetResult> {
  const discovery = new Discovery(kc);
  const wave = opts.wave ? (o: KubeObject) => opts.wave?.(o) ?? 0 : syncWaveOf;
  const ordered = syncOrder(documents, (d) => d.object as KubeObject, wave);
  const request = { fieldManager: FIELD_MANAGER, force: true, namespace: opts.namespace ?? 'default' };
  const rejected: (ObjectRef & { findings: readonly Finding[] })[] = [];
  for (const d of ordered) {
    const r = await applyObject(kc, discovery, d.object as KubeObject, { ...request, dryRun: true });
    const errors = r.findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) rejected.push({ ...refOf(d, r.namespace), findings: errors });
  }
  if (rejected.length > 0) return { objects: documents.length, rejected, applied: 0, drift: [], ignoredDrift: 0 };
  const drift: SetResult['drift'][number][] = [];
  let applied = 0;
  let ignoredDrift = 0;
  for (const d of ordered) {
    const ours = d.object as KubeObject & Record<string, unknown>;
    const r = await applyObject(kc, discovery, ours, { ...request, dryRun: false });
    const errors = r.findings.filter((f) => f.severity === 'error');
    if (errors.length > 0 || !r.live) {
      rejected.push({ ...refOf(d, r.namespace), findings: errors });
      continue;
    }
    applied++;
    const meta = r.live.metadata as { name: string; namespace?: string };
    const live = await readObject(kc, discovery, String(ours.apiVersion), String(ours.kind), meta.name, meta.namespace);
    const identity = {
      apiVersion: String(ours.apiVersion),
      kind: String(ours.kind),
      name: meta.name,
      ...(meta.namespace ? { namespace: meta.namespace } : {}),
    };
    const entries = opts.ignore?.(ours) ?? [];
    for (const x of driftOf(ours, live)) {
      if (ignored(x, entries, identity, live)) ignoredDrift++;
      else drift.push({ ...refOf(d, meta.namespace), path: formatPath(x.path), ours: x.ours, live: x.live });
    }
  }
  return { objects: documents.length, rejected, applied, drift, ignoredDrift };
}
