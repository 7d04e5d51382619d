import { ClientError, type RequestTarget } from './errors.ts';
import { lines, type Kube } from './kube.ts';

/** One event of a resumable watch: the object as it is now, or the reconnection itself. */
export type WatchEvent<T> =
  | { readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'; readonly object: T }
  /** The stream ended or broke and was opened again from `resourceVersion`: no event is lost or repeated. */
  | { readonly type: 'RESUMED'; readonly resourceVersion: string; readonly attempt: number };

export interface WatchOptions {
  /**
   * How long the server keeps one watch stream open before ending it (`timeoutSeconds`);
   * the watch then resumes. Default 300.
   */
  readonly streamSeconds?: number;
  /** Consecutive failed reconnections after which the watch gives up. Default 5. */
  readonly maxAttempts?: number;
  /** Ends the watch (the iterator then returns). */
  readonly signal?: AbortSignal;
}

interface Meta {
  metadata?: { name?: string; resourceVersion?: string };
}

interface RawEvent {
  type?: string;
  object?: Meta & { code?: number; message?: string; reason?: string };
}

const pause = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });

/**
 * Watches one object: yields its current state first, then every change, until `until` says it
 * is done or it is deleted. When a stream ends (the server's timeout, a proxy, a network drop)
 * the watch reopens from the last resourceVersion it saw, so nothing is missed or repeated;
 * when that version is too old (410 Gone) it reads the object again and continues from there.
 *
 * @example
 * ```ts
 * for await (const e of watchObject(kube, collection, target, 'churn-x7k2p', { until: (o) => done(o) }))
 *   if (e.type !== 'RESUMED') console.log(e.object.status?.phase);
 * ```
 */
export async function* watchObject<T extends Meta>(
  kube: Kube,
  collectionPath: string,
  target: RequestTarget,
  name: string,
  opts: WatchOptions & { readonly until?: (object: T) => boolean } = {},
): AsyncGenerator<WatchEvent<T>> {
  const objectPath = `${collectionPath}/${encodeURIComponent(name)}`;
  let current = await kube.request<T>('GET', objectPath, { ...target, verb: 'get', name });
  yield { type: 'ADDED', object: current };
  if (opts.until?.(current)) return;
  let rv = current.metadata?.resourceVersion ?? '';
  let attempt = 0;
  const seconds = opts.streamSeconds ?? 300;
  for (;;) {
    if (opts.signal?.aborted) return;
    const query = new URLSearchParams({
      watch: '1',
      fieldSelector: `metadata.name=${name}`,
      resourceVersion: rv,
      allowWatchBookmarks: 'true',
      timeoutSeconds: String(seconds),
    });
    let gone = false;
    try {
      const res = await kube.stream(`${collectionPath}?${query}`, { ...target, verb: 'watch', name }, opts.signal);
      for await (const line of lines(res)) {
        if (!line.trim()) continue;
        const event = JSON.parse(line) as RawEvent;
        attempt = 0;
        if (event.type === 'ERROR') {
          if (event.object?.code === 410) {
            gone = true;
            break;
          }
          throw new ClientError(
            `${target.resource} "${name}": the watch failed (got ${event.object?.code ?? ''} ${event.object?.reason ?? ''}: ${event.object?.message ?? ''}). Run it again`,
            'watch-failed',
            event.object?.code ?? 0,
          );
        }
        const object = event.object as T;
        rv = object.metadata?.resourceVersion ?? rv;
        if (event.type === 'BOOKMARK') continue;
        current = object;
        yield { type: event.type as 'ADDED' | 'MODIFIED' | 'DELETED', object };
        if (event.type === 'DELETED' || opts.until?.(object)) {
          res.destroy();
          return;
        }
      }
    } catch (e) {
      if (opts.signal?.aborted) return;
      // A dropped connection is resumed; a refusal (403, 404) or a failed watch is not.
      const retriable = !(e instanceof ClientError) || e.reason === 'unreachable';
      if (!retriable) throw e;
      attempt++;
      if (attempt >= (opts.maxAttempts ?? 5)) throw e;
      await pause(Math.min(250 * 2 ** attempt, 5000), opts.signal);
    }
    if (gone) {
      // Our version was compacted away: read the object again; a change in between is yielded.
      const fresh = await kube.request<T>('GET', objectPath, { ...target, verb: 'get', name });
      if (fresh.metadata?.resourceVersion !== current.metadata?.resourceVersion) {
        current = fresh;
        yield { type: 'MODIFIED', object: fresh };
        if (opts.until?.(fresh)) return;
      }
      rv = fresh.metadata?.resourceVersion ?? '';
    }
    if (opts.signal?.aborted) return;
    yield { type: 'RESUMED', resourceVersion: rv, attempt };
  }
}
