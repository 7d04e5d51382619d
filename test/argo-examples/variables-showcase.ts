import { and, dag, loopItem, steps, template, vars, workflow, workflowArguments } from '../../dsl/argo/index.ts';

/** Upstream examples/variables-showcase.yaml. Most of Argo's variables in one workflow, each through vars, io or node handles rather than text. */
const item = loopItem('k', 'v');

const args = workflowArguments({
  parameters: { greeting: 'hello', target: 'world' },
  artifacts: { seed: { raw: { data: 'seed-content' } } },
});

const main = template('main', { inputs: { artifacts: { seed: {} } } }, ({ inputs }) => ({
  steps: steps((s) => {
    const [prepareStep, svc] = s.parallel((g) => {
      const prepareStep = g.step('prepare', prepare);
      const svc = g.step('svc', svcDaemon);
      return [prepareStep, svc] as const;
    });
    const fanout = s.step('fanout', perItem, {
      arguments: {
        parameters: { msg: `${item.k}=${item.v}`, ctx: item },
        artifacts: { 'in-art': prepareStep.outputs.artifacts.prepared },
      },
      withItems: [
        { k: 'alpha', v: '1' },
        { k: 'beta', v: '2' },
      ],
    });
    s.step('consume', consume, {
      arguments: {
        parameters: {
          'fanout-result': fanout.outputs.result,
          'fanout-all-params': fanout.outputs.parameters,
          'fanout-named-params': fanout.outputs.parameters.echoed,
          'prep-id': prepareStep.id,
          'prep-status': prepareStep.status,
          'prep-host': prepareStep.hostNodeName,
          'svc-ip': svc.ip,
          'prep-started': prepareStep.startedAt,
          'prep-finished': prepareStep.finishedAt,
          'prep-exit': prepareStep.exitCode,
          'prep-result': prepareStep.outputs.result,
          'prep-param': prepareStep.outputs.parameters['greeting-out'],
          'step-name': vars.stepName,
        },
        artifacts: { 'seed-art': inputs.artifacts.seed },
      },
    });
    s.step('dag-stage', dagTpl);
  }),
}));

const prepare = template('prepare', {}, ({ outputs }) => ({
  metrics: {
    prometheus: [
      {
        name: 'prepare_seconds',
        help: 'Elapsed seconds for the prepare node.',
        labels: [
          { key: 'phase', value: vars.status },
          { key: 'code', value: vars.exitCode },
          { key: 'param', value: outputs.parameter('greeting-out') },
          { key: 'result', value: outputs.result },
          { key: 'cpu', value: vars.resourcesDuration.cpu },
          { key: 'mem', value: vars.resourcesDuration.memory },
        ],
        gauge: { realtime: false, value: vars.duration },
      },
    ],
  },
  outputs: {
    parameters: { 'greeting-out': { valueFrom: { path: '/tmp/out.txt' }, globalName: 'prepared-param' } },
    artifacts: { prepared: { path: '/tmp/payload.txt', globalName: 'prepared' } },
  },
  script: {
    image: 'alpine:3.23',
    command: ['sh'],
    source: `set -eu
# ---- node-ctx ----
echo "node.name           = ${vars.node.name}"
echo "pod.name            = ${vars.pod.name}"
echo "steps.name          = ${vars.stepName}"
# ---- identity ----
echo "workflow.name       = ${vars.workflow.name}"
echo "workflow.namespace  = ${vars.workflow.namespace}"
echo "workflow.uid        = ${vars.workflow.uid}"
echo "workflow.entrypoint = ${vars.workflow.mainEntrypoint}"
echo "workflow.sa         = ${vars.workflow.serviceAccountName}"
echo "workflow.priority   = ${vars.workflow.priority}"
# ---- timestamps ----
echo "ts.raw              = ${vars.workflow.creationTimestamp}"
echo "ts.RFC3339          = ${vars.workflow.creationTimestamp.RFC3339}"
echo "ts.epoch-seconds    = ${vars.workflow.creationTimestamp.s}"
echo "ts.year (strftime)  = ${vars.workflow.creationTimestamp.Y}"
echo "ts.scheduled        = ${vars.workflow.scheduledTime}"
# ---- metadata maps ----
echo "annotations.deprec  = ${vars.workflow.annotations}"
echo "annotations.json    = ${vars.workflow.annotation('json')}"
echo "annotations.owner   = ${vars.workflow.annotation('example.io/owner')}"
echo "labels.deprecated   = ${vars.workflow.labels}"
echo "labels.json         = ${vars.workflow.label('json')}"
echo "labels.app          = ${vars.workflow.label('app')}"
# ---- parameters ----
echo "params.deprecated   = ${args.parameters}"
echo "params.json         = ${vars.workflow.parameter('json')}"
echo "params.greeting     = ${args.parameters.greeting}"
echo "params.target       = ${args.parameters.target}"
# ---- runtime ----
echo "workflow.duration   = ${vars.workflow.duration}"
echo "workflow.status     = ${vars.workflow.status}"
# ---- output declared paths (pod-side) ----
echo "out.param.path      = ${outputs.parameter('greeting-out').path}"
echo "out.artifact.path   = ${outputs.artifact('prepared').path}"
# The final stdout line is captured as outputs.result for this
# script node (exposed downstream as steps.prepare.outputs.result).
printf 'greeting=%s target=%s' '${args.parameters.greeting}' '${args.parameters.target}' > /tmp/out.txt
cp /tmp/out.txt /tmp/payload.txt
echo "PREPARED"
`,
  },
}));

const perItem = template(
  'per-item',
  {
    inputs: { parameters: { msg: {}, ctx: {} }, artifacts: { 'in-art': { path: '/work/in.txt' } } },
  },
  ({ inputs, outputs }) => ({
    retryStrategy: { limit: '2', retryPolicy: 'OnError' },
    outputs: { parameters: { echoed: { valueFrom: { path: '/work/echoed.txt' } } } },
    script: {
      image: 'alpine:3.23',
      command: ['sh'],
      source: `# Loop aggregation parses each child's stdout as JSON, so
# diagnostics go to stderr and the final line on stdout is a
# JSON value.
{
  set -eu
  # \`item\` and \`item.<key>\` are referenced at the call site
  # (main → fanout arguments) — the static validator does not
  # propagate item scope into inner template bodies.
  # ---- inputs ----
  echo "inputs.parameters   = ${inputs.parameters}"
  echo "inputs.params.msg   = ${inputs.parameters.msg}"
  echo "inputs.params.ctx   = ${inputs.parameters.ctx}"
  echo "inputs.art.path     = ${inputs.artifacts['in-art'].path}"
  cat /work/in.txt
  # ---- retry ----
  echo "retries             = ${vars.retries}"
  echo "lastRetry.status    = ${vars.lastRetry.status}"
  echo "lastRetry.exitCode  = ${vars.lastRetry.exitCode}"
  echo "lastRetry.duration  = ${vars.lastRetry.duration}"
  echo "lastRetry.message   = ${vars.lastRetry.message}"
  # ---- node-ctx (also valid here) ----
  echo "node.name           = ${vars.node.name}"
  echo "pod.name            = ${vars.pod.name}"
  # ---- output param path ----
  echo "out.param.path      = ${outputs.parameter('echoed').path}"
} >&2
printf '%s' '${inputs.parameters.msg}' > /work/echoed.txt
# outputs.result must be a JSON value for loop aggregation:
printf '{"msg":"%s"}\\n' '${inputs.parameters.msg}'
`,
    },
  }),
);

const consume = template(
  'consume',
  {
    inputs: {
      parameters: {
        'fanout-result': {},
        'fanout-all-params': {},
        'fanout-named-params': {},
        'prep-id': {},
        'prep-status': {},
        'prep-host': {},
        'svc-ip': {},
        'prep-started': {},
        'prep-finished': {},
        'prep-exit': {},
        'prep-result': {},
        'prep-param': {},
        'step-name': {},
      },
      artifacts: { 'seed-art': { path: '/tmp/seed.txt' } },
    },
  },
  ({ inputs }) => ({
    container: {
      image: 'alpine:3.23',
      command: ['sh', '-c'],
      args: [
        `echo "fanout.result        = ${inputs.parameters['fanout-result']}"
echo "fanout.all-params    = ${inputs.parameters['fanout-all-params']}"
echo "fanout.echoed-param  = ${inputs.parameters['fanout-named-params']}"
echo "prepare.id           = ${inputs.parameters['prep-id']}"
echo "prepare.status       = ${inputs.parameters['prep-status']}"
echo "prepare.host         = ${inputs.parameters['prep-host']}"
echo "svc.ip               = ${inputs.parameters['svc-ip']}"
echo "prepare.startedAt    = ${inputs.parameters['prep-started']}"
echo "prepare.finishedAt   = ${inputs.parameters['prep-finished']}"
echo "prepare.exitCode     = ${inputs.parameters['prep-exit']}"
echo "prepare.result       = ${inputs.parameters['prep-result']}"
echo "prepare.param        = ${inputs.parameters['prep-param']}"
echo "current step.name    = ${inputs.parameters['step-name']}"
echo "seed-art.path        = ${inputs.artifacts['seed-art'].path}"
cat /tmp/seed.txt
`,
      ],
    },
  }),
);

const dagTpl = template('dag', {
  dag: dag((d) => {
    const svc = d.task('svc', svcDaemon);
    const a = d.task('a', dagLeaf, { arguments: { parameters: { tag: 'a' } } });
    const b = d.task('b', dagLeaf, {
      depends: and(a, svc),
      arguments: {
        parameters: {
          tag: 'b',
          'a-id': a.id,
          'a-status': a.status,
          'a-host': a.hostNodeName,
          'svc-ip': svc.ip,
          'a-started': a.startedAt,
          'a-finished': a.finishedAt,
          'a-exit': a.exitCode,
          'a-result': a.outputs.result,
          'a-param': a.outputs.parameters.echoed,
        },
        artifacts: { 'in-art': a.outputs.artifacts.bundle },
      },
    });
    const cLoop = d.task('c-loop', dagLeaf, {
      depends: b,
      arguments: { parameters: { tag: item } },
      withParam: '["x","y","z"]',
    });
    d.task('gather', dagGather, {
      depends: cLoop,
      arguments: {
        parameters: {
          'loop-result': cLoop.outputs.result,
          'loop-all-params': cLoop.outputs.parameters,
          'loop-named-params': cLoop.outputs.parameters.echoed,
        },
      },
    });
  }),
});

const dagLeaf = template(
  'dag-leaf',
  {
    inputs: {
      parameters: {
        tag: {},
        'a-id': { value: '' },
        'a-status': { value: '' },
        'a-host': { value: '' },
        'svc-ip': { value: '' },
        'a-started': { value: '' },
        'a-finished': { value: '' },
        'a-exit': { value: '' },
        'a-result': { value: '' },
        'a-param': { value: '' },
      },
      artifacts: { 'in-art': { path: '/work/in', optional: true } },
    },
  },
  ({ inputs }) => ({
    outputs: {
      parameters: { echoed: { valueFrom: { path: '/work/out.txt' } } },
      artifacts: { bundle: { path: '/work/bundle.txt' } },
    },
    script: {
      image: 'alpine:3.23',
      command: ['sh'],
      source: `# Same JSON-on-stdout convention as per-item: c-loop calls this
# template via withParam, so its result is loop-aggregated.
{
  set -eu
  mkdir -p /work
  # tasks.name is substituted by the controller's local-params pass
  # to the calling task's name (e.g. "a", "b", "c-loop[0]").
  echo "tag=${inputs.parameters.tag} tasks.name=${vars.taskName}"
  echo "a-id=${inputs.parameters['a-id']} status=${inputs.parameters['a-status']}"
  echo "a-host=${inputs.parameters['a-host']} svc-ip=${inputs.parameters['svc-ip']}"
  echo "a-started=${inputs.parameters['a-started']} finished=${inputs.parameters['a-finished']}"
  echo "a-exit=${inputs.parameters['a-exit']} result=${inputs.parameters['a-result']}"
  echo "a-param=${inputs.parameters['a-param']}"
} >&2
printf 'tag=%s' '${inputs.parameters.tag}' > /work/out.txt
cp /work/out.txt /work/bundle.txt
printf '{"tag":"%s"}\\n' '${inputs.parameters.tag}'
`,
    },
  }),
);

const dagGather = template(
  'dag-gather',
  {
    inputs: { parameters: { 'loop-result': {}, 'loop-all-params': {}, 'loop-named-params': {} } },
  },
  ({ inputs }) => ({
    container: {
      image: 'alpine:3.23',
      command: ['sh', '-c'],
      args: [
        `echo "c-loop.result       = ${inputs.parameters['loop-result']}"
echo "c-loop.all-params   = ${inputs.parameters['loop-all-params']}"
echo "c-loop.named-params = ${inputs.parameters['loop-named-params']}"
`,
      ],
    },
  }),
);

const svcDaemon = template('svc-daemon', {
  daemon: true,
  container: {
    image: 'alpine:3.23',
    command: ['sh', '-c'],
    args: ['nc -lk -p 9999 -e /bin/true'],
    readinessProbe: { tcpSocket: { port: 9999 }, initialDelaySeconds: 1, timeoutSeconds: 1 },
  },
});

const exitHandler = template('exit-handler', {
  steps: steps((s) => {
    s.step('report', exitReport, {
      arguments: {
        parameters: {
          'final-status': vars.workflow.status,
          'final-duration': vars.workflow.duration,
          failures: vars.workflow.failures,
          'global-param': vars.workflow.outputs.parameter('prepared-param'),
        },
        artifacts: { 'global-art': vars.workflow.outputs.artifact('prepared') },
      },
    });
  }),
});

const exitReport = template(
  'exit-report',
  {
    inputs: {
      parameters: { 'final-status': {}, 'final-duration': {}, failures: {}, 'global-param': {} },
      artifacts: { 'global-art': { path: '/tmp/global.txt' } },
    },
  },
  ({ inputs }) => ({
    container: {
      image: 'alpine:3.23',
      command: ['sh', '-c'],
      args: [
        `echo "workflow.status                  = ${inputs.parameters['final-status']}"
echo "workflow.duration                = ${inputs.parameters['final-duration']}"
echo "workflow.failures                = ${inputs.parameters.failures}"
echo "workflow.outputs.params.prepared = ${inputs.parameters['global-param']}"
cat /tmp/global.txt
`,
      ],
    },
  }),
);

export default workflow({
  metadata: {
    generateName: 'variables-showcase-',
    annotations: {
      'workflows.argoproj.io/scheduled-time': '2026-04-29T00:00:00Z',
      'workflows.argoproj.io/description': 'Showcase of every non-cronworkflow variable',
      'example.io/owner': 'platform-team',
    },
    labels: { app: 'variables-demo', tier: 'example' },
  },
  spec: {
    entrypoint: main,
    serviceAccountName: 'default',
    priority: 5,
    onExit: exitHandler,
    arguments: args,
  },
});
