import type { ApiResponse } from '../commands/apply-client.ts';

/** What a request asked for, so a refusal can name it (the server's Status alone may not say). */
export interface RequestTarget {
  /** The RBAC verb: get, list, watch, create, patch, delete. */
  readonly verb: string;
  /** API group, '' for the core group. */
  readonly group: string;
  /** Plural resource, e.g. `workflows`; with a subresource, `rollouts/status`. */
  readonly resource: string;
  readonly namespace?: string;
  readonly name?: string;
}

/**
 * A request the cluster refused or could not answer, as a message of the form
 * `<what>: <problem> (got <value>). <fix>.` and the HTTP status. The CLI prints the message
 * without a stack trace and exits 1.
 *
 * @example
 * ```ts
 * try {
 *   await client.runs.get('nightly-x7k2p');
 * } catch (e) {
 *   if (e instanceof ClientError && e.reason === 'not-found') console.error(e.message);
 * }
 * ```
 */
export class ClientError extends Error {
  constructor(
    message: string,
    /**
     * `not-found`, `forbidden`, `template-missing`, `namespace-missing`, `invalid`, `timeout`,
     * `unauthorized`, `rejected`; for KServe deployments `no-promotion` (no run in progress),
     * `not-paused` (the run is not at an approval or pause), `unsupported`, `usage`.
     */
    readonly reason: string,
    /** HTTP status of the answer, 0 when there was none. */
    readonly status = 0,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

interface Status {
  readonly message?: string;
  readonly reason?: string;
  readonly details?: { readonly kind?: string; readonly name?: string; readonly group?: string };
}

const plain = (s: string): string => s.trim().replace(/\.$/, '');

/** `workflows.argoproj.io`, `pods` for the core group. */
export function resourceName(t: Pick<RequestTarget, 'group' | 'resource'>): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

/**
 * The RBAC rule that would allow a refused request, in the form a Role takes, e.g.
 * `{ apiGroups: ["argoproj.io"], resources: ["workflows"], verbs: ["create"] }`.
 */
export function rbacRule(t: Pick<RequestTarget, 'group' | 'resource' | 'verb'>): string {
  return `{ apiGroups: ["${t.group}"], resources: ["${t.resource}"], verbs: ["${t.verb}"] }`;
}

/**
 * Turns an answer with an error status into a {@link ClientError} naming what was asked, why it
 * failed and what to do: 403 names the user, verb, resource, namespace and the Role rule that
 * would allow it; 404 of a namespace says to create it; 404 of the object says it does not exist.
 */
export function errorFor(res: ApiResponse, t: RequestTarget, server: string): ClientError {
  const status = (typeof res.body === 'object' && res.body !== null ? res.body : {}) as Status;
  const message = plain(
    status.message ?? (typeof res.body === 'string' ? res.body.slice(0, 300) : `HTTP ${res.status}`),
  );
  const where = t.namespace ? ` in namespace "${t.namespace}"` : '';
  const what = `${resourceName(t)}${t.name ? ` "${t.name}"` : ''}`;
  switch (res.status) {
    case 401:
      return new ClientError(
        `${server}: the cluster did not accept the kubeconfig's credentials (got 401 Unauthorized). Log in again or pick another --context`,
        'unauthorized',
        401,
      );
    case 403: {
      const user = /User "([^"]+)"/.exec(message)?.[1];
      const rbac = /cannot (\w+) resource/.exec(message);
      // Not RBAC: an admission plugin (a missing ServiceAccount, a quota, a policy) said no.
      if (!rbac)
        return new ClientError(
          `${what}${where}: refused by the API server (got 403 Forbidden: ${message}). Fix what it names, then try again`,
          'forbidden',
          403,
        );
      const verb = rbac[1] ?? t.verb;
      return new ClientError(
        `${user ? `user "${user}"` : 'the current user'} may not ${verb} ${resourceName(t)}${where} (got 403 Forbidden). Grant it with a Role${t.namespace ? ` in namespace "${t.namespace}"` : ''} holding the rule ${rbacRule({ ...t, verb })} and a RoleBinding to that user, or use a --context that has it`,
        'forbidden',
        403,
      );
    }
    case 404:
      if (status.details?.kind === 'namespaces')
        return new ClientError(
          `namespace "${status.details.name ?? t.namespace}": does not exist on ${server} (got 404 NotFound). Create it (kubectl create namespace ${status.details.name ?? t.namespace}) or pass --namespace / --env for one that exists`,
          'namespace-missing',
          404,
        );
      return new ClientError(
        `${what}: not found${where} on ${server} (got 404 NotFound). Check the name and namespace${t.resource === 'workflows' ? ' (`argosy runs list` shows the runs)' : ''}`,
        'not-found',
        404,
      );
    case 409:
      return new ClientError(
        `${what}: ${message} (got 409 Conflict). Try again: someone else changed it meanwhile`,
        'conflict',
        409,
      );
    case 422:
    case 400:
      return new ClientError(
        `${what}: the cluster rejected it (got ${res.status} ${status.reason ?? ''}: ${message}). Fix the request`.replace(
          ' :',
          ':',
        ),
        'invalid',
        res.status,
      );
    default:
      return new ClientError(
        `${what}: the request failed (got HTTP ${res.status}${status.reason ? ` ${status.reason}` : ''}: ${message}). Check the cluster and its API server's logs`,
        'rejected',
        res.status,
      );
  }
}
