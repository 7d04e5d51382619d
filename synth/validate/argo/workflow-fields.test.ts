import { describe, expect, it } from 'vitest';
import { dag, echo, verdict, wf, type RuleCase } from '../../../test/argo-workflow-kit.ts';
import type { Template } from './types.ts';

// Template fields, pods, artifacts, loops, outputs, metrics and names; references, dependencies,
// variables and hooks are in workflow.test.ts. Each rule: a workflow Argo accepts, and the
// smallest change that breaks the rule.
const cases: RuleCase[] = [
  {
    rule: 'artifact arguments have a source',
    ok: wf([
      dag([{ name: 'a', template: 'in', arguments: { artifacts: [{ name: 'd', raw: { data: 'x' } }] } }]),
      echo('in', { inputs: { artifacts: [{ name: 'd', path: '/tmp/d' }] } }),
    ]),
    bad: wf([
      dag([{ name: 'a', template: 'in', arguments: { artifacts: [{ name: 'd' }] } }]),
      echo('in', { inputs: { artifacts: [{ name: 'd', path: '/tmp/d' }] } }),
    ]),
    error: 'd.from, artifact location, or key is required',
  },
  {
    rule: 'a task argument cannot choose its artifact with fromExpression (only DAG/steps outputs can)',
    ok: wf([
      dag([{ name: 'a', template: 'in', arguments: { artifacts: [{ name: 'd', raw: { data: 'x' } }] } }]),
      echo('in', { inputs: { artifacts: [{ name: 'd', path: '/tmp/d' }] } }),
    ]),
    bad: wf([
      dag([{ name: 'a', template: 'in', arguments: { artifacts: [{ name: 'd', fromExpression: "'x'" }] } }]),
      echo('in', { inputs: { artifacts: [{ name: 'd', path: '/tmp/d' }] } }),
    ]),
    error: 'd.from, artifact location, or key is required',
  },
  {
    rule: 'artifact sources name existing outputs',
    ok: wf([
      dag([
        { name: 'a', template: 'out' },
        {
          name: 'b',
          template: 'in',
          depends: 'a',
          arguments: { artifacts: [{ name: 'd', from: '{{tasks.a.outputs.artifacts.o}}' }] },
        },
      ]),
      echo('out', { outputs: { artifacts: [{ name: 'o', path: '/tmp/o' }] } }),
      echo('in', { inputs: { artifacts: [{ name: 'd', path: '/tmp/d' }] } }),
    ]),
    bad: wf([
      dag([
        { name: 'a', template: 'out' },
        {
          name: 'b',
          template: 'in',
          depends: 'a',
          arguments: { artifacts: [{ name: 'd', from: '{{tasks.a.outputs.artifacts.x}}' }] },
        },
      ]),
      echo('out', { outputs: { artifacts: [{ name: 'o', path: '/tmp/o' }] } }),
      echo('in', { inputs: { artifacts: [{ name: 'd', path: '/tmp/d' }] } }),
    ]),
    error: 'failed to resolve {{tasks.a.outputs.artifacts.x}}',
  },
  {
    rule: 'output parameters say where their value comes from',
    ok: wf([echo('main', { outputs: { parameters: [{ name: 'p', valueFrom: { path: '/tmp/p' } }] } })]),
    bad: wf([echo('main', { outputs: { parameters: [{ name: 'p' }] } })]),
    error: 'does not have valueFrom or value specified',
  },
  {
    rule: 'one template type per template',
    ok: wf([echo('main')]),
    bad: wf([{ ...echo('main'), script: { image: 'a:1', source: 'x' } }]),
    error: 'multiple template types specified',
  },
  {
    rule: 'containers have an image',
    ok: wf([echo('main')]),
    bad: wf([{ name: 'main', container: { command: ['x'] } }]),
    error: 'templates.main.container.image may not be empty',
  },
  {
    rule: 'resource actions are known',
    ok: wf([{ name: 'main', resource: { action: 'create', manifest: 'kind: ConfigMap' } }]),
    bad: wf([{ name: 'main', resource: { action: 'make', manifest: 'kind: ConfigMap' } }]),
    error: 'resource.action must be one of',
  },
  {
    rule: 'resource manifests are YAML',
    ok: wf([{ name: 'main', resource: { action: 'apply', manifest: 'a: {{=sprig.trim(x)}}' } }]),
    bad: wf([{ name: 'main', resource: { action: 'apply', manifest: 'a: [1' } }]),
    error: 'resource.manifest must be a valid yaml',
  },
  {
    rule: 'containerSet dependencies exist',
    ok: wf([
      {
        name: 'main',
        containerSet: {
          containers: [
            { name: 'a', image: 'x:1' },
            { name: 'b', image: 'x:1', dependencies: ['a'] },
          ],
        },
      },
    ]),
    bad: wf([
      {
        name: 'main',
        containerSet: {
          containers: [
            { name: 'a', image: 'x:1' },
            { name: 'b', image: 'x:1', dependencies: ['c'] },
          ],
        },
      },
    ]),
    error: "containerSet.containers.b dependency 'c' not defined",
  },
  {
    rule: 'containerSet outputs need a main container',
    ok: wf([
      {
        name: 'main',
        containerSet: { containers: [{ name: 'main', image: 'x:1' }] },
        outputs: { parameters: [{ name: 'p', valueFrom: { path: '/p' } }] },
      },
    ]),
    bad: wf([
      {
        name: 'main',
        containerSet: { containers: [{ name: 'a', image: 'x:1' }] },
        outputs: { parameters: [{ name: 'p', valueFrom: { path: '/p' } }] },
      },
    ]),
    error: 'must have a container named "main"',
  },
  {
    rule: 'Argo container names are reserved',
    ok: wf([echo('main', { sidecars: [{ name: 'proxy', image: 'x:1' }] })]),
    bad: wf([echo('main', { sidecars: [{ name: 'wait', image: 'x:1' }] })]),
    error: 'reserved Argo container name',
  },
  {
    rule: 'init containers are named',
    ok: wf([echo('main', { initContainers: [{ name: 'init-db', image: 'x:1' }] })]),
    bad: wf([echo('main', { initContainers: [{ image: 'x:1' }] })]),
    error: 'initContainers must all have container name',
  },
  {
    rule: 'pod-level resources are cpu/memory only',
    ok: wf([echo('main')], { podResources: { limits: { cpu: '1' } } }),
    bad: wf([echo('main')], { podResources: { limits: { 'nvidia.com/gpu': '1' } } }),
    error: '"nvidia.com/gpu" is not a valid pod-level resource',
  },
  {
    rule: 'resource claims only on pod templates',
    ok: wf([echo('main', { resourceClaims: [{ name: 'gpu' }] })]),
    bad: wf([{ name: 'main', resourceClaims: [{ name: 'gpu' }], steps: [[{ name: 'a', template: 'e' }]] }, echo('e')]),
    error: 'resourceClaims is not supported for Steps templates',
  },
  {
    rule: 'retry policies are known',
    ok: wf([echo('main', { retryStrategy: { retryPolicy: 'OnError' } })]),
    bad: wf([echo('main', { retryStrategy: { retryPolicy: 'Sometimes' } })]),
    error: 'Sometimes is not a valid RetryPolicy',
  },
  {
    rule: 'timeouts are durations on leaf templates',
    ok: wf([echo('main', { timeout: '10m' })]),
    bad: wf([echo('main', { timeout: '600' })]),
    error: 'has invalid duration format in timeout',
  },
  {
    rule: 'activeDeadlineSeconds is not negative',
    ok: wf([echo('main', { activeDeadlineSeconds: 60 })]),
    bad: wf([echo('main', { activeDeadlineSeconds: -1 })]),
    error: 'activeDeadlineSeconds must be a positive integer',
  },
  {
    rule: 'parallelism only on steps and DAGs',
    ok: wf([{ ...dag([{ name: 'a', template: 'e' }]), parallelism: 2 }, echo('e')]),
    bad: wf([echo('main', { parallelism: 2 })]),
    error: 'parallelism is only valid for steps and dag templates',
  },
  {
    rule: 'one loop source per step',
    ok: wf([{ name: 'main', steps: [[{ name: 'a', template: 'e', withItems: [1, 2] }]] }, echo('e')]),
    bad: wf(
      [
        {
          name: 'main',
          steps: [[{ name: 'a', template: 'e', withItems: [1], withParam: '{{workflow.parameters.x}}' }]],
        },
        echo('e'),
      ],
      { arguments: { parameters: [{ name: 'x', value: '[]' }] } },
    ),
    error: 'only one of withItems, withParam, withSequence can be specified',
  },
  {
    rule: '{{item}} only inside loops',
    ok: wf([
      {
        name: 'main',
        steps: [
          [
            {
              name: 'a',
              template: 'in',
              withItems: ['x'],
              arguments: { parameters: [{ name: 'v', value: '{{item}}' }] },
            },
          ],
        ],
      },
      echo('in', { inputs: { parameters: [{ name: 'v' }] } }),
    ]),
    bad: wf([
      {
        name: 'main',
        steps: [[{ name: 'a', template: 'in', arguments: { parameters: [{ name: 'v', value: '{{item.x}}' }] } }]],
      },
      echo('in', { inputs: { parameters: [{ name: 'v' }] } }),
    ]),
    error: 'failed to resolve {{item.x}}',
  },
  {
    rule: 'step names are unique',
    ok: wf([{ name: 'main', steps: [[{ name: 'a', template: 'e' }], [{ name: 'b', template: 'e' }]] }, echo('e')]),
    bad: wf([{ name: 'main', steps: [[{ name: 'a', template: 'e' }], [{ name: 'a', template: 'e' }]] }, echo('e')]),
    error: "steps[1].name 'a' is not unique",
  },
  {
    rule: 'DAGs have tasks',
    ok: wf([dag([{ name: 'a', template: 'e' }]), echo('e')]),
    bad: wf([dag([]), echo('e')]),
    error: 'must have at least one task',
  },
  {
    rule: 'depends and dependencies are not mixed',
    ok: wf([
      dag([
        { name: 'a', template: 'e' },
        { name: 'b', template: 'e', depends: 'a' },
      ]),
      echo('e'),
    ]),
    bad: wf([
      dag([
        { name: 'a', template: 'e' },
        { name: 'b', template: 'e', depends: 'a' },
        { name: 'c', template: 'e', dependencies: ['a'] },
      ]),
      echo('e'),
    ]),
    error: "cannot use both 'depends' and 'dependencies'",
  },
  {
    rule: 'continueOn is not used with depends',
    ok: wf([
      dag([
        { name: 'a', template: 'e', continueOn: { failed: true } },
        { name: 'b', template: 'e', dependencies: ['a'] },
      ]),
      echo('e'),
    ]),
    bad: wf([
      dag([
        { name: 'a', template: 'e', continueOn: { failed: true } },
        { name: 'b', template: 'e', depends: 'a' },
      ]),
      echo('e'),
    ]),
    error: "cannot use 'continueOn' when using 'depends'",
  },
  {
    rule: 'AnySucceeded/AllFailed need a looping dependency',
    ok: wf([
      dag([
        { name: 'a', template: 'e', withItems: [1, 2] },
        { name: 'b', template: 'e', depends: 'a.AnySucceeded' },
      ]),
      echo('e'),
    ]),
    bad: wf([
      dag([
        { name: 'a', template: 'e' },
        { name: 'b', template: 'e', depends: 'a.AnySucceeded' },
      ]),
      echo('e'),
    ]),
    error: 'does not contain any items',
  },
  {
    rule: 'DAG targets exist',
    ok: { ...wf([{ name: 'main', dag: { target: 'a', tasks: [{ name: 'a', template: 'e' }] } }, echo('e')]) },
    bad: wf([{ name: 'main', dag: { target: 'z', tasks: [{ name: 'a', template: 'e' }] } }, echo('e')]),
    error: "target 'z' is not defined",
  },
  {
    rule: 'output parameters of containers come from a path',
    ok: wf([echo('main', { outputs: { parameters: [{ name: 'p', valueFrom: { path: '/p' } }] } })]),
    bad: wf([echo('main', { outputs: { parameters: [{ name: 'p', valueFrom: { parameter: '{{x}}' } }] } })]),
    error: '.path must be specified for Container templates',
  },
  {
    rule: 'output parameters of DAGs come from a task',
    ok: wf([
      {
        ...dag([{ name: 'a', template: 'out' }]),
        outputs: { parameters: [{ name: 'p', valueFrom: { parameter: '{{tasks.a.outputs.parameters.p}}' } }] },
      },
      echo('out', { outputs: { parameters: [{ name: 'p', valueFrom: { path: '/p' } }] } }),
    ]),
    bad: wf([
      { ...dag([{ name: 'a', template: 'out' }]), outputs: { parameters: [{ name: 'p', valueFrom: { path: '/p' } }] } },
      echo('out', { outputs: { parameters: [{ name: 'p', valueFrom: { path: '/p' } }] } }),
    ]),
    error: '.parameter or expression must be specified for DAG templates',
  },
  {
    rule: 'input artifact paths only on leaf templates',
    ok: wf([echo('main', { inputs: { artifacts: [{ name: 'a', path: '/a', raw: { data: 'x' } }] } })]),
    bad: wf([
      {
        ...dag([{ name: 'a', template: 'e' }]),
        inputs: { artifacts: [{ name: 'a', path: '/a', raw: { data: 'x' } }] },
      },
      echo('e'),
    ]),
    error: 'inputs.artifacts.a.path only valid in container/script templates',
  },
  {
    rule: 'git artifacts name their repository',
    ok: wf([
      echo('main', { inputs: { artifacts: [{ name: 'src', path: '/src', git: { repo: 'https://g/r.git' } }] } }),
    ]),
    bad: wf([echo('main', { inputs: { artifacts: [{ name: 'src', path: '/src', git: {} }] } })]),
    error: 'git.repo is required',
  },
  {
    rule: 'global output names are valid',
    ok: wf([
      echo('main', { outputs: { parameters: [{ name: 'p', globalName: 'best-model', valueFrom: { path: '/p' } }] } }),
    ]),
    bad: wf([
      echo('main', { outputs: { parameters: [{ name: 'p', globalName: 'best model', valueFrom: { path: '/p' } }] } }),
    ]),
    error: 'globalName: Parameter/Artifact name must consist of',
  },
  {
    rule: 'metrics have valid names and help',
    ok: wf([
      echo('main', {
        metrics: { prometheus: [{ name: 'duration_s', help: 'How long.', gauge: { value: '{{workflow.duration}}' } }] },
      }),
    ]),
    bad: wf([
      echo('main', { metrics: { prometheus: [{ name: 'duration.s', help: 'How long.', gauge: { value: '1' } }] } }),
    ]),
    error: "metric name 'duration.s' is invalid",
  },
  {
    rule: 'metrics have a help text',
    ok: wf([echo('main', { metrics: { prometheus: [{ name: 'runs', help: 'Runs.', counter: { value: '1' } }] } })]),
    bad: wf([echo('main', { metrics: { prometheus: [{ name: 'runs', counter: { value: '1' } }] } })]),
    error: "must contain a help string under 'help: ' field",
  },
  {
    rule: 'pod GC strategies are known',
    ok: wf([echo('main')], { podGC: { strategy: 'OnPodSuccess' } }),
    bad: wf([echo('main')], { podGC: { strategy: 'Sometimes' } }),
    error: "podGC.strategy unknown strategy 'Sometimes'",
  },
  {
    rule: 'argument enums contain the value',
    ok: wf([echo('main')], { arguments: { parameters: [{ name: 'm', value: 'auc', enum: ['auc', 'ndcg'] }] } }),
    bad: wf([echo('main')], { arguments: { parameters: [{ name: 'm', value: 'f1', enum: ['auc', 'ndcg'] }] } }),
    error: 'spec.arguments.m.value should be present in spec.arguments.m.enum list',
  },
  {
    rule: 'a Workflow using workflowTemplateRef has no templates',
    ok: {
      kind: 'Workflow',
      metadata: { name: 'w' },
      spec: { workflowTemplateRef: { name: 'lib' }, entrypoint: 'echo' },
    },
    bad: {
      kind: 'Workflow',
      metadata: { name: 'w' },
      spec: { workflowTemplateRef: { name: 'lib' }, entrypoint: 'echo', templates: [echo('x') as Template] },
    },
    error: 'Templates is invalid field in spec if workflow referred WorkflowTemplate reference',
    templates: [{ metadata: { name: 'lib' }, spec: { templates: [echo('echo') as Template] } }],
  },
  {
    rule: 'templateRef and template are not both set',
    ok: wf([dag([{ name: 'a', templateRef: { name: 'lib', template: 'echo' } }])]),
    bad: wf([dag([{ name: 'a', template: 'x', templateRef: { name: 'lib', template: 'echo' } }])]),
    error: 'template name cannot be specified with templateRef.',
    templates: [{ metadata: { name: 'lib' }, spec: { templates: [echo('echo') as Template] } }],
  },
  {
    rule: 'workflow names fit in a label',
    ok: { ...wf([echo('main')]), metadata: { name: 'w'.repeat(63) } },
    bad: { ...wf([echo('main')]), metadata: { name: 'w'.repeat(64) } },
    error: 'must not be more than 63 characters long',
  },
];

describe('Argo semantic rules: template fields, pods, loops and metrics', () => {
  it.each(cases.map((c) => [c.rule, c] as const))(
    'GIVEN a workflow that follows "%s" WHEN validated THEN it is accepted, and breaking the rule is reported',
    (_rule, c) => {
      expect(verdict(c.ok, c.templates)).toBeUndefined();
      expect(verdict(c.bad, c.templates)).toContain(c.error);
    },
  );
});
