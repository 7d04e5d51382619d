/**
 * `recurringrun.<schedule>.yaml` holds a KFP `RecurringRun` in camelCase ProtoJSON (what the
 * proto's JSON mapping prints). The API server's gateway reads both spellings, but the KFP SDK and
 * its generated models (kfp-server-api) use the proto field names, so the request is sent with
 * those: each message field renamed by this schema, while the contents of Struct and map fields
 * (`pipeline_spec`, `runtime_config.parameters`) pass unchanged. A field the schema does not know
 * is an error rather than something the server would silently drop.
 */

/** A message: its fields by proto name, each a nested message or `'value'` (scalar, Struct, map). */
interface Shape {
  readonly [protoName: string]: Shape | 'value';
}

const TIMES = { start_time: 'value', end_time: 'value' } as const;

/** `RecurringRun` of backend/api/v2beta1/recurring_run.proto (KFP 2.x), the fields a request may set. */
const RECURRING_RUN: Shape = {
  recurring_run_id: 'value',
  display_name: 'value',
  description: 'value',
  pipeline_version_id: 'value',
  pipeline_spec: 'value',
  pipeline_version_reference: { pipeline_id: 'value', pipeline_version_id: 'value' },
  runtime_config: { parameters: 'value', pipeline_root: 'value' },
  service_account: 'value',
  max_concurrency: 'value',
  trigger: {
    cron_schedule: { ...TIMES, cron: 'value' },
    periodic_schedule: { ...TIMES, interval_second: 'value' },
  },
  mode: 'value',
  no_catchup: 'value',
  namespace: 'value',
  experiment_id: 'value',
};

const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function convert(value: unknown, shape: Shape, path: string, problems: string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(
      `${path || '(document)'}: expected a mapping (got ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}). Write the KFP RecurringRun fields as a mapping`,
    );
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = snake(key);
    const field = shape[name];
    const at = path ? `${path}.${key}` : key;
    if (field === undefined) {
      problems.push(
        `${at}: not a field of a KFP RecurringRun (got ${JSON.stringify(key)}). Remove it or fix its name (fields: ${Object.keys(shape).join(', ')})`,
      );
      continue;
    }
    out[name] = field === 'value' ? v : convert(v, field, at, problems);
  }
  return out;
}

/**
 * The request body of `POST /apis/v2beta1/recurringruns` for a recurring-run document, with the
 * KFP namespace set when one is given, or the problems found (nothing is sent then).
 *
 * @example
 * ```ts
 * recurringRunRequest({ displayName: 'daily', maxConcurrency: '1', trigger: { cronSchedule: { cron: '0 0 3 * * *' } } }, 'ml');
 * // { body: { display_name: 'daily', max_concurrency: '1', trigger: { cron_schedule: { cron: '0 0 3 * * *' } }, namespace: 'ml' }, problems: [] }
 * ```
 */
export function recurringRunRequest(
  doc: unknown,
  namespace?: string,
): { readonly body: Record<string, unknown>; readonly problems: readonly string[] } {
  const problems: string[] = [];
  const body = convert(doc, RECURRING_RUN, '', problems);
  if (typeof body.display_name !== 'string' || !body.display_name)
    problems.push('displayName: a recurring run needs a name (got none). Set displayName');
  if (body.trigger === undefined) problems.push('trigger: a recurring run needs a trigger (got none). Set trigger');
  if (namespace) body.namespace = namespace;
  return { body, problems };
}
