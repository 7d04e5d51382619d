import { describe, expect, it } from 'vitest';
import { dag, echo, verdict, wf, type RuleCase } from '../../../test/argo-workflow-kit.ts';
import { storeOf } from './context.ts';
import type { ArgoObject, Template } from './types.ts';
import { argoVerdict } from './workflow.ts';

// References, DAG dependencies, variables and hooks; template fields, pods, loops and metrics are
// in workflow-fields.test.ts. Each rule: a workflow Argo accepts, and the smallest change that
// breaks the rule.
const cases: RuleCase[] = [
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
];

describe('Argo semantic rules', () => {
  it.each(cases.map((c) => [c.rule, c] as const))(
    'GIVEN a workflow that follows "%s" WHEN validated THEN it is accepted, and breaking the rule is reported',
    (_rule, c) => {
      expect(verdict(c.ok, c.templates)).toBeUndefined();
      expect(verdict(c.bad, c.templates)).toContain(c.error);
    },
  );

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
