/** A request the API server refused, with what we asked for (the server's Status alone may not say). */
export interface Rejection {
  readonly status: number;
  readonly body: unknown;
  readonly verb: 'patch' | 'create';
  /** `plural.group`, e.g. `workflowtemplates.argoproj.io` (`services` for the core group). */
  readonly resource: string;
  readonly namespace?: string;
  readonly server: string;
}

/** One problem the server named, as a finding's rule (under `apiserver/`), path and message. */
export interface Explained {
  readonly rule: string;
  readonly path: string;
  readonly message: string;
}

interface Status {
  readonly message?: string;
  readonly reason?: string;
  readonly details?: {
    readonly kind?: string;
    readonly name?: string;
    readonly causes?: readonly { readonly field?: string; readonly message?: string; readonly reason?: string }[];
  };
}

const clean = (s: string): string => s.trim().replace(/\.$/, '');

/**
 * Server-side apply turns the object into a typed patch first; what does not fit the schema
 * fails there, as `failed to create typed patch object (ns/name; gvk): .spec.x: <problem>`, or
 * `...: errors:` and one `.path: problem` line each (strict validation: `unknown field "spec.x"`).
 */
function typedPatchProblems(message: string): Explained[] {
  const unknown = [...message.matchAll(/unknown field "([^"]+)"/g)].map((m) => [
    m[1] as string,
    'field not declared in schema',
  ]);
  const body = message.replace(/^failed to create typed patch object \([^)]*\): (errors:)?/, '');
  const typed = body
    .split('\n')
    .map((l) => /^\s*\.([^:\s]+): (.+)$/.exec(l.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1] as string, m[2] as string]);
  return [...unknown, ...typed].map(([path, problem]) =>
    (problem as string).includes('field not declared in schema')
      ? {
          rule: 'unknown-field',
          path: path as string,
          message: `the API server does not know this field (got ${problem}). Remove it or fix its name; strict field validation rejects what a cluster would silently drop`,
        }
      : {
          rule: 'invalid',
          path: path as string,
          message: `${clean(problem as string)} (got the API server's schema check). Change it to the type the schema declares`,
        },
  );
}

/**
 * Turns the server's Status into findings of the form `<path>: <problem> (got <value>). <fix>.`:
 * one per cause of an Invalid answer; for a 403 the verb, resource and namespace that were
 * denied and to whom, so the fix (a Role granting exactly that) is obvious.
 */
export function explainRejection(r: Rejection): Explained[] {
  const status = (typeof r.body === 'object' && r.body !== null ? r.body : {}) as Status;
  const message = clean(status.message ?? (typeof r.body === 'string' ? r.body.slice(0, 300) : `HTTP ${r.status}`));
  const where = r.namespace ? ` in namespace "${r.namespace}"` : ' (cluster-scoped)';
  if (r.status === 500) {
    // Server-side apply reports a value that does not fit the schema's types as a 500.
    const typed = typedPatchProblems(message);
    if (typed.length > 0) return typed;
  }
  switch (r.status) {
    case 422: {
      const causes = status.details?.causes ?? [];
      if (causes.length === 0) return [{ rule: 'invalid', path: '', message: `${message}. Fix the object` }];
      return causes.map((c) => ({
        rule: 'invalid',
        path: (c.field ?? '').replace(/^\./, '').replace(/^<nil>$/, ''),
        message:
          `${clean(c.message ?? c.reason ?? 'invalid')} (got 422 ${status.reason ?? 'Invalid'} from the API server). Change it to what the ${status.details?.kind ?? ''} schema allows`.replace(
            'the  schema',
            'schema',
          ),
      }));
    }
    case 400: {
      const typed = typedPatchProblems(message);
      if (typed.length > 0) return typed;
      return [{ rule: 'bad-request', path: '', message: `${message} (got 400 BadRequest). Fix the object` }];
    }
    case 401:
      return [
        {
          rule: 'unauthorized',
          path: '',
          message: `${r.server} did not accept the credentials of the kubeconfig (got 401 Unauthorized). Log in again or pick another --context`,
        },
      ];
    case 403: {
      const user = /User "([^"]+)"/.exec(message)?.[1] ?? 'the current user';
      // Server-side apply of an object that does not exist yet is authorized as a create.
      const verb = /cannot (\w+) resource/.exec(message)?.[1] ?? r.verb;
      return [
        {
          rule: 'forbidden',
          path: '',
          message: `${user === 'the current user' ? user : `user "${user}"`} may not ${verb} ${r.resource}${where} (got 403 Forbidden: ${message}). Grant "${verb}" on ${r.resource}${r.namespace ? ` in namespace "${r.namespace}"` : ''} with a Role and RoleBinding, or use a context with those rights`,
        },
      ];
    }
    case 404:
      if (status.details?.kind === 'namespaces')
        return [
          {
            rule: 'namespace-not-found',
            path: 'metadata.namespace',
            message: `namespace "${status.details.name ?? r.namespace}" does not exist on ${r.server} (got 404 NotFound). Create it first (Argo CD does with syncOptions CreateNamespace=true), or pass --namespace`,
          },
        ];
      return [{ rule: 'not-found', path: '', message: `${message} (got 404 NotFound). Check apiVersion and kind` }];
    case 409:
      return [
        {
          rule: 'conflict',
          path: '',
          message: `${message} (got 409 Conflict: another field manager owns these fields). Pass --force-conflicts to take them over, or leave those fields out`,
        },
      ];
    case 413:
      return [
        {
          rule: 'too-large',
          path: '',
          message: `${message} (got 413: the object is over the server's request size limit). Split it or move data out of it`,
        },
      ];
    default:
      return [
        {
          rule: 'rejected',
          path: '',
          message: `${message} (got HTTP ${r.status}${status.reason ? ` ${status.reason}` : ''}). Check the object and the server's logs`,
        },
      ];
  }
}
