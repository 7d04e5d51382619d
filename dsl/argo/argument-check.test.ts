import { describe, expect, it } from 'vitest';
import { DslError } from '../errors.ts';
import { requiredInputs } from './argument-check.ts';
import { dag } from './dag.ts';
import { steps } from './steps.ts';
import { template, templateRef } from './template.ts';
import { vars } from './vars.ts';
import { workflowEventBinding } from './workflow-event-binding.ts';
import { cronWorkflow, workflow, workflowTemplate } from './workflow.ts';
import { workflowArguments } from './workflow-arguments.ts';

const echo = template('echo', {
  inputs: { parameters: { message: {} } },
  container: { image: 'busybox', args: ['{{inputs.parameters.message}}'] },
});
const plainTpl = template('plain', { container: { image: 'busybox' } });
const needsData = template('needs-data', {
  inputs: { artifacts: { data: { path: '/data' } } },
  container: { image: 'busybox' },
});
const meta = { generateName: 'w-' };

/** Builds a workflow whose main template is one step with these options (cast: JavaScript callers have no types). */
const withStep = (opts: unknown) =>
  workflow({
    metadata: meta,
    spec: {
      entrypoint: template('main', {
        steps: steps((s) => {
          s.step('a', plainTpl, opts as never);
        }),
      }),
    },
  });

describe('required inputs', () => {
  it('GIVEN inputs with values, defaults, sources, locations and optional flags WHEN asked THEN only the bare ones are required', () => {
    expect(
      requiredInputs({
        parameters: {
          bare: {},
          valued: { value: 'v' },
          defaulted: { default: 'd' },
          sourced: { valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } },
        },
        artifacts: {
          bare: { path: '/a' },
          located: { path: '/b', raw: { data: 'x' } },
          optional: { path: '/c', optional: true },
        },
      }),
    ).toEqual({ parameters: ['bare'], artifacts: ['bare'] });
  });
});

describe('hook arguments', () => {
  it('GIVEN a hook passing a misspelt input WHEN built THEN a DslError names the template and its inputs', () => {
    expect(() => withStep({ hooks: { exit: { template: echo, arguments: { parameters: { mesage: 'x' } } } } })).toThrow(
      /step "a" > hooks > hook "exit" > arguments > parameters: "mesage" is not an input of template "echo" \(declared: message\)/,
    );
  });

  it('GIVEN a hook omitting a required input WHEN built THEN a DslError says which one', () => {
    expect(() => withStep({ hooks: { exit: { template: echo } } })).toThrow(
      /hook "exit" > arguments: template "echo" needs parameters "message", which nothing supplies/,
    );
  });

  it('GIVEN correct hook arguments WHEN built THEN they are rendered as Argo lists', () => {
    const wf = withStep({ hooks: { exit: { template: echo, arguments: { parameters: { message: 'bye' } } } } });
    expect(wf.ir.spec.templates?.[0]?.steps?.[0]?.[0]?.hooks).toEqual({
      exit: { template: 'echo', arguments: { parameters: [{ name: 'message', value: 'bye' }] } },
    });
  });

  it('GIVEN a workflow-level hook with a wrong argument WHEN built THEN it is rejected the same way', () => {
    expect(() =>
      workflow({
        metadata: meta,
        spec: {
          entrypoint: plainTpl,
          hooks: { exit: { template: echo, arguments: { parameters: { mesage: 'x' } } } } as never,
        },
      }),
    ).toThrow(/Workflow "w-" > hooks > hook "exit" > arguments > parameters: "mesage" is not an input/);
  });

  it("GIVEN a typed templateRef as a hook WHEN its input is missing THEN the referenced template's inputs are checked", () => {
    const lib = workflowTemplate({ metadata: { name: 'lib' }, spec: { templates: [echo] } });
    expect(() => withStep({ hooks: { exit: { template: lib.templateRef(echo) } } })).toThrow(
      /template "echo" of "lib" needs parameters "message"/,
    );
    expect(() =>
      withStep({
        hooks: {
          exit: {
            template: templateRef({ name: 'cluster', template: 'x' }),
            arguments: { parameters: { anything: '1' } },
          },
        },
      }),
    ).not.toThrow();
  });

  it('GIVEN a step or task argument that is not an input WHEN built THEN it is rejected even without types', () => {
    const main = template('main', {
      dag: dag((d) => {
        d.task('a', echo, { arguments: { parameters: { message: 'x', colour: 'red' } } } as never);
      }),
    });
    expect(() => workflow({ metadata: meta, spec: { entrypoint: main } })).toThrow(
      /task "a" > arguments > parameters: "colour" is not an input of template "echo"/,
    );
  });
});

describe('onExit', () => {
  it('GIVEN a step-level onExit template with a required input WHEN built THEN a DslError suggests an exit hook', () => {
    expect(() => withStep({ onExit: echo })).toThrow(
      /step "a" > onExit: onExit template "echo" has required inputs \(message\), but a step's onExit passes no arguments of its own.*hooks: \{ exit: \{ template, arguments \} \}/,
    );
    expect(() => withStep({ onExit: needsData })).toThrow(/has required inputs \(data\)/);
  });

  it('GIVEN a workflow-level onExit with a required input WHEN the arguments supply it THEN it builds, ELSE a DslError', () => {
    expect(() => workflow({ metadata: meta, spec: { entrypoint: plainTpl, onExit: echo } as never })).toThrow(
      /arguments: onExit template "echo" needs parameters "message", which nothing supplies/,
    );
    const wf = workflow({
      metadata: meta,
      spec: { entrypoint: plainTpl, onExit: echo, arguments: { parameters: { message: 'bye' } } },
    });
    expect(wf.ir.spec.onExit).toBe('echo');
  });
});

describe('workflow arguments against the entrypoint', () => {
  it('GIVEN an entrypoint with a required input and no arguments WHEN built THEN a DslError, for Workflows and CronWorkflows', () => {
    expect(() => workflow({ metadata: meta, spec: { entrypoint: echo } as never })).toThrow(
      /Workflow "w-" > arguments: entrypoint template "echo" needs parameters "message", which nothing supplies \(got \[\]\)/,
    );
    expect(() =>
      workflow({ metadata: meta, spec: { entrypoint: needsData, arguments: { parameters: { x: '1' } } } as never }),
    ).toThrow(/needs artifacts "data"/);
    expect(() =>
      cronWorkflow({
        metadata: { name: 'c' },
        spec: { schedules: ['0 * * * *'], workflowSpec: { entrypoint: echo } as never },
      }),
    ).toThrow(/CronWorkflow "c" > workflowSpec > arguments: entrypoint template "echo" needs parameters "message"/);
  });

  it('GIVEN arguments from workflowArguments() or a map WHEN they supply the input THEN it builds; extra names are kept as global parameters', () => {
    expect(
      workflow({
        metadata: meta,
        spec: { entrypoint: echo, arguments: workflowArguments({ parameters: { message: 'hi' } }) },
      }).ir.spec.arguments,
    ).toEqual({ parameters: [{ name: 'message', value: 'hi' }] });
    expect(
      workflow({
        metadata: meta,
        spec: { entrypoint: echo, arguments: { parameters: { message: 'hi', global: 'g' } } },
      }).ir.spec.arguments?.parameters?.map((p) => p.name),
    ).toEqual(['message', 'global']);
  });

  it('GIVEN a WorkflowTemplate whose entrypoint needs an input WHEN built alone THEN it is accepted: it gets arguments at submission', () => {
    expect(() => workflowTemplate({ metadata: { name: 'later' }, spec: { entrypoint: echo } })).not.toThrow();
  });

  it('GIVEN a typed workflowTemplateRef WHEN the arguments miss an input the template does not supply THEN a DslError; its own arguments count', () => {
    const needs = workflowTemplate({ metadata: { name: 'needs' }, spec: { entrypoint: echo } });
    const supplies = workflowTemplate({
      metadata: { name: 'supplies' },
      spec: { entrypoint: echo, arguments: { parameters: { message: 'default' } } },
    });
    expect(() => workflow({ metadata: meta, spec: { workflowTemplateRef: needs } as never })).toThrow(
      /entrypoint template "echo" needs parameters "message"/,
    );
    expect(() => workflow({ metadata: meta, spec: { workflowTemplateRef: supplies } })).not.toThrow();
    expect(() =>
      workflow({
        metadata: meta,
        spec: { workflowTemplateRef: { name: 'on-the-cluster' }, arguments: { parameters: { anything: 'x' } } },
      }),
    ).not.toThrow();
  });

  it('GIVEN a misspelt argument next to a typed workflowTemplateRef WHEN built THEN a DslError lists the names the template knows', () => {
    const supplies = workflowTemplate({
      metadata: { name: 'supplies' },
      spec: { entrypoint: echo, arguments: { parameters: { message: 'default' } } },
    });
    expect(() =>
      workflow({ metadata: meta, spec: { workflowTemplateRef: supplies, arguments: { parameters: { mesage: 'x' } } } }),
    ).toThrow(
      /Workflow "w-" > arguments > parameters: "mesage" is not an argument, an entrypoint input or a workflow parameter read by WorkflowTemplate "supplies" \(known: message\)/,
    );
  });

  it('GIVEN a WorkflowTemplate reading an undeclared workflow parameter WHEN a workflow or event passes it THEN it is known', () => {
    const reads = template('reads', {
      container: { image: 'busybox', args: [vars.workflow.parameter('appellation')] },
    });
    const wt = workflowTemplate({ metadata: { name: 'reads' }, spec: { entrypoint: reads } });
    expect(() =>
      workflow({ metadata: meta, spec: { workflowTemplateRef: wt, arguments: { parameters: { appellation: 'x' } } } }),
    ).not.toThrow();
    expect(() =>
      workflowEventBinding({
        metadata: { name: 'b' },
        spec: {
          event: { selector: 'true' },
          submit: { workflowTemplateRef: wt, arguments: { parameters: { appelation: 'x' } } },
        },
      }),
    ).toThrow(/submit > arguments > parameters: "appelation" is not an argument/);
  });

  it('GIVEN a WorkflowTemplate reading all workflow parameters WHEN any name is passed THEN it is accepted', () => {
    const all = template('all', { container: { image: 'busybox', args: [vars.workflow.parameters] } });
    const wt = workflowTemplate({ metadata: { name: 'all' }, spec: { entrypoint: all } });
    expect(() =>
      workflow({ metadata: meta, spec: { workflowTemplateRef: wt, arguments: { parameters: { whatever: 'x' } } } }),
    ).not.toThrow();
  });

  it('GIVEN these mistakes WHEN thrown THEN they are DslErrors, reported without a stack trace', () => {
    expect(() => workflow({ metadata: meta, spec: { entrypoint: echo } as never })).toThrow(DslError);
  });
});
