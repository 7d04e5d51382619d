import { describe, expect, it } from 'vitest';
import { storeOf } from './context.ts';
import type { ArgoObject, Template } from './types.ts';
import { argoVerdict } from './workflow.ts';

const wf = (templates: unknown[], spec: Record<string, unknown> = {}): ArgoObject => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name: 'wf' },
  spec: { entrypoint: 'main', templates: templates as Template[], ...spec },
});
const echo = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ name, container: { image: 'alpine:3.20', command: ['echo'] }, ...extra });
const dag = (tasks: unknown[], name = 'main'): Record<string, unknown> => ({ name, dag: { tasks } });
const verdict = (o: ArgoObject, templates: ArgoObject[] = []): string | undefined =>
  argoVerdict(o, storeOf(templates.map((t) => ({ kind: 'WorkflowTemplate' as const, name: String(t.metadata?.name), spec: t.spec ?? {} }))));

// Each rule: a workflow Argo accepts, and the smallest change that breaks the rule.
const cases: { rule: string; ok: ArgoObject; bad: ArgoObject; error: string; templates?: ArgoObject[] }[] = [
  { rule: 'entrypoint is required', ok: wf([echo('main')]), bad: wf([echo('main')], { entrypoint: '' }), error: 'spec.entrypoint is required' },
  { rule: 'entrypoint names a template', ok: wf([echo('main')]), bad: wf([echo('other')]), error: "template name 'main' undefined" },
  { rule: 'step templates exist', ok: wf([{ name: 'main', steps: [[{ name: 'a', template: 'echo' }]] }, echo('echo')]), bad: wf([{ name: 'main', steps: [[{ name: 'a', template: 'nope' }]] }, echo('echo')]), error: "templates.main.steps[0].a template name 'nope' undefined" },
  { rule: 'templateRef resolves in the tree', ok: wf([dag([{ name: 'a', templateRef: { name: 'lib', template: 'echo' } }])]), bad: wf([dag([{ name: 'a', templateRef: { name: 'lib', template: 'missing' } }])]), error: 'template reference lib.missing not found', templates: [{ metadata: { name: 'lib' }, spec: { templates: [echo('echo') as Template] } }] },
  { rule: 'workflowTemplateRef resolves', ok: { kind: 'Workflow', metadata: { name: 'w' }, spec: { workflowTemplateRef: { name: 'lib' }, entrypoint: 'echo' } }, bad: { kind: 'Workflow', metadata: { name: 'w' }, spec: { workflowTemplateRef: { name: 'other' }, entrypoint: 'echo' } }, error: 'workflowtemplates.argoproj.io "other" not found', templates: [{ metadata: { name: 'lib' }, spec: { templates: [echo('echo') as Template] } }] },
  { rule: 'DAG dependencies exist', ok: wf([dag([{ name: 'a', template: 'e' }, { name: 'b', template: 'e', dependencies: ['a'] }]), echo('e')]), bad: wf([dag([{ name: 'a', template: 'e' }, { name: 'b', template: 'e', dependencies: ['x'] }]), echo('e')]), error: 'sorting failed: invalid dependency x' },
  { rule: 'depends expressions name tasks', ok: wf([dag([{ name: 'a', template: 'e' }, { name: 'b', template: 'e', depends: 'a.Succeeded || a.Failed' }]), echo('e')]), bad: wf([dag([{ name: 'a', template: 'e' }, { name: 'b', template: 'e', depends: 'a.Succeeded || c.Failed' }]), echo('e')]), error: 'invalid dependency c' },
  { rule: 'depends results are known', ok: wf([dag([{ name: 'a', template: 'e' }, { name: 'b', template: 'e', depends: 'a.Errored' }]), echo('e')]), bad: wf([dag([{ name: 'a', template: 'e' }, { name: 'b', template: 'e', depends: 'a.Succeded' }]), echo('e')]), error: "task result 'Succeded' for task 'a' is invalid" },
  { rule: 'no cycles', ok: wf([dag([{ name: 'a', template: 'e' }, { name: 'b', template: 'e', depends: 'a' }]), echo('e')]), bad: wf([dag([{ name: 'a', template: 'e', depends: 'b' }, { name: 'b', template: 'e', depends: 'a' }]), echo('e')]), error: 'graph with cycle' },
  { rule: 'task names do not start with a digit when using depends', ok: wf([dag([{ name: 'a1', template: 'e' }, { name: 'b', template: 'e', depends: 'a1' }]), echo('e')]), bad: wf([dag([{ name: '1a', template: 'e' }, { name: 'b', template: 'e', depends: '1a' }]), echo('e')]), error: 'name cannot begin with a digit' },
  { rule: '{{inputs.*}} resolve', ok: wf([echo('main', { inputs: { parameters: [{ name: 'x', value: '1' }] }, container: { image: 'a:1', args: ['{{inputs.parameters.x}}'] } })]), bad: wf([echo('main', { container: { image: 'a:1', args: ['{{inputs.parameters.x}}'] } })]), error: 'failed to resolve {{inputs.parameters.x}}' },
  { rule: '{{tasks.X.outputs.*}} resolve', ok: wf([dag([{ name: 'a', template: 'out' }, { name: 'b', template: 'in', depends: 'a', arguments: { parameters: [{ name: 'v', value: '{{tasks.a.outputs.parameters.p}}' }] } }]), echo('out', { outputs: { parameters: [{ name: 'p', valueFrom: { path: '/tmp/p' } }] } }), echo('in', { inputs: { parameters: [{ name: 'v' }] } })]), bad: wf([dag([{ name: 'a', template: 'out' }, { name: 'b', template: 'in', depends: 'a', arguments: { parameters: [{ name: 'v', value: '{{tasks.a.outputs.parameters.q}}' }] } }]), echo('out', { outputs: { parameters: [{ name: 'p', valueFrom: { path: '/tmp/p' } }] } }), echo('in', { inputs: { parameters: [{ name: 'v' }] } })]), error: 'failed to resolve {{tasks.a.outputs.parameters.q}}' },
  { rule: 'tasks read outputs only of tasks they depend on', ok: wf([dag([{ name: 'a', template: 'out' }, { name: 'b', template: 'in', depends: 'a', arguments: { parameters: [{ name: 'v', value: '{{tasks.a.outputs.parameters.p}}' }] } }]), echo('out', { outputs: { parameters: [{ name: 'p', valueFrom: { path: '/tmp/p' } }] } }), echo('in', { inputs: { parameters: [{ name: 'v' }] } })]), bad: wf([dag([{ name: 'a', template: 'out' }, { name: 'b', template: 'in', arguments: { parameters: [{ name: 'v', value: '{{tasks.a.outputs.parameters.p}}' }] } }]), echo('out', { outputs: { parameters: [{ name: 'p', valueFrom: { path: '/tmp/p' } }] } }), echo('in', { inputs: { parameters: [{ name: 'v' }] } })]), error: "missing dependency 'a' for parameter 'v'" },
  { rule: '{{steps.X.*}} resolve only after the step', ok: wf([{ name: 'main', steps: [[{ name: 'a', template: 'e' }], [{ name: 'b', template: 'e', when: '{{steps.a.status}} == Succeeded' }]] }, echo('e')]), bad: wf([{ name: 'main', steps: [[{ name: 'a', template: 'e', when: '{{steps.b.status}} == Succeeded' }], [{ name: 'b', template: 'e' }]] }, echo('e')]), error: 'failed to resolve {{steps.b.status}}' },
  { rule: '{{workflow.parameters.*}} resolve', ok: wf([echo('main', { container: { image: 'a:1', args: ['{{workflow.parameters.p}}'] } })], { arguments: { parameters: [{ name: 'p', value: 'v' }] } }), bad: wf([echo('main', { container: { image: 'a:1', args: ['{{workflow.parameters.q}}'] } })], { arguments: { parameters: [{ name: 'p', value: 'v' }] } }), error: 'failed to resolve {{workflow.parameters.q}}' },
  { rule: 'required inputs are supplied', ok: wf([dag([{ name: 'a', template: 'in', arguments: { parameters: [{ name: 'v', value: '1' }] } }]), echo('in', { inputs: { parameters: [{ name: 'v' }] } })]), bad: wf([dag([{ name: 'a', template: 'in' }]), echo('in', { inputs: { parameters: [{ name: 'v' }] } })]), error: 'inputs.parameters.v was not supplied' },
  { rule: 'template names are valid', ok: wf([echo('main')]), bad: wf([echo('main'), echo('bad_name')]), error: "spec.templates[1].name: 'bad_name' is invalid" },
  { rule: 'template names are unique', ok: wf([echo('main'), echo('other')]), bad: wf([echo('main'), echo('main')]), error: "spec.templates[1].name 'main' is not unique" },
  { rule: 'parameter names are valid', ok: wf([echo('main', { inputs: { parameters: [{ name: 'my_param-1', value: 'x' }] } })]), bad: wf([echo('main', { inputs: { parameters: [{ name: 'my.param', value: 'x' }] } })]), error: "templates.main.inputs.parameters[0].name: 'my.param' is invalid" },
  { rule: 'onExit target exists', ok: wf([echo('main'), echo('bye')], { onExit: 'bye' }), bad: wf([echo('main')], { onExit: 'bye' }), error: "template name 'bye' undefined" },
  { rule: '{{workflow.failures}} only in onExit', ok: wf([echo('main'), echo('bye', { container: { image: 'a:1', args: ['{{workflow.failures}}'] } })], { onExit: 'bye' }), bad: wf([echo('main', { container: { image: 'a:1', args: ['{{workflow.failures}}'] } })]), error: 'failed to resolve {{workflow.failures}}' },
  { rule: 'hooks other than exit have an expression', ok: wf([echo('main'), echo('h')], { hooks: { running: { expression: 'workflow.status == "Running"', template: 'h' } } }), bad: wf([echo('main'), echo('h')], { hooks: { running: { template: 'h' } } }), error: 'hooks.running Expression required' },
  { rule: 'artifact arguments have a source', ok: wf([dag([{ name: 'a', template: 'in', arguments: { artifacts: [{ name: 'd', raw: { data: 'x' } }] } }]), echo('in', { inputs: { artifacts: [{ name: 'd', path: '/tmp/d' }] } })]), bad: wf([dag([{ name: 'a', template: 'in', arguments: { artifacts: [{ name: 'd' }] } }]), echo('in', { inputs: { artifacts: [{ name: 'd', path: '/tmp/d' }] } })]), error: 'd.from, artifact location, or key is required' },
  { rule: 'artifact sources name existing outputs', ok: wf([dag([{ name: 'a', template: 'out' }, { name: 'b', template: 'in', depends: 'a', arguments: { artifacts: [{ name: 'd', from: '{{tasks.a.outputs.artifacts.o}}' }] } }]), echo('out', { outputs: { artifacts: [{ name: 'o', path: '/tmp/o' }] } }), echo('in', { inputs: { artifacts: [{ name: 'd', path: '/tmp/d' }] } })]), bad: wf([dag([{ name: 'a', template: 'out' }, { name: 'b', template: 'in', depends: 'a', arguments: { artifacts: [{ name: 'd', from: '{{tasks.a.outputs.artifacts.x}}' }] } }]), echo('out', { outputs: { artifacts: [{ name: 'o', path: '/tmp/o' }] } }), echo('in', { inputs: { artifacts: [{ name: 'd', path: '/tmp/d' }] } })]), error: 'failed to resolve {{tasks.a.outputs.artifacts.x}}' },
  { rule: 'output parameters say where their value comes from', ok: wf([echo('main', { outputs: { parameters: [{ name: 'p', valueFrom: { path: '/tmp/p' } }] } })]), bad: wf([echo('main', { outputs: { parameters: [{ name: 'p' }] } })]), error: 'does not have valueFrom or value specified' },
  { rule: 'one template type per template', ok: wf([echo('main')]), bad: wf([{ ...echo('main'), script: { image: 'a:1', source: 'x' } }]), error: 'multiple template types specified' },
  { rule: 'containers have an image', ok: wf([echo('main')]), bad: wf([{ name: 'main', container: { command: ['x'] } }]), error: 'templates.main.container.image may not be empty' },
];

describe('Argo semantic rules', () => {
  it.each(cases.map((c) => [c.rule, c] as const))('GIVEN a workflow that follows "%s" WHEN validated THEN it is accepted, and breaking the rule is reported', (_rule, c) => {
    expect(verdict(c.ok, c.templates)).toBeUndefined();
    expect(verdict(c.bad, c.templates)).toContain(c.error);
  });

  it('GIVEN a CronWorkflow with a malformed schedule WHEN validated THEN the schedule is named', () => {
    const cron = (schedule: string): ArgoObject => ({ kind: 'CronWorkflow', metadata: { name: 'c' }, spec: { schedules: [schedule], workflowSpec: { entrypoint: 'main', templates: [echo('main') as Template] } } });
    expect(argoVerdict(cron('0 3 * * 1'), storeOf([]))).toBeUndefined();
    expect(argoVerdict(cron('0 25 * * 1'), storeOf([]))).toContain('cron schedule 0 25 * * 1 is malformed');
  });

  it('GIVEN a WorkflowTemplate reading workflow parameters it does not declare WHEN validated alone THEN they are left to the submitting Workflow', () => {
    const wft: ArgoObject = { kind: 'WorkflowTemplate', metadata: { name: 't' }, spec: { templates: [echo('main', { container: { image: 'a:1', args: ['{{workflow.parameters.date}}'] } }) as Template] } };
    expect(argoVerdict(wft, storeOf([]))).toBeUndefined();
  });
});
