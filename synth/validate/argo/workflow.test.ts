import { describe, expect, it } from 'vitest';
import { storeOf } from './context.ts';
import type { ArgoObject, Template } from './types.ts';
import { argoVerdict } from './workflow.ts';

const wf = (templates: unknown[], spec: Record<string, unknown> = {}): ArgoObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Workflow',
  metadata: { name: 'wf' },
  spec: { entrypoint: 'main', templates: templates as Template[], ...spec },
});
const echo = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name,
  container: { image: 'alpine:3.20', command: ['echo'] },
  ...extra,
});
const dag = (tasks: unknown[], name = 'main'): Record<string, unknown> => ({ name, dag: { tasks } });
const verdict = (o: ArgoObject, templates: ArgoObject[] = []): string | undefined =>
  argoVerdict(
    o,
    storeOf(
      templates.map((t) => ({ kind: 'WorkflowTemplate' as const, name: String(t.metadata?.name), spec: t.spec ?? {} })),
    ),
  );

// Each rule: a workflow Argo accepts, and the smallest change that breaks the rule.
const cases: { rule: string; ok: ArgoObject; bad: ArgoObject; error: string; templates?: ArgoObject[] }[] = [
  {
    rule: 'entrypoint is required',
    ok: wf([echo('main')]),
    bad: wf([echo('main')], { entrypoint: '' }),
    error: 'spec.entrypoint is required',
  },
  {
    rule: 'entrypoint names a template',
    ok: wf([echo('main')]),
    bad: wf([echo('other')]),
    error: "template name 'main' undefined",
  },
  {
    rule: 'step templates exist',
    ok: wf([{ name: 'main', steps: [[{ name: 'a', template: 'echo' }]] }, echo('echo')]),
    bad: wf([{ name: 'main', steps: [[{ name: 'a', template: 'nope' }]] }, echo('echo')]),
    error: "templates.main.steps[0].a template name 'nope' undefined",
  },
  {
    rule: 'templateRef resolves in the tree',
    ok: wf([dag([{ name: 'a', templateRef: { name: 'lib', template: 'echo' } }])]),
    bad: wf([dag([{ name: 'a', templateRef: { name: 'lib', template: 'missing' } }])]),
    error: 'template reference lib.missing not found',
    templates: [{ metadata: { name: 'lib' }, spec: { templates: [echo('echo') as Template] } }],
  },
  {
    rule: 'workflowTemplateRef resolves',
    ok: {
      kind: 'Workflow',
      metadata: { name: 'w' },
      spec: { workflowTemplateRef: { name: 'lib' }, entrypoint: 'echo' },
    },
    bad: {
      kind: 'Workflow',
      metadata: { name: 'w' },
      spec: { workflowTemplateRef: { name: 'other' }, entrypoint: 'echo' },
    },
    error: 'workflowtemplates.argoproj.io "other" not found',
    templates: [{ metadata: { name: 'lib' }, spec: { templates: [echo('echo') as Template] } }],
  },
  {
    rule: 'DAG dependencies exist',
    ok: wf([
      dag([
        { name: 'a', template: 'e' },
        { name: 'b', template: 'e', dependencies: ['a'] },
      ]),
      echo('e'),
    ]),
    bad: wf([
      dag([
        { name: 'a', template: 'e' },
        { name: 'b', template: 'e', dependencies: ['x'] },
      ]),
      echo('e'),
    ]),
    error: 'sorting failed: invalid dependency x',
  },
  {
    rule: 'depends expressions name tasks',
    ok: wf([
      dag([
        { name: 'a', template: 'e' },
        { name: 'b', template: 'e', depends: 'a.Succeeded || a.Failed' },
      ]),
      echo('e'),
    ]),
    bad: wf([
      dag([
        { name: 'a', template: 'e' },
        { name: 'b', template: 'e', depends: 'a.Succeeded || c.Failed' },
      ]),
      echo('e'),
    ]),
    error: 'invalid dependency c',
  },
  {
    rule: 'depends results are known',
    ok: wf([
      dag([
        { name: 'a', template: 'e' },
        { name: 'b', template: 'e', depends: 'a.Errored' },
      ]),
      echo('e'),
    ]),
    bad: wf([
      dag([
        { name: 'a', template: 'e' },
        { name: 'b', template: 'e', depends: 'a.Succeded' },
      ]),
      echo('e'),
    ]),
    error: "task result 'Succeded' for task 'a' is invalid",
  },
  {
    rule: 'no cycles',
    ok: wf([
      dag([
        { name: 'a', template: 'e' },
        { name: 'b', template: 'e', depends: 'a' },
      ]),
      echo('e'),
    ]),
    bad: wf([
      dag([
        { name: 'a', template: 'e', depends: 'b' },
        { name: 'b', template: 'e', depends: 'a' },
      ]),
      echo('e'),
    ]),
    error: 'graph with cycle',
  },
  {
    rule: 'task names do not start with a digit when using depends',
    ok: wf([
      dag([
        { name: 'a1', template: 'e' },
        { name: 'b', template: 'e', depends: 'a1' },
      ]),
      echo('e'),
    ]),
    bad: wf([
      dag([
        { name: '1a', template: 'e' },
        { name: 'b', template: 'e', depends: '1a' },
      ]),
      echo('e'),
    ]),
    error: 'name cannot begin with a digit',
  },
  {
    rule: '{{inputs.*}} resolve',
    ok: wf([
      echo('main', {
        inputs: { parameters: [{ name: 'x', value: '1' }] },
        container: { image: 'a:1', args: ['{{inputs.parameters.x}}'] },
      }),
    ]),
    bad: wf([echo('main', { container: { image: 'a:1', args: ['{{inputs.parameters.x}}'] } })]),
    error: 'failed to resolve {{inputs.parameters.x}}',
  },
  {
    rule: '{{tasks.X.outputs.*}} resolve',
    ok: wf([
      dag([
        { name: 'a', template: 'out' },
        {
          name: 'b',
          template: 'in',
          depends: 'a',
          arguments: { parameters: [{ name: 'v', value: '{{tasks.a.outputs.parameters.p}}' }] },
        },
      ]),
      echo('out', { outputs: { parameters: [{ name: 'p', valueFrom: { path: '/tmp/p' } }] } }),
      echo('in', { inputs: { parameters: [{ name: 'v' }] } }),
    ]),
    bad: wf([
      dag([
        { name: 'a', template: 'out' },
        {
          name: 'b',
          template: 'in',
          depends: 'a',
          arguments: { parameters: [{ name: 'v', value: '{{tasks.a.outputs.parameters.q}}' }] },
        },
      ]),
      echo('out', { outputs: { parameters: [{ name: 'p', valueFrom: { path: '/tmp/p' } }] } }),
      echo('in', { inputs: { parameters: [{ name: 'v' }] } }),
    ]),
    error: 'failed to resolve {{tasks.a.outputs.parameters.q}}',
  },
  {
    rule: 'tasks read outputs only of tasks they depend on',
    ok: wf([
      dag([
        { name: 'a', template: 'out' },
        {
          name: 'b',
          template: 'in',
          depends: 'a',
          arguments: { parameters: [{ name: 'v', value: '{{tasks.a.outputs.parameters.p}}' }] },
        },
      ]),
      echo('out', { outputs: { parameters: [{ name: 'p', valueFrom: { path: '/tmp/p' } }] } }),
      echo('in', { inputs: { parameters: [{ name: 'v' }] } }),
    ]),
    bad: wf([
      dag([
        { name: 'a', template: 'out' },
        {
          name: 'b',
          template: 'in',
          arguments: { parameters: [{ name: 'v', value: '{{tasks.a.outputs.parameters.p}}' }] },
        },
      ]),
      echo('out', { outputs: { parameters: [{ name: 'p', valueFrom: { path: '/tmp/p' } }] } }),
      echo('in', { inputs: { parameters: [{ name: 'v' }] } }),
    ]),
    error: "missing dependency 'a' for parameter 'v'",
  },
  {
    rule: '{{steps.X.*}} resolve only after the step',
    ok: wf([
      {
        name: 'main',
        steps: [
          [{ name: 'a', template: 'e' }],
          [{ name: 'b', template: 'e', when: '{{steps.a.status}} == Succeeded' }],
        ],
      },
      echo('e'),
    ]),
    bad: wf([
      {
        name: 'main',
        steps: [
          [{ name: 'a', template: 'e', when: '{{steps.b.status}} == Succeeded' }],
          [{ name: 'b', template: 'e' }],
        ],
      },
      echo('e'),
    ]),
    error: 'failed to resolve {{steps.b.status}}',
  },
  {
    rule: '{{workflow.parameters.*}} resolve',
    ok: wf([echo('main', { container: { image: 'a:1', args: ['{{workflow.parameters.p}}'] } })], {
      arguments: { parameters: [{ name: 'p', value: 'v' }] },
    }),
    bad: wf([echo('main', { container: { image: 'a:1', args: ['{{workflow.parameters.q}}'] } })], {
      arguments: { parameters: [{ name: 'p', value: 'v' }] },
    }),
    error: 'failed to resolve {{workflow.parameters.q}}',
  },
  {
    rule: 'required inputs are supplied',
    ok: wf([
      dag([{ name: 'a', template: 'in', arguments: { parameters: [{ name: 'v', value: '1' }] } }]),
      echo('in', { inputs: { parameters: [{ name: 'v' }] } }),
    ]),
    bad: wf([dag([{ name: 'a', template: 'in' }]), echo('in', { inputs: { parameters: [{ name: 'v' }] } })]),
    error: 'inputs.parameters.v was not supplied',
  },
  {
    rule: 'template names are valid',
    ok: wf([echo('main')]),
    bad: wf([echo('main'), echo('bad_name')]),
    error: "spec.templates[1].name: 'bad_name' is invalid",
  },
  {
    rule: 'template names are unique',
    ok: wf([echo('main'), echo('other')]),
    bad: wf([echo('main'), echo('main')]),
    error: "spec.templates[1].name 'main' is not unique",
  },
  {
    rule: 'parameter names are valid',
    ok: wf([echo('main', { inputs: { parameters: [{ name: 'my_param-1', value: 'x' }] } })]),
    bad: wf([echo('main', { inputs: { parameters: [{ name: 'my.param', value: 'x' }] } })]),
    error: "templates.main.inputs.parameters[0].name: 'my.param' is invalid",
  },
  {
    rule: 'onExit target exists',
    ok: wf([echo('main'), echo('bye')], { onExit: 'bye' }),
    bad: wf([echo('main')], { onExit: 'bye' }),
    error: "template name 'bye' undefined",
  },
  {
    rule: '{{workflow.failures}} only in onExit',
    ok: wf([echo('main'), echo('bye', { container: { image: 'a:1', args: ['{{workflow.failures}}'] } })], {
      onExit: 'bye',
    }),
    bad: wf([echo('main', { container: { image: 'a:1', args: ['{{workflow.failures}}'] } })]),
    error: 'failed to resolve {{workflow.failures}}',
  },
  {
    rule: 'hooks other than exit have an expression',
    ok: wf([echo('main'), echo('h')], {
      hooks: { running: { expression: 'workflow.status == "Running"', template: 'h' } },
    }),
    bad: wf([echo('main'), echo('h')], { hooks: { running: { template: 'h' } } }),
    error: 'hooks.running Expression required',
  },
  {
    rule: 'workflow hook templates exist',
    ok: wf([echo('main'), echo('h')], {
      hooks: { exit: { template: 'h' }, running: { expression: 'workflow.status == "Running"', template: 'h' } },
    }),
    bad: wf([echo('main')], { hooks: { running: { expression: 'workflow.status == "Running"', template: 'h' } } }),
    error: "hooks.running template name 'h' undefined",
  },
  {
    rule: 'workflow hook templateRefs resolve',
    ok: wf([echo('main')], { hooks: { exit: { templateRef: { name: 'lib', template: 'echo' } } } }),
    bad: wf([echo('main')], { hooks: { exit: { templateRef: { name: 'lib', template: 'missing' } } } }),
    error: 'hooks.exit template reference lib.missing not found',
    templates: [{ metadata: { name: 'lib' }, spec: { templates: [echo('echo') as Template] } }],
  },
  {
    rule: 'hooks name a template',
    ok: wf([echo('main'), echo('h')], { hooks: { exit: { template: 'h' } } }),
    bad: wf([echo('main'), echo('h')], { hooks: { exit: { arguments: {} } } }),
    error: 'hooks.exit template or templateRef is required',
  },
  {
    rule: 'hook arguments supply the hook template inputs',
    ok: wf([echo('main'), echo('h', { inputs: { parameters: [{ name: 'm' }] } })], {
      hooks: { exit: { template: 'h', arguments: { parameters: [{ name: 'm', value: '{{workflow.status}}' }] } } },
    }),
    bad: wf([echo('main'), echo('h', { inputs: { parameters: [{ name: 'm' }] } })], {
      hooks: { exit: { template: 'h' } },
    }),
    error: 'inputs.parameters.m was not supplied',
  },
  {
    rule: 'step hook templates exist',
    ok: wf([{ name: 'main', steps: [[{ name: 'a', template: 'e', hooks: { exit: { template: 'e' } } }]] }, echo('e')]),
    bad: wf([
      { name: 'main', steps: [[{ name: 'a', template: 'e', hooks: { exit: { template: 'cleanup' } } }]] },
      echo('e'),
    ]),
    error: "templates.main.steps[0].a.exit template name 'cleanup' undefined",
  },
  {
    rule: 'step hook templateRefs resolve',
    ok: wf([
      {
        name: 'main',
        steps: [
          [
            {
              name: 'a',
              template: 'e',
              hooks: {
                running: { expression: 'steps.a.status == "Running"', templateRef: { name: 'lib', template: 'echo' } },
              },
            },
          ],
        ],
      },
      echo('e'),
    ]),
    bad: wf([
      {
        name: 'main',
        steps: [
          [
            {
              name: 'a',
              template: 'e',
              hooks: {
                running: {
                  expression: 'steps.a.status == "Running"',
                  templateRef: { name: 'nolib', template: 'echo' },
                },
              },
            },
          ],
        ],
      },
      echo('e'),
    ]),
    error: 'template reference nolib.echo not found',
    templates: [{ metadata: { name: 'lib' }, spec: { templates: [echo('echo') as Template] } }],
  },
  {
    rule: 'step exit hooks may pass the step outputs',
    ok: wf([
      {
        name: 'main',
        steps: [
          [
            {
              name: 'a',
              template: 'out',
              hooks: {
                exit: {
                  template: 'in',
                  arguments: { artifacts: [{ name: 'd', from: '{{steps.a.outputs.artifacts.o}}' }] },
                },
              },
            },
          ],
        ],
      },
      echo('out', { outputs: { artifacts: [{ name: 'o', path: '/tmp/o' }] } }),
      echo('in', { inputs: { artifacts: [{ name: 'd', path: '/tmp/d' }] } }),
    ]),
    bad: wf([
      { name: 'main', steps: [[{ name: 'a', template: 'out', hooks: { exit: { template: 'in' } } }]] },
      echo('out', { outputs: { artifacts: [{ name: 'o', path: '/tmp/o' }] } }),
      echo('in', { inputs: { artifacts: [{ name: 'd', path: '/tmp/d' }] } }),
    ]),
    error: 'inputs.artifacts.d was not supplied',
  },
  {
    rule: 'DAG task hook templates exist',
    ok: wf([dag([{ name: 'a', template: 'e', hooks: { exit: { template: 'e' } } }]), echo('e')]),
    bad: wf([dag([{ name: 'a', template: 'e', hooks: { exit: { template: 'cleanup' } } }]), echo('e')]),
    error: "templates.main.tasks.a.exit template name 'cleanup' undefined",
  },
  {
    rule: 'DAG task hooks other than exit have an expression',
    ok: wf([
      dag([
        { name: 'a', template: 'e', hooks: { running: { expression: 'tasks.a.status == "Running"', template: 'e' } } },
      ]),
      echo('e'),
    ]),
    bad: wf([dag([{ name: 'a', template: 'e', hooks: { running: { template: 'e' } } }]), echo('e')]),
    error: 'templates.main.tasks.a.running Expression required',
  },
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

describe('Argo semantic rules', () => {
  it.each(cases.map((c) => [c.rule, c] as const))(
    'GIVEN a workflow that follows "%s" WHEN validated THEN it is accepted, and breaking the rule is reported',
    (_rule, c) => {
      expect(verdict(c.ok, c.templates)).toBeUndefined();
      expect(verdict(c.bad, c.templates)).toContain(c.error);
    },
  );

  it('GIVEN a CronWorkflow with a malformed schedule WHEN validated THEN the schedule is named', () => {
    const cron = (schedule: string): ArgoObject => ({
      kind: 'CronWorkflow',
      metadata: { name: 'c' },
      spec: { schedules: [schedule], workflowSpec: { entrypoint: 'main', templates: [echo('main') as Template] } },
    });
    expect(argoVerdict(cron('0 3 * * 1'), storeOf([]))).toBeUndefined();
    expect(argoVerdict(cron('0 25 * * 1'), storeOf([]))).toContain('cron schedule 0 25 * * 1 is malformed');
  });

  it('GIVEN a CronWorkflow scheduled on February 30 WHEN validated THEN it is rejected as never firing', () => {
    const cron = (schedule: string): ArgoObject => ({
      kind: 'CronWorkflow',
      metadata: { name: 'c' },
      spec: { schedules: [schedule], workflowSpec: { entrypoint: 'main', templates: [echo('main') as Template] } },
    });
    expect(argoVerdict(cron('0 3 30 2 *'), storeOf([]))).toContain(
      'cron schedule 0 3 30 2 * is malformed: (project): cron never fires: no month in "2" has day 30 (got "0 3 30 2 *"). Pick a day every listed month has (1-28 fits all of them, 30 all but February), or list the months that have it.',
    );
    expect(argoVerdict(cron('0 3 29 2 *'), storeOf([]))).toBeUndefined();
  });

  it.each([
    ['concurrency policy', { concurrencyPolicy: 'Sometimes' }, "'Sometimes' is not a valid concurrencyPolicy"],
    ['starting deadline', { startingDeadlineSeconds: -5 }, 'startingDeadlineSeconds must be positive'],
    ['time zone', { timezone: 'Mars/Olympus' }, "invalid timezone 'Mars/Olympus'"],
    ['schedule and schedules', { schedule: '0 1 * * *' }, 'cant be configured with both'],
  ])('GIVEN a CronWorkflow with a bad %s WHEN validated THEN it is rejected', (_what, extra, error) => {
    const cron = (more: object): ArgoObject => ({
      kind: 'CronWorkflow',
      metadata: { name: 'c' },
      spec: {
        schedules: ['0 3 * * 1'],
        timezone: 'Europe/Berlin',
        workflowSpec: { entrypoint: 'main', templates: [echo('main') as Template] },
        ...more,
      },
    });
    expect(argoVerdict(cron({}), storeOf([]))).toBeUndefined();
    expect(argoVerdict(cron(extra), storeOf([]))).toContain(error);
  });

  it('GIVEN a CronWorkflow name over 52 characters WHEN validated THEN it is rejected (a timestamp is appended to run names)', () => {
    const cron: ArgoObject = {
      kind: 'CronWorkflow',
      metadata: { name: 'c'.repeat(53) },
      spec: { schedules: ['0 3 * * 1'], workflowSpec: { entrypoint: 'main', templates: [echo('main') as Template] } },
    };
    expect(argoVerdict(cron, storeOf([]))).toContain('must not be more than 52 characters');
  });

  it('GIVEN a WorkflowTemplate reading workflow parameters it does not declare WHEN validated alone THEN they are left to the submitting Workflow', () => {
    const wft: ArgoObject = {
      kind: 'WorkflowTemplate',
      metadata: { name: 't' },
      spec: {
        templates: [echo('main', { container: { image: 'a:1', args: ['{{workflow.parameters.date}}'] } }) as Template],
      },
    };
    expect(argoVerdict(wft, storeOf([]))).toBeUndefined();
  });
});

describe('template references across environments', () => {
  it('GIVEN the same WorkflowTemplate name in two namespaces WHEN a CronWorkflow references it THEN the one in its own namespace is used', () => {
    const lib = (namespace: string, template: string) => ({
      kind: 'WorkflowTemplate' as const,
      name: 'lib',
      namespace,
      spec: { entrypoint: template, templates: [echo(template) as Template] },
    });
    const store = storeOf([lib('ml-staging', 'old'), lib('ml-prod', 'new')]);
    const cron = (namespace: string): ArgoObject => ({
      kind: 'CronWorkflow',
      metadata: { name: 'c', namespace },
      spec: { schedules: ['0 3 * * 1'], workflowSpec: { workflowTemplateRef: { name: 'lib' }, entrypoint: 'new' } },
    });
    expect(argoVerdict(cron('ml-prod'), store)).toBeUndefined();
    expect(argoVerdict(cron('ml-staging'), store)).toContain('template reference lib.new not found');
  });
});
