import { describe, expect, it } from 'vitest';
import { steps } from './steps.ts';
import { template } from './template.ts';
import { clusterWorkflowTemplate, cronWorkflow, workflow, workflowTemplate } from './workflow.ts';
import { vars } from './vars.ts';
import { workflowEventBinding } from './workflow-event-binding.ts';
import { workflowArguments } from './workflow-arguments.ts';

const leaf = (name: string) => template(name, { container: { image: 'busybox', args: [name] } });

describe('workflow kinds', () => {
  it('GIVEN an entrypoint, onExit and hooks WHEN built THEN every template they run is collected once, listed ones first', () => {
    const a = leaf('a');
    const b = leaf('b');
    const lib = leaf('lib');
    const onExit = leaf('exit');
    const running = leaf('running');
    const main = template('main', {
      steps: steps((s) => {
        s.step('a', a);
        s.step('b', b);
        s.step('a-again', a);
      }),
    });
    const wf = workflow({
      metadata: { generateName: 'collect-' },
      spec: {
        templates: [lib],
        entrypoint: main,
        onExit,
        hooks: { running: { expression: 'workflow.status == "Running"', template: running } },
      },
    });
    expect(wf.ir.spec.templates?.map((t) => t.name)).toEqual(['lib', 'main', 'exit', 'running', 'a', 'b']);
    expect(wf.ir.spec).toMatchObject({
      entrypoint: 'main',
      onExit: 'exit',
      hooks: { running: { template: 'running', expression: 'workflow.status == "Running"' } },
    });
    expect(wf.name).toBe('collect-');
  });

  it('GIVEN two different templates with one name WHEN built THEN a DslError points at the second', () => {
    const main = template('main', {
      steps: steps((s) => {
        s.step('x', leaf('dup'));
        s.step('y', leaf('dup'));
      }),
    });
    expect(() => workflow({ metadata: { name: 'w' }, spec: { entrypoint: main } })).toThrow(
      /Workflow "w" > template "main": two different templates are named "dup"/,
    );
  });

  it('GIVEN typed workflow arguments WHEN templates use them THEN they reference {{workflow.parameters.<name>}}', () => {
    const args = workflowArguments({ parameters: { message: 'hello', count: { value: 3, enum: [1, 2, 3] } } });
    const print = template('print', {
      container: { image: 'busybox', args: [args.parameters.message, `${args.parameters}`] },
    });
    const wf = workflow({ metadata: { generateName: 'args-' }, spec: { entrypoint: print, arguments: args } });
    expect(wf.ir.spec.arguments).toEqual({
      parameters: [
        { name: 'message', value: 'hello' },
        { name: 'count', value: '3', enum: ['1', '2', '3'] },
      ],
    });
    expect(wf.ir.spec.templates?.[0]?.container?.args).toEqual([
      '{{workflow.parameters.message}}',
      '{{workflow.parameters}}',
    ]);
  });

  it('GIVEN a WorkflowTemplate WHEN another workflow runs it or one of its templates THEN refs are typed and checked', () => {
    const print = template('print-message', {
      inputs: { parameters: { message: {} } },
      container: { image: 'busybox' },
    });
    const wt = workflowTemplate({ metadata: { name: 'lib' }, spec: { templates: [print] } });
    const cwt = clusterWorkflowTemplate({ metadata: { name: 'cluster-lib' }, spec: { templates: [print] } });
    const main = template('main', {
      steps: steps((s) => {
        s.step('a', wt.templateRef(print), { arguments: { parameters: { message: 'a' } } });
        s.step('b', cwt.templateRef(print), { arguments: { parameters: { message: 'b' } } });
      }),
    });
    const wf = workflow({ metadata: { generateName: 'use-' }, spec: { entrypoint: main } });
    expect(wf.ir.spec.templates?.[0]?.steps?.flat().map((s) => s.templateRef)).toEqual([
      { name: 'lib', template: 'print-message' },
      { name: 'cluster-lib', template: 'print-message', clusterScope: true },
    ]);
    expect(() => wt.templateRef(leaf('other'))).toThrow(
      /WorkflowTemplate "lib": template "other" is not one of this WorkflowTemplate's templates/,
    );
    const byRef = workflow({
      metadata: { generateName: 'by-ref-' },
      spec: { workflowTemplateRef: cwt, entrypoint: print, arguments: { parameters: { message: 'hi' } } },
    });
    expect(byRef.ir.spec).toEqual({
      workflowTemplateRef: { name: 'cluster-lib', clusterScope: true },
      entrypoint: 'print-message',
      arguments: { parameters: [{ name: 'message', value: 'hi' }] },
    });
  });

  it('GIVEN metadata without a name WHEN built THEN the error says which field is needed', () => {
    expect(() => workflow({ metadata: {} as never, spec: {} })).toThrow(
      /a Workflow needs metadata.name or metadata.generateName/,
    );
    expect(() => workflowTemplate({ metadata: { name: 'Bad_Name' }, spec: {} })).toThrow(
      /WorkflowTemplate names are DNS-1123 subdomains/,
    );
    expect(() => workflow({ metadata: { name: 'w', labels: { generateName: 'fun-with-gifs-' } }, spec: {} })).toThrow(
      /Workflow "w" > metadata > labels > generateName: invalid label value \(got "fun-with-gifs-"\)/,
    );
    expect(() => workflow({ metadata: { name: 'w', labels: { 'bad key!': 'x' } }, spec: {} })).toThrow(
      /invalid label key/,
    );
  });

  it("GIVEN a CronWorkflow WHEN built THEN schedules are required and the workflow spec is built like a workflow's", () => {
    const hello = leaf('hello');
    const cw = cronWorkflow({
      metadata: { name: 'hello' },
      spec: { schedules: ['* * * * *'], timezone: 'UTC', workflowSpec: { entrypoint: hello } },
    });
    expect(cw.ir.spec).toEqual({
      schedules: ['* * * * *'],
      timezone: 'UTC',
      workflowSpec: {
        entrypoint: 'hello',
        templates: [{ name: 'hello', container: { image: 'busybox', args: ['hello'] } }],
      },
    });
    expect(() => cronWorkflow({ metadata: { name: 'x' }, spec: { schedules: [], workflowSpec: {} } })).toThrow(
      /CronWorkflow "x" > schedules: a CronWorkflow needs at least one schedule/,
    );
  });

  it('GIVEN a WorkflowEventBinding WHEN built THEN it submits the referenced template with event arguments', () => {
    const main = template('main', { container: { image: 'busybox', args: [vars.workflow.parameter('x')] } });
    const wt = workflowTemplate({ metadata: { name: 'consumer' }, spec: { entrypoint: main } });
    const b = workflowEventBinding({
      metadata: { name: 'on-event' },
      spec: {
        event: { selector: 'payload.x != ""' },
        submit: { workflowTemplateRef: wt, arguments: { parameters: { x: { valueFrom: { event: 'payload.x' } } } } },
      },
    });
    expect(b.ir.spec).toEqual({
      event: { selector: 'payload.x != ""' },
      submit: {
        workflowTemplateRef: { name: 'consumer' },
        arguments: { parameters: [{ name: 'x', valueFrom: { event: 'payload.x' } }] },
      },
    });
  });
});
