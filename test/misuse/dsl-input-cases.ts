import {
  artifact,
  component,
  kserve,
  configMapKey,
  cron,
  fieldRef,
  param,
  pipeline,
  schedule,
  secretKey,
  volume,
} from '../../dsl/index.ts';
import { orThrow } from '../../dsl/deploy/deferred.ts';
import { dsl, type MisuseCase } from './case.ts';

/**
 * DSL inputs a review found accepted silently or crashing: each is now a DslError naming the
 * object and field. Kept apart from dsl-cases.ts so cases added there and here merge cleanly.
 */
const base = { image: 'ghcr.io/acme/x:1.0.0', command: ['true'] } as const;
const c = (opts: object) => (): unknown => component('app', { ...base, ...opts } as never);
const env = (value: unknown) => c({ env: { X: value } });
const vol = (source: unknown) => c({ volumes: [{ mountPath: '/x', source }] });
const SOURCES_FIX =
  "Use a string, number or boolean, or secretKey('<secret>', '<key>'), configMapKey('<configmap>', '<key>') or fieldRef('metadata.name').";

export const DSL_INPUT_CASES: readonly MisuseCase[] = [
  // Environment variables from a source.
  dsl('env object without from', env({ name: 'mlflow', key: 'token' }), [
    `✗ component "app" > env "X": an environment variable needs a value, or a source with from: "secret", "configMap" or "field" (got {"name":"mlflow","key":"token"}). ${SOURCES_FIX}`,
  ]),
  dsl('env value undefined', env(undefined), [
    `✗ component "app" > env "X": an environment variable needs a value, or a source with from: "secret", "configMap" or "field" (got undefined). ${SOURCES_FIX}`,
  ]),
  dsl('env value null', env(null), [
    `✗ component "app" > env "X": an environment variable needs a value, or a source with from: "secret", "configMap" or "field" (got null). ${SOURCES_FIX}`,
  ]),
  dsl('secretKey with an empty name', env(secretKey('', 'token')), [
    '✗ component "app" > env "X" > name: Secret name must be a non-empty string (got ""). Use lowercase letters, digits, "-" and ".".',
  ]),
  dsl('secretKey with an empty key', env(secretKey('mlflow', '')), [
    '✗ component "app" > env "X" > key: not a valid Secret key (got ""). Use the key\'s name in the Secret: letters, digits, "-", "_" and ".", e.g. "token".',
  ]),
  dsl('configMapKey with an uppercase name', env(configMapKey('Warehouse', 'url')), [
    '✗ component "app" > env "X" > name: ConfigMap name is not a valid DNS-1123 subdomain (got "Warehouse"). Use at most 253 lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, e.g. "warehouse".',
  ]),
  dsl('fieldRef to a field env cannot read', env(fieldRef('metadata.labels')), [
    '✗ component "app" > env "X" > fieldPath: not a pod field an environment variable can read (got "metadata.labels"). Use one of metadata.name, metadata.namespace, metadata.uid, spec.nodeName, spec.serviceAccountName, status.hostIP, status.hostIPs, status.podIP, status.podIPs, metadata.labels[\'<key>\'] or metadata.annotations[\'<key>\'].',
  ]),
  // Volume sources.
  dsl('volume without a source', vol(undefined), [
    "✗ component \"app\" > volumes[0] > source: not a volume source (got undefined). Use volume.pvc('<claim>'), volume.emptyDir(), volume.configMap('<name>') or volume.secret('<name>').",
  ]),
  dsl('volume.secret with an empty name', vol(volume.secret('')), [
    '✗ component "app" > volumes[0] > source > secretName: volume secret name must be a non-empty string (got ""). Use lowercase letters, digits, "-" and ".".',
  ]),
  // Cron helpers.
  dsl('cron.daily hour 25', () => cron.daily({ hour: 25 }), [
    '✗ cron.daily() > hour: expected a whole number from 0 to 23 (got 25). Use e.g. hour: 3.',
  ]),
  dsl('cron.hourly minute 60', () => cron.hourly({ minute: 60 }), [
    '✗ cron.hourly() > minute: expected a whole number from 0 to 59 (got 60). Use e.g. minute: 30.',
  ]),
  dsl('cron.weekly day 8', () => cron.weekly({ day: 8 as never, hour: 3 }), [
    '✗ cron.weekly() > day: expected a weekday name (got 8). Use one of "sun", "mon", "tue", "wed", "thu", "fri", "sat".',
  ]),
  dsl('cron.monthly day 32', () => cron.monthly({ dayOfMonth: 32, hour: 3 }), [
    '✗ cron.monthly() > dayOfMonth: expected a whole number from 1 to 31 (got 32). Use e.g. dayOfMonth: 1.',
  ]),
  dsl('cron.everyHours 0', () => cron.everyHours(0), [
    '✗ cron.everyHours() > n: expected a whole number from 1 to 24 (got 0). Use e.g. cron.everyHours(4).',
  ]),
  dsl('cron.dailyAt hour 24', () => cron.dailyAt([9, 24]), [
    '✗ cron.dailyAt() > hoursOfDay[1]: expected a whole number from 0 to 23 (got 24). Use e.g. 3.',
  ]),
  // Ports.
  dsl('input that is not a port', c({ inputs: { data: { kind: 'Dataset' } } }), [
    '✗ component "app" > input "data": not a port (got {"kind":"Dataset"}). Declare it with param.string(), param.int(), param.float(), param.bool(), param.json(), param.list() or artifact(\'<Kind>\').',
  ]),
  dsl('output given as a kind string', c({ outputs: { model: 'Model' } }), [
    '✗ component "app" > output "model": not a port (got "Model"). Declare it with param.string(), param.int(), param.float(), param.bool(), param.json(), param.list() or artifact(\'<Kind>\').',
  ]),
  dsl('artifact with an empty kind', c({ inputs: { data: artifact('') } }), [
    '✗ component "app" > input "data": artifact kind must be a non-empty string (got ""). Use e.g. artifact(\'Dataset\') or artifact(\'Model\').',
  ]),
  dsl('artifact at a relative path', c({ outputs: { model: artifact('Model').at('models/m.bst') } }), [
    '✗ component "app" > output "model" > at: artifact path must be an absolute path in the container (got "models/m.bst"). Use e.g. artifact(\'Model\').at(\'/models/model.bst\'), or leave .at() out to let Argosy choose.',
  ]),
  dsl(
    'json default that refers to itself',
    () => {
      const grid: Record<string, unknown> = { depth: [3] };
      grid.self = grid;
      return component('app', { ...base, inputs: { grid: param.json().default(grid as never) } });
    },
    [
      '✗ component "app" > input "grid" > default: default is not JSON data (got {"depth":[3],"self":[circular]}). Use plain JSON data: objects, arrays, strings, finite numbers, booleans or null.',
    ],
  ),
  // Parameter defaults of the wrong type (a cast or JavaScript): one case per kind.
  dsl('int param with a string default', c({ inputs: { n: param.int().default('three' as never) } }), [
    '✗ component "app" > input "n" > default: default is not an integer (got "three"). Use a whole number, e.g. 3.',
  ]),
  dsl('float param with a string default', c({ inputs: { lr: param.float().default('0.1' as never) } }), [
    '✗ component "app" > input "lr" > default: default is not a finite number (got "0.1"). Use a finite number, e.g. 0.5.',
  ]),
  dsl('bool param with a string default', c({ inputs: { on: param.bool().default('true' as never) } }), [
    '✗ component "app" > input "on" > default: default is not a boolean (got "true"). Use true or false.',
  ]),
  dsl('string param with a number default', c({ inputs: { day: param.string().default(3 as never) } }), [
    '✗ component "app" > input "day" > default: default is not a string (got 3). Use a string, e.g. "daily".',
  ]),
  dsl(
    'enum param with a default outside it',
    c({
      inputs: {
        split: param
          .string()
          .enum(['train', 'test'])
          .default('dev' as never),
      },
    }),
    [
      '✗ component "app" > input "split" > default: default is not one of the enum values (got "dev"). Use one of: "train", "test".',
    ],
  ),
  dsl('list param with an object default', c({ inputs: { shards: param.list().default({} as never) } }), [
    '✗ component "app" > input "shards" > default: the default of a param.list() is not a list (got {}). Use an array, e.g. ["a", "b"].',
  ]),
  dsl(
    'pipeline int param with a string default',
    () => pipeline('daily', { params: { n: param.int().default('three' as never) } }, () => undefined),
    ['✗ pipeline "daily" > param "n" > default: default is not an integer (got "three"). Use a whole number, e.g. 3.'],
  ),
  // KServe model formats.
  dsl('kserve unknown model format', () => orThrow(kserve({ format: 'pickle', storageUri: 's3://m/v1' })), [
    '✗ kserve() > format: no built-in KServe serving runtime supports this model format (got "pickle"). Use one of autogluon, catboost, huggingface, lightgbm, mlflow, onnx, paddle, pmml, pytorch, sklearn, tensorflow, tensorrt, triton, xgboost, or name the ServingRuntime that serves it with runtime: "<name>".',
  ]),
  dsl('kserve misspelt model format', () => orThrow(kserve({ format: 'sklean', storageUri: 's3://m/v1' })), [
    '✗ kserve() > format: no built-in KServe serving runtime supports this model format (got "sklean"). Did you mean "sklearn"? Use one of autogluon, catboost, huggingface, lightgbm, mlflow, onnx, paddle, pmml, pytorch, sklearn, tensorflow, tensorrt, triton, xgboost, or name the ServingRuntime that serves it with runtime: "<name>".',
  ]),
  // Pod options the API server would refuse.
  dsl('cpu limit below the request', c({ resources: { cpu: '4', limits: { cpu: '1' } } }), [
    '✗ component "app" > resources > limits > cpu: the limit is below the request (4) (got "1"). Raise limits.cpu to at least 4, or lower cpu.',
  ]),
  dsl('gpu resource without a vendor domain', c({ resources: { gpu: { count: 1, resource: 'gpu' } } }), [
    '✗ component "app" > resources > gpu > resource: not an extended resource name (got "gpu"). Use the device plugin\'s resource name, e.g. "nvidia.com/gpu" or "amd.com/gpu".',
  ]),
  dsl('pod label value with a space', c({ podLabels: { team: 'data science' } }), [
    '✗ component "app" > podLabels > label "team": label value must be at most 63 letters, digits, "-", "_" and "." (got "data science"). Use e.g. "batch" or "gpu-a100".',
  ]),
  dsl('toleration with an unknown effect', c({ tolerations: [{ key: 'gpu', effect: 'Sometimes' }] }), [
    '✗ component "app" > tolerations > [0] > effect: unknown taint effect (got "Sometimes"). Use "NoSchedule", "PreferNoSchedule", "NoExecute", or leave it out to match all.',
  ]),
  dsl('negative runAsUser', c({ security: { runAsUser: -1 } }), [
    '✗ component "app" > security > runAsUser: expected a whole number from 0 to 2147483647 (got -1). Use e.g. runAsUser: 1000.',
  ]),
  dsl('unknown image pull policy', c({ imagePullPolicy: 'Sometimes' }), [
    '✗ component "app" > imagePullPolicy: unknown image pull policy (got "Sometimes"). Use "Always", "IfNotPresent" or "Never".',
  ]),
  dsl('relative workingDir', c({ workingDir: 'app' }), [
    '✗ component "app" > workingDir: workingDir must be an absolute path (got "app"). Use e.g. "/app".',
  ]),
  dsl('absolute volume subPath', c({ volumes: [{ mountPath: '/x', subPath: '/etc', source: volume.emptyDir() }] }), [
    '✗ component "app" > volumes[0] > subPath: subPath must be a relative path inside the volume, without ".." (got "/etc"). Use e.g. "configs/train.yaml".',
  ]),
  // Retry, cache and schedule options of the wrong shape.
  dsl('retry null', c({ retry: null }), [
    '✗ component "app" > retry: retry must be a number of retries or an object (got null). Use e.g. retry: 3 or retry: { limit: 3, policy: \'OnError\' }.',
  ]),
  dsl('cache as a string', c({ cache: 'yes' }), [
    '✗ component "app" > cache: cache must be true, false or an object (got "yes"). Use e.g. cache: true, cache: false or cache: { maxAge: days(1) }.',
  ]),
  dsl('cache key as a list', c({ cache: { key: ['date'] } }), [
    '✗ component "app" > cache > key: cache key must be a function of the io placeholders (got ["date"]). Use e.g. key: (io) => [io.inputs.snapshotDate].',
  ]),
  dsl(
    'schedule option misspelt',
    () =>
      schedule(
        pipeline('nightly', {}, (p) => void p.task('t', component('t', base))),
        { cron: '0 1 * * *', timeZone: 'UTC' } as never,
      ),
    ['✗ schedule "nightly" > timeZone: schedule() has no such option (got "timeZone"). Did you mean "timezone"?'],
  ),
  dsl('pipeline podGC unknown', () => pipeline('nightly', { podGC: 'Sometimes' } as never, () => undefined), [
    '✗ pipeline "nightly" > podGC: unknown pod GC strategy (got "Sometimes"). Use one of "OnPodCompletion", "OnPodSuccess", "OnWorkflowCompletion", "OnWorkflowSuccess".',
  ]),
];
