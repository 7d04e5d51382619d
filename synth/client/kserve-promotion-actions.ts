import { ClientError, errorFor } from './errors.ts';
import { resourcePath, type Kube } from './kube.ts';
import { activeSuspend, WORKFLOWS, type PromotionWorkflowJson, type SpecJson } from './kserve-promotion.ts';

/** The kubectl resource names the promotion workflow's patch steps take, and their API paths. */
const PATCHED: Readonly<Record<string, { group: string; version: string; resource: string }>> = {
  'inferenceservice.serving.kserve.io': {
    group: 'serving.kserve.io',
    version: 'v1beta1',
    resource: 'inferenceservices',
  },
  'virtualservice.networking.istio.io': { group: 'networking.istio.io', version: 'v1', resource: 'virtualservices' },
};
const nodesReadable = (wf: PromotionWorkflowJson, verb: string): void => {
  if (wf.status?.compressedNodes || wf.status?.offloadNodeStatusVersion)
    throw new ClientError(
      `promotion run "${wf.metadata.name}": its node status is ${wf.status.offloadNodeStatusVersion ? "offloaded to the workflow controller's database" : 'compressed'} (got status.${wf.status.offloadNodeStatusVersion ? 'offloadNodeStatusVersion' : 'compressedNodes'}). ${verb} it with argo ${verb.toLowerCase()} ${wf.metadata.name}, which reads it through the Argo Server`,
      'unsupported',
    );
};

/**
 * `argo resume` for one run: each suspend node the controller holds is marked Succeeded with a
 * finish time and a message, as Argo's ResumeWorkflow does, in one merge patch carrying the
 * resourceVersion read (a concurrent controller write makes it a 409 and the caller reads again).
 * Returns the suspend steps it resumed.
 *
 * @example
 * ```ts
 * await resumeRun(kube, wf, 'ml-prod'); // ['approve-1']
 * ```
 */
export async function resumeRun(kube: Kube, wf: PromotionWorkflowJson, namespace: string): Promise<string[]> {
  nodesReadable(wf, 'Resume');
  const held = Object.entries(wf.status?.nodes ?? {}).filter(
    ([, n]) => activeSuspend(n) && !n.name.startsWith(`${wf.metadata.name}.onExit`),
  );
  if (held.length === 0 && !wf.spec?.suspend) return [];
  const finishedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const nodes = Object.fromEntries(
    held.map(([id]) => [id, { phase: 'Succeeded', finishedAt, message: 'Resumed by argosy promote' }]),
  );
  const name = wf.metadata.name;
  await kube.request(
    'PATCH',
    resourcePath(WORKFLOWS, namespace, name),
    { verb: 'patch', group: WORKFLOWS.group, resource: WORKFLOWS.resource, namespace, name },
    {
      metadata: { resourceVersion: wf.metadata.resourceVersion },
      // `argo suspend` holds the whole run through spec.suspend; `argo resume` clears it too.
      ...(wf.spec?.suspend ? { spec: { suspend: null } } : {}),
      ...(held.length ? { status: { nodes } } : {}),
    },
    'application/merge-patch+json',
  );
  return held.length ? held.map(([, n]) => n.displayName ?? n.name).sort() : ['the suspended run'];
}

/**
 * `argo stop`: the controller ends the running steps and runs the exit handler (the rollback).
 *
 * @example
 * ```ts
 * await stopRun(kube, wf, 'ml-prod'); // spec.shutdown: Stop
 * ```
 */
export async function stopRun(kube: Kube, wf: PromotionWorkflowJson, namespace: string): Promise<void> {
  const name = wf.metadata.name;
  await kube.request(
    'PATCH',
    resourcePath(WORKFLOWS, namespace, name),
    { verb: 'patch', group: WORKFLOWS.group, resource: WORKFLOWS.resource, namespace, name },
    { spec: { shutdown: 'Stop' } },
    'application/merge-patch+json',
  );
}

/** What applying the run's own rollback step did. */
export type RollbackOutcome =
  | { readonly applied: true; readonly object: string }
  | { readonly applied: false; readonly object?: string; readonly why: string };

/**
 * Applies the run's `rollback` step (the JSON patch its exit handler applies) right away, so
 * traffic leaves the candidate without waiting for the controller to wind the run down; the
 * exit handler applies the same patch again, which changes nothing. Its `test` operation makes
 * it a no-op (a 422 from the server) when the object no longer lists the run's candidate.
 *
 * @example
 * ```ts
 * const r = await applyRollback(kube, specOf(runs, wf), 'ml-prod');
 * if (!r.applied) console.log(r.why);
 * ```
 */
export async function applyRollback(
  kube: Kube,
  spec: SpecJson | undefined,
  namespace: string,
): Promise<RollbackOutcome> {
  const step = spec?.templates?.find((t) => t.name === 'rollback')?.resource;
  const [kind, objectName] = step?.flags ?? [];
  const target = kind ? PATCHED[kind] : undefined;
  if (!step || step.action !== 'patch' || step.mergeStrategy !== 'json' || !target || !objectName || !step.manifest)
    return { applied: false, why: 'the run has no rollback step Argosy knows; its exit handler rolls back' };
  if (step.manifest.includes('{{'))
    return { applied: false, why: 'the rollback step takes parameters; its exit handler rolls back' };
  const object = `${kind} ${objectName}`;
  const path = resourcePath(target, namespace, objectName);
  const ops = JSON.parse(step.manifest) as { op: string; path: string; value?: unknown }[];
  const res = await kube.raw('PATCH', path, ops, 'application/json-patch+json');
  if (res.status >= 200 && res.status < 300) return { applied: true, object };
  const refused = errorFor(res, { verb: 'patch', ...target, namespace, name: objectName }, kube.server);
  // The server's 422 does not say which operation failed: read the object and check the tests.
  if (res.status !== 422) throw refused;
  const live = await kube.raw('GET', path);
  if (live.status === 200 && ops.some((o) => o.op === 'test' && !sameJson(pointer(live.body, o.path), o.value)))
    return { applied: false, object, why: `${object} no longer lists the run's candidate: nothing to roll back` };
  throw refused;
}

/** The value at an RFC 6901 JSON pointer, undefined when the path is absent. */
function pointer(doc: unknown, path: string): unknown {
  let at: unknown = doc;
  for (const raw of path.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
