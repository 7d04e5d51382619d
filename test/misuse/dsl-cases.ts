import { echo } from '../fixtures/components.ts';
import { component, kserve, param, pipeline, schedule, server, volume } from '../../dsl/index.ts';
import { orThrow } from '../../dsl/deploy/deferred.ts';
import { toGoDuration, toMilliseconds, toSeconds } from '../../dsl/common/duration.ts';
import { assertCron } from '../../dsl/schedule/cron.ts';
import { dsl, type MisuseCase } from './case.ts';

const base = { image: 'ghcr.io/acme/x:1.0.0', command: ['true'] } as const;
const c = (name: string, opts: object) => (): unknown => component(name, { ...base, ...opts } as never);
const env = (vars: object) => c('app', { env: vars });
const daily = pipeline('daily', { params: { date: param.string() } }, (p, params) => {
  p.task('say', echo, { text: params.date });
});
const sched = (opts: object) => (): unknown =>
  schedule(daily, { cron: '0 1 * * *', args: { date: 'x' }, ...opts } as never);
const serving = { format: 'xgboost', storageUri: 's3://m/v1' } as const;
const ks = (opts: object) => (): unknown => orThrow(kserve({ ...serving, ...opts } as never));
const srv = (opts: object) => (): unknown => orThrow(server(opts as never));
const cronOf = (expr: unknown) => (): unknown => assertCron(expr, ['schedule "nightly"', 'cron']);

/** The DSL's runtime errors: what a TypeScript user can still get wrong (casts, computed values, JavaScript). */
export const DSL_CASES: readonly MisuseCase[] = [
  // Component names and images.
  dsl('component name with capitals', c('Train', {}), [
    '✗ component "Train": component name is not a valid DNS-1123 label (got "Train"). Use lowercase letters, digits and "-", starting and ending with a letter or digit, e.g. "train".',
  ]),
  dsl('component name with underscore', c('my_train', {}), [
    '✗ component "my_train": component name is not a valid DNS-1123 label (got "my_train"). Use lowercase letters, digits and "-", starting and ending with a letter or digit, e.g. "my-train".',
  ]),
  dsl('component name too long', c('x'.repeat(70), {}), [
    '✗ component "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": component name is longer than 63 characters (got "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"). Shorten it to at most 63 characters.',
  ]),
  dsl('component empty name', c('', {}), [
    '✗ component "": component name must be a non-empty string (got ""). Use lowercase letters, digits and "-".',
  ]),
  dsl('component image missing', () => component('a', { command: ['true'] } as never), [
    '✗ component "a" > image: image must be a container image reference (got undefined). Use e.g. "ghcr.io/acme/train:1.4.2".',
  ]),
  dsl('component image with spaces', c('a', { image: 'my image' }), [
    '✗ component "a" > image: image must be a container image reference (got "my image"). Use e.g. "ghcr.io/acme/train:1.4.2".',
  ]),
  // Environment variables.
  dsl('env name with a space', env({ 'MY VAR': 'x' }), [
    '✗ component "app" > env "MY VAR": invalid environment variable name (got "MY VAR"). Use letters, digits and "_", e.g. "MODEL_DIR".',
  ]),
  dsl('env name with an equals sign', env({ 'A=B': 'x' }), [
    '✗ component "app" > env "A=B": invalid environment variable name (got "A=B"). Use letters, digits and "_", e.g. "MODEL_DIR".',
  ]),
  dsl('env Slack token under a plain name', env({ NOTIFY: 'xoxb-1234567890-abcdefghij' }), [
    '✗ component "app" > env "NOTIFY": the literal value is a credential (a Slack token); secret values must never be written to git (got "<redacted>"). Store it in a Secret and use secretKey(\'<secret>\', \'<key>\').',
  ]),
  dsl('env Stripe live key under a plain name', env({ BILLING: `sk_live_${'a1b2c3d4'.repeat(3)}` }), [
    '✗ component "app" > env "BILLING": the literal value is a credential (a Stripe live key); secret values must never be written to git (got "<redacted>"). Store it in a Secret and use secretKey(\'<secret>\', \'<key>\').',
  ]),
  dsl('env name starting with a digit', env({ '1X': 'x' }), [
    '✗ component "app" > env "1X": invalid environment variable name (got "1X"). Use letters, digits and "_", e.g. "MODEL_DIR".',
  ]),
  dsl('env password literal', env({ DB_PASSWORD: 'hunter2' }), [
    '✗ component "app" > env "DB_PASSWORD": a secret-looking variable has a literal value; secret values must never be written to git (got "<redacted>"). Store it in a Secret and use secretKey(\'<secret>\', \'<key>\').',
  ]),
  dsl('env token literal', env({ API_TOKEN: 'abc' }), [
    '✗ component "app" > env "API_TOKEN": a secret-looking variable has a literal value; secret values must never be written to git (got "<redacted>"). Store it in a Secret and use secretKey(\'<secret>\', \'<key>\').',
  ]),
  dsl('env AWS key under a plain name', env({ S3_CONFIG: 'AKIAIOSFODNN7EXAMPLE' }), [
    '✗ component "app" > env "S3_CONFIG": the literal value is a credential (an AWS access key id); secret values must never be written to git (got "<redacted>"). Store it in a Secret and use secretKey(\'<secret>\', \'<key>\').',
  ]),
  dsl('env database URL with a password', env({ DATABASE_URL: 'postgres://admin:hunter2@db:5432/app' }), [
    '✗ component "app" > env "DATABASE_URL": the literal value is a URL with a password in it; secret values must never be written to git (got "<redacted>"). Store it in a Secret and use secretKey(\'<secret>\', \'<key>\').',
  ]),
  dsl('env GitHub token under a plain name', env({ GIT: `ghp_${'a1B2'.repeat(9)}` }), [
    '✗ component "app" > env "GIT": the literal value is a credential (a GitHub token); secret values must never be written to git (got "<redacted>"). Store it in a Secret and use secretKey(\'<secret>\', \'<key>\').',
  ]),
  dsl('env private key', env({ TLS: '-----BEGIN RSA PRIVATE KEY-----\nabc' }), [
    '✗ component "app" > env "TLS": the literal value is a credential (a private key); secret values must never be written to git (got "<redacted>"). Store it in a Secret and use secretKey(\'<secret>\', \'<key>\').',
  ]),
  dsl('env random token under a key-like name', env({ SIGNING_KEY: 'q8Vf2LmZ0xT7rW4kP1sN9bYc' }), [
    '✗ component "app" > env "SIGNING_KEY": the literal value is a random-looking token under a key-like name; secret values must never be written to git (got "<redacted>"). Store it in a Secret and use secretKey(\'<secret>\', \'<key>\').',
  ]),
  dsl('env JSON web token', env({ AUTH_HEADER: 'eyJhbGciOiJI.eyJzdWIiOiIx.SflKxwRJSMeKKF2QT4f' }), [
    '✗ component "app" > env "AUTH_HEADER": the literal value is a credential (a JSON web token); secret values must never be written to git (got "<redacted>"). Store it in a Secret and use secretKey(\'<secret>\', \'<key>\').',
  ]),
  // Resources.
  dsl('cpu not a quantity', c('a', { resources: { cpu: 'lots' } }), [
    '✗ component "a" > resources > cpu: not a valid Kubernetes quantity (got "lots"). Use cores or millicores, e.g. "2" or "500m".',
  ]),
  dsl('memory not a quantity', c('a', { resources: { memory: '4 GB' } }), [
    '✗ component "a" > resources > memory: not a valid Kubernetes quantity (got "4 GB"). Use a number with an optional unit, e.g. "512Mi" or "16Gi".',
  ]),
  dsl('negative cpu', c('a', { resources: { cpu: -1 } }), [
    '✗ component "a" > resources > cpu: quantity must be a non-negative finite number (got -1). Use a value such as "500m", "2" or "16Gi".',
  ]),
  dsl('memory in lowercase units', c('a', { resources: { memory: '4gb' } }), [
    '✗ component "a" > resources > memory: not a valid Kubernetes quantity (got "4gb"). Use a number with an optional unit, e.g. "512Mi" or "16Gi".',
  ]),
  dsl('gpu count zero', c('a', { resources: { gpu: { count: 0 } } }), [
    '✗ component "a" > resources > gpu: GPU count must be a positive integer (got 0). Use e.g. gpu: 1.',
  ]),
  dsl('gpu count fractional', c('a', { resources: { gpu: { count: 1.5 } } }), [
    '✗ component "a" > resources > gpu: GPU count must be a positive integer (got 1.5). Use e.g. gpu: 1.',
  ]),
  // Volumes.
  dsl('volume mount path relative', c('a', { volumes: [{ mountPath: 'tmp', source: volume.emptyDir() }] }), [
    '✗ component "a" > volumes[0]: mountPath must be an absolute path (got "tmp"). Use e.g. "/data".',
  ]),
  dsl('volume size not a quantity', () => volume.emptyDir({ sizeLimit: 'big' }), [
    '✗ volume > emptyDir > sizeLimit: not a valid Kubernetes quantity (got "big"). Use a number with an optional unit, e.g. "512Mi" or "16Gi".',
  ]),
  dsl(
    'two volumes with one name',
    c('a', {
      volumes: [
        { name: 's', mountPath: '/a', source: volume.emptyDir() },
        { name: 's', mountPath: '/b', source: volume.emptyDir() },
      ],
    }),
    ['✗ component "a" > volumes[1]: two volumes have the same name (got "s"). Give one of them an explicit `name`.'],
  ),
  dsl(
    'secret volume mounted at a relative path',
    c('a', { volumes: [{ mountPath: 'etc/x', source: volume.secret('s') }] }),
    ['✗ component "a" > volumes[0]: mountPath must be an absolute path (got "etc/x"). Use e.g. "/data".'],
  ),
  // Crons.
  dsl('cron February 30', cronOf('0 3 30 2 *'), [
    '✗ schedule "nightly" > cron: cron never fires: no month in "2" has day 30 (got "0 3 30 2 *"). Pick a day every listed month has (1-28 fits all of them, 30 all but February), or list the months that have it.',
  ]),
  dsl('cron April 31', cronOf('0 3 31 4 *'), [
    '✗ schedule "nightly" > cron: cron never fires: no month in "4" has day 31 (got "0 3 31 4 *"). Pick a day every listed month has (1-28 fits all of them, 30 all but February), or list the months that have it.',
  ]),
  dsl('cron June and November 31', cronOf('0 3 31 6,11 *'), [
    '✗ schedule "nightly" > cron: cron never fires: no month in "6,11" has day 31 (got "0 3 31 6,11 *"). Pick a day every listed month has (1-28 fits all of them, 30 all but February), or list the months that have it.',
  ]),
  dsl('cron February 30-31 by name', cronOf('0 3 30-31 feb *'), [
    '✗ schedule "nightly" > cron: cron never fires: no month in "feb" has day 30-31 (got "0 3 30-31 feb *"). Pick a day every listed month has (1-28 fits all of them, 30 all but February), or list the months that have it.',
  ]),
  dsl('cron September 31', cronOf('0 3 31 9 *'), [
    '✗ schedule "nightly" > cron: cron never fires: no month in "9" has day 31 (got "0 3 31 9 *"). Pick a day every listed month has (1-28 fits all of them, 30 all but February), or list the months that have it.',
  ]),
  dsl('cron November 31 by name', cronOf('0 3 31 nov *'), [
    '✗ schedule "nightly" > cron: cron never fires: no month in "nov" has day 31 (got "0 3 31 nov *"). Pick a day every listed month has (1-28 fits all of them, 30 all but February), or list the months that have it.',
  ]),
  dsl('cron February 30 and 31 as a list', cronOf('0 0 30,31 2 *'), [
    '✗ schedule "nightly" > cron: cron never fires: no month in "2" has day 30,31 (got "0 0 30,31 2 *"). Pick a day every listed month has (1-28 fits all of them, 30 all but February), or list the months that have it.',
  ]),
  dsl('cron with six fields', cronOf('0 0 3 * * *'), [
    '✗ schedule "nightly" > cron: cron expression has 6 fields, expected 5 (got "0 0 3 * * *"). Use five fields "minute hour day-of-month month day-of-week", e.g. "0 3 * * 1", or cron.weekly({ day: "mon", hour: 3 }).',
  ]),
  dsl('cron with four fields', cronOf('0 3 * *'), [
    '✗ schedule "nightly" > cron: cron expression has 4 fields, expected 5 (got "0 3 * *"). Use five fields "minute hour day-of-month month day-of-week", e.g. "0 3 * * 1", or cron.weekly({ day: "mon", hour: 3 }).',
  ]),
  dsl('cron minute 60', cronOf('60 3 * * *'), [
    '✗ schedule "nightly" > cron: minute 60 is outside 0-59 (got "60 3 * * *"). Use five fields "minute hour day-of-month month day-of-week", e.g. "0 3 * * 1", or cron.weekly({ day: "mon", hour: 3 }).',
  ]),
  dsl('cron hour 24', cronOf('0 24 * * *'), [
    '✗ schedule "nightly" > cron: hour 24 is outside 0-23 (got "0 24 * * *"). Use five fields "minute hour day-of-month month day-of-week", e.g. "0 3 * * 1", or cron.weekly({ day: "mon", hour: 3 }).',
  ]),
  dsl('cron day 0', cronOf('0 3 0 * *'), [
    '✗ schedule "nightly" > cron: day of month 0 is outside 1-31 (got "0 3 0 * *"). Use five fields "minute hour day-of-month month day-of-week", e.g. "0 3 * * 1", or cron.weekly({ day: "mon", hour: 3 }).',
  ]),
  dsl('cron month 13', cronOf('0 3 1 13 *'), [
    '✗ schedule "nightly" > cron: month 13 is outside 1-12 (got "0 3 1 13 *"). Use five fields "minute hour day-of-month month day-of-week", e.g. "0 3 * * 1", or cron.weekly({ day: "mon", hour: 3 }).',
  ]),
  dsl('cron weekday 7', cronOf('0 3 * * 7'), [
    '✗ schedule "nightly" > cron: day of week 7 is outside 0-6 (got "0 3 * * 7"). Use five fields "minute hour day-of-month month day-of-week", e.g. "0 3 * * 1", or cron.weekly({ day: "mon", hour: 3 }).',
  ]),
  dsl('cron step zero', cronOf('*/0 * * * *'), [
    '✗ schedule "nightly" > cron: step of zero in minute field "*/0" (got "*/0 * * * *"). Use five fields "minute hour day-of-month month day-of-week", e.g. "0 3 * * 1", or cron.weekly({ day: "mon", hour: 3 }).',
  ]),
  dsl('cron backwards range', cronOf('0 5-1 * * *'), [
    '✗ schedule "nightly" > cron: range 5-1 in hour field runs backwards (got "0 5-1 * * *"). Use five fields "minute hour day-of-month month day-of-week", e.g. "0 3 * * 1", or cron.weekly({ day: "mon", hour: 3 }).',
  ]),
  dsl('cron unknown descriptor', cronOf('@fortnightly'), [
    '✗ schedule "nightly" > cron: unknown cron descriptor "@fortnightly" (got "@fortnightly"). Use five fields "minute hour day-of-month month day-of-week", e.g. "0 3 * * 1", or cron.weekly({ day: "mon", hour: 3 }).',
  ]),
  dsl('cron empty', cronOf(''), [
    '✗ schedule "nightly" > cron: cron expression must be a non-empty string (got ""). Use five fields "minute hour day-of-month month day-of-week", e.g. "0 3 * * 1", or cron.weekly({ day: "mon", hour: 3 }).',
  ]),
  dsl('cron not a string', cronOf(5), [
    '✗ schedule "nightly" > cron: cron expression must be a non-empty string (got 5). Use five fields "minute hour day-of-month month day-of-week", e.g. "0 3 * * 1", or cron.weekly({ day: "mon", hour: 3 }).',
  ]),
  dsl('cron unknown month name', cronOf('0 3 1 foo *'), [
    '✗ schedule "nightly" > cron: "foo" is not a valid month (got "0 3 1 foo *"). Use five fields "minute hour day-of-month month day-of-week", e.g. "0 3 * * 1", or cron.weekly({ day: "mon", hour: 3 }).',
  ]),
  // Schedules.
  dsl('schedule without cron', sched({ cron: [] }), [
    '✗ schedule "daily" > cron: at least one cron expression is needed (got []). Pass e.g. cron: "0 3 * * 1".',
  ]),
  dsl('schedule with a bad time zone', sched({ timezone: 'Mars/Olympus' }), [
    '✗ schedule "daily" > timezone: not an IANA time zone name (got "Mars/Olympus"). Use e.g. "Europe/Berlin" or "UTC" (see the tz database list of zone names).',
  ]),
  dsl('schedule with an unknown concurrency', sched({ concurrency: 'sometimes' }), [
    '✗ schedule "daily" > concurrency: unknown concurrency policy (got "sometimes"). Use "allow", "forbid" or "replace".',
  ]),
  dsl('schedule with a negative starting deadline', sched({ startingDeadline: -5 }), [
    '✗ schedule "daily" > startingDeadline: duration must be a positive number of seconds (got -5). Use e.g. 600 or minutes(10).',
  ]),
  dsl('schedule on February 30', sched({ cron: '0 3 30 2 *' }), [
    '✗ schedule "daily" > cron: cron never fires: no month in "2" has day 30 (got "0 3 30 2 *"). Pick a day every listed month has (1-28 fits all of them, 30 all but February), or list the months that have it.',
  ]),
  // Durations.
  dsl('duration negative', () => toSeconds(-1, ['retry', 'backoff']), [
    '✗ retry > backoff: duration must be a positive number of seconds (got -1). Use e.g. 600 or minutes(10).',
  ]),
  dsl('duration with an unknown unit', () => toGoDuration('10 minutes', ['timeout']), [
    '✗ timeout: not a valid duration (got "10 minutes"). Use Go duration syntax such as "90s", "10m" or "1h30m", or minutes(10).',
  ]),
  dsl('duration not a number', () => toSeconds('soon', ['timeout']), [
    '✗ timeout: not a valid duration (got "soon"). Use Go duration syntax such as "90s", "10m" or "1h30m", or minutes(10).',
  ]),
  dsl('latency with a bad unit', () => toMilliseconds('250 millis', ['monitoring "ctr"', 'latencyP99']), [
    '✗ monitoring "ctr" > latencyP99: not a valid duration (got "250 millis"). Use Go duration syntax such as "90s", "10m" or "1h30m", or minutes(10).',
  ]),
  // Serving.
  dsl('kserve maxReplicas below minReplicas', ks({ minReplicas: 4, maxReplicas: 2 }), [
    '✗ kserve() > maxReplicas: maxReplicas is below minReplicas (4) (got 2). Raise maxReplicas or lower minReplicas.',
  ]),
  dsl('kserve concurrency scaling in Standard mode', ks({ scaleMetric: 'concurrency' }), [
    '✗ kserve() > scaleMetric: "concurrency" scaling needs the Knative autoscaler (got "concurrency"). Use "cpu" or "memory" in Standard mode, or deploymentMode: "Knative".',
  ]),
  dsl('kserve storage URI without a scheme', ks({ storageUri: 'models/v1' }), [
    '✗ kserve() > storageUri: KServe cannot load this storageUri: it supports gs://, s3://, pvc://, file://, https://, http://, hdfs://, webhdfs://, oci://, oci+native://, oci+fetch://, hf://, modelscope:// and absolute paths (got "models/v1"). Use e.g. "s3://models/churn/v42"; Azure Blob is https://<account>.blob.core.windows.net/...',
  ]),
  dsl('kserve negative minReplicas', ks({ minReplicas: -1 }), [
    '✗ kserve() > minReplicas: expected a whole number from 0 to 1000 (got -1). Use e.g. minReplicas: 2.',
  ]),
  dsl('kserve secret-looking env literal', ks({ env: { API_TOKEN: 'abc' } }), [
    '✗ kserve() > env "API_TOKEN": a secret-looking variable has a literal value; secret values must never be written to git (got "<redacted>"). Store it in a Secret and use secretKey(\'<secret>\', \'<key>\').',
  ]),
  dsl('server without an image', srv({ port: 8080 }), [
    '✗ server() > image: image must be a non-empty string without spaces (got undefined). Use e.g. "ghcr.io/acme/ranker:7".',
  ]),
  dsl('server port out of range', srv({ image: 'ghcr.io/a/b:1', port: 70000 }), [
    '✗ server() > port: expected a whole number from 1 to 65535 (got 70000). Use the port the server listens on, e.g. 8080.',
  ]),
];
